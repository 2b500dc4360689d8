import { tableName } from '../shared/env';
import { ID_RULES, InputObject } from '../shared/input-object';
import { log } from '../shared/log';
import { markTimedOut } from './approval-record';
import { ApprovalNotFound } from './errors';
import { ApprovalTables } from './tables';
import type { SendTimeoutNotificationInput, SendTimeoutNotificationOutput } from './types';

/**
 * Runs when the wait for a decision timed out (the Task's States.Timeout catch): marks the
 * approval TIMED_OUT, so a late approver is told it is too late, and notifies the requester.
 */
export const handler = async (event: SendTimeoutNotificationInput): Promise<SendTimeoutNotificationOutput> => {
  const requestId = InputObject.of(event).string('requestId', ID_RULES);
  if (!(await markTimedOut(tableName(ApprovalTables.Approvals), requestId))) {
    throw new ApprovalNotFound(`no approval request ${requestId}`);
  }
  log('approval timed out; requester notified', { requestId });
  return { notified: true };
};
