import { tableName } from '../shared/env';
import { ID_RULES, InputObject } from '../shared/input-object';
import { log } from '../shared/log';
import { putPending } from './approval-record';
import { ApprovalAlreadyDecided } from './errors';
import { ApprovalTables } from './tables';
import type { SendApprovalRequestInput, SendApprovalRequestOutput } from './types';

/** AWS's limit on a task token's length. */
const MAX_TOKEN_LENGTH = 1024;

/**
 * The first half of the callback: stores the request as PENDING with its task token and expiry,
 * then "sends" it to the approver: a log line naming the request id (an email or an SNS message
 * in a real app). The token itself is never logged; approvers decide by request id through the
 * approve helper. A redelivery (or a retry with a fresh token) refreshes the pending request.
 */
export const handler = async (event: SendApprovalRequestInput): Promise<SendApprovalRequestOutput> => {
  const input = InputObject.of(event);
  const requestId = input.string('requestId', ID_RULES);
  const requester = input.string('requester', { maxLength: 256 });
  const description = input.string('description', { maxLength: 4096 });
  const taskToken = input.string('taskToken', { maxLength: MAX_TOKEN_LENGTH });
  const timeoutSeconds = input.integer('timeoutSeconds', { min: 1, max: 365 * 24 * 60 * 60 });
  const expiresAt = new Date(Date.now() + timeoutSeconds * 1000).toISOString();

  if (!(await putPending(tableName(ApprovalTables.Approvals), { requestId, taskToken, requester, description, expiresAt }))) {
    throw new ApprovalAlreadyDecided(`approval ${requestId} was already decided; use a new request id`);
  }
  log('approval requested', { requestId, requester, description, expiresAt, decideWith: { requestId, decision: 'approve | reject' } });
  return { requestId, status: 'PENDING', expiresAt };
};
