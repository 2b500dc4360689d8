/** Inputs and outputs of the approval activities. */

export interface ApprovalInput {
  requestId: string;
  requester: string;
  description: string;
}

export interface SendApprovalRequestInput extends ApprovalInput {
  /** The callback token, from `$$.Task.Token`. */
  taskToken: string;
  /** How long the approver has, in seconds (the Task's timeout). */
  timeoutSeconds: number;
}
/** What send-approval-request returns (Step Functions ignores it: the task waits for the token). */
export interface SendApprovalRequestOutput {
  requestId: string;
  status: 'PENDING';
  /** When the approval expires (ISO 8601). */
  expiresAt: string;
}

/** The life of a stored approval: PENDING until a decision, or until the wait times out. */
export type ApprovalStatus = 'PENDING' | 'APPROVED' | 'REJECTED' | 'TIMED_OUT';

/** What the approver sends back through SendTaskSuccess: the task's result. */
export interface ApprovalDecision {
  approved: boolean;
  reason?: string;
  approver?: string;
}

export interface ExecuteRequestInput {
  requestId: string;
  approver?: string;
}
export interface ExecuteRequestOutput {
  executed: boolean;
}

export interface NotifyRejectionInput {
  requestId: string;
  reason?: string;
}
export interface NotifyRejectionOutput {
  notified: boolean;
}

export interface SendTimeoutNotificationInput {
  requestId: string;
}
export interface SendTimeoutNotificationOutput {
  notified: boolean;
}

/** The `approve` helper (an HTTP endpoint, not an activity): completes a pending approval by request id. */
export interface ApproveInput {
  requestId: string;
  decision: 'approve' | 'reject';
  reason?: string;
  approver?: string;
}
export interface ApproveOutput {
  requestId: string;
  status: 'APPROVED' | 'REJECTED';
}

export const ApprovalErrors = {
  InvalidInput: 'InvalidInput',
  ApprovalNotFound: 'ApprovalNotFound',
  ApprovalAlreadyDecided: 'ApprovalAlreadyDecided',
  /** A decision after the approval expired; the waiting task is failed with this error. */
  ApprovalExpired: 'ApprovalExpired',
} as const;
