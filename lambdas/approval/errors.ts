import { ApprovalErrors } from './types';

/** Errors of the approval activities and of the approve helper. */

export class ApprovalNotFound extends Error {
  override readonly name = ApprovalErrors.ApprovalNotFound;
}

/** The request is no longer PENDING: someone decided it, or it timed out. */
export class ApprovalAlreadyDecided extends Error {
  override readonly name = ApprovalErrors.ApprovalAlreadyDecided;
}

/** The decision came after the approval's expiry; the workflow no longer waits for it. */
export class ApprovalExpired extends Error {
  override readonly name = ApprovalErrors.ApprovalExpired;
}
