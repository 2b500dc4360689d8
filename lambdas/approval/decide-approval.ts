import { randomUUID } from 'node:crypto';
import { SendTaskFailureCommand, SendTaskSuccessCommand } from '@aws-sdk/client-sfn';
import { tableName } from '../shared/env';
import { InvalidInput } from '../shared/errors';
import { ID_RULES, InputObject } from '../shared/input-object';
import { log } from '../shared/log';
import { stepFunctions } from '../shared/step-functions';
import { getApproval, transition } from './approval-record';
import { ApprovalAlreadyDecided, ApprovalExpired, ApprovalNotFound } from './errors';
import { ApprovalTables } from './tables';
import { ApprovalErrors, type ApprovalDecision, type ApproveInput, type ApproveOutput } from './types';

/** Step Functions' answers for a token whose task no longer waits (timed out, or its execution ended). */
const TASK_GONE = new Set(['TaskTimedOut', 'TaskDoesNotExist']);

export function readApproveInput(event: unknown): ApproveInput {
  const input = InputObject.of(event);
  const decision = input.string('decision', { maxLength: 16 });
  if (decision !== 'approve' && decision !== 'reject') throw new InvalidInput(`decision must be "approve" or "reject" (got ${JSON.stringify(decision)})`);
  return {
    requestId: input.string('requestId', ID_RULES),
    decision,
    reason: input.optionalString('reason', { maxLength: 4096 }),
    approver: input.optionalString('approver', { maxLength: 256 }),
  };
}

/**
 * Decides a pending approval by request id, the way Durable Functions raises an event by
 * instance id: the decision is claimed first with a conditional write (so a second approver gets
 * ApprovalAlreadyDecided), then the waiting task is completed with SendTaskSuccess. If Step
 * Functions no longer waits, the approval becomes TIMED_OUT and the caller gets ApprovalExpired;
 * if the call fails otherwise, the claim is undone so the approver can simply try again. A
 * decision after the stored expiry fails the waiting task with ApprovalExpired instead.
 */
export async function decideApproval({ requestId, decision, reason, approver }: ApproveInput): Promise<ApproveOutput> {
  const table = tableName(ApprovalTables.Approvals);
  const record = await getApproval(table, requestId);
  if (!record) throw new ApprovalNotFound(`no approval request ${requestId}`);
  if (record.status !== 'PENDING') throw new ApprovalAlreadyDecided(`approval ${requestId} was already ${record.status}`);
  const sfn = stepFunctions();

  if (Date.parse(record.expiresAt) <= Date.now()) {
    if (!(await transition(table, requestId, { to: 'TIMED_OUT', from: { status: 'PENDING' } }))) {
      throw new ApprovalAlreadyDecided(`approval ${requestId} was decided meanwhile`);
    }
    const cause = `approval ${requestId} expired at ${record.expiresAt}, before the decision`;
    await sfn.send(new SendTaskFailureCommand({ taskToken: record.taskToken, error: ApprovalErrors.ApprovalExpired, cause })).catch((err: Error) => {
      if (!TASK_GONE.has(err.name)) throw err;
    });
    throw new ApprovalExpired(cause);
  }

  const status = decision === 'approve' ? 'APPROVED' : 'REJECTED';
  const decisionId = randomUUID();
  if (!(await transition(table, requestId, { to: status, from: { status: 'PENDING' }, set: { approver, reason, decisionId } }))) {
    const now = await getApproval(table, requestId);
    throw new ApprovalAlreadyDecided(`approval ${requestId} was already ${now?.status ?? 'decided'}`);
  }
  const output: ApprovalDecision = { approved: status === 'APPROVED', ...(reason !== undefined && { reason }), ...(approver !== undefined && { approver }) };
  try {
    await sfn.send(new SendTaskSuccessCommand({ taskToken: record.taskToken, output: JSON.stringify(output) }));
  } catch (err) {
    if (TASK_GONE.has((err as Error).name)) {
      await transition(table, requestId, { to: 'TIMED_OUT', from: { decisionId } });
      throw new ApprovalExpired(`the workflow no longer waits for approval ${requestId} (${(err as Error).name})`);
    }
    await transition(table, requestId, { to: 'PENDING', from: { decisionId } });
    throw err;
  }
  log('approval decided', { requestId, status, approver: approver ?? null, reason: reason ?? null });
  return { requestId, status };
}
