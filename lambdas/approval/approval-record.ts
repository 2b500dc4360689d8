import { GetItemCommand, UpdateItemCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { dynamoDb, isConditionalCheckFailed } from '../shared/dynamodb';
import type { ApprovalStatus } from './types';

/**
 * A stored approval request. Every change of `status` is a conditional write, so two approvers
 * (or an approver and the timeout) cannot both win.
 */
export interface ApprovalRecord {
  requestId: string;
  taskToken: string;
  status: ApprovalStatus;
  requester: string;
  description: string;
  /** ISO 8601. */
  expiresAt: string;
  approver?: string;
  reason?: string;
  /** Set with a decision; a reverted or superseded decision is recognised by it. */
  decisionId?: string;
}

function parse(item: Record<string, AttributeValue>): ApprovalRecord {
  return {
    requestId: item.requestId.S!,
    taskToken: item.taskToken?.S ?? '',
    status: item.status.S as ApprovalStatus,
    requester: item.requester?.S ?? '',
    description: item.description?.S ?? '',
    expiresAt: item.expiresAt?.S ?? '',
    approver: item.approver?.S,
    reason: item.reason?.S,
    decisionId: item.decisionId?.S,
  };
}

const key = (requestId: string) => ({ requestId: { S: requestId } });
const now = () => new Date().toISOString();

/**
 * Stores a PENDING approval, or refreshes a pending one with the newest token (a retried
 * invocation carries a new token, and only the newest completes the task). False when the
 * request was already decided.
 */
export async function putPending(table: string, r: Pick<ApprovalRecord, 'requestId' | 'taskToken' | 'requester' | 'description' | 'expiresAt'>): Promise<boolean> {
  try {
    await dynamoDb().send(new UpdateItemCommand({
      TableName: table,
      Key: key(r.requestId),
      UpdateExpression: 'SET taskToken = :token, #status = :pending, requester = :requester, description = :description, expiresAt = :expiresAt, requestedAt = if_not_exists(requestedAt, :now)',
      ConditionExpression: 'attribute_not_exists(requestId) OR #status = :pending',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':token': { S: r.taskToken },
        ':pending': { S: 'PENDING' },
        ':requester': { S: r.requester },
        ':description': { S: r.description },
        ':expiresAt': { S: r.expiresAt },
        ':now': { S: now() },
      },
    }));
    return true;
  } catch (err) {
    if (isConditionalCheckFailed(err)) return false;
    throw err;
  }
}

export async function getApproval(table: string, requestId: string): Promise<ApprovalRecord | undefined> {
  const { Item } = await dynamoDb().send(new GetItemCommand({ TableName: table, Key: key(requestId), ConsistentRead: true }));
  return Item ? parse(Item) : undefined;
}

interface Transition {
  to: ApprovalStatus;
  /** The status the record must have now (default PENDING), or the decision it must carry. */
  from: { status: ApprovalStatus } | { decisionId: string };
  set?: Partial<Pick<ApprovalRecord, 'approver' | 'reason' | 'decisionId'>>;
}

/** Moves the record to another status if it is still where the caller saw it; false when it moved on. */
export async function transition(table: string, requestId: string, t: Transition): Promise<boolean> {
  const set = Object.entries(t.set ?? {}).filter(([, v]) => v !== undefined) as [string, string][];
  const byDecision = 'decisionId' in t.from;
  try {
    await dynamoDb().send(new UpdateItemCommand({
      TableName: table,
      Key: key(requestId),
      UpdateExpression: ['SET #status = :to, changedAt = :now', ...set.map(([k]) => `${k} = :${k}`)].join(', '),
      ConditionExpression: byDecision ? 'decisionId = :from' : '#status = :from',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':to': { S: t.to },
        ':now': { S: now() },
        ':from': { S: 'decisionId' in t.from ? t.from.decisionId : t.from.status },
        ...Object.fromEntries(set.map(([k, v]) => [`:${k}`, { S: v }])),
      },
    }));
    return true;
  } catch (err) {
    if (isConditionalCheckFailed(err)) return false;
    throw err;
  }
}

/** The timeout's last word: the workflow stopped waiting, whatever the record said. False when there is no such request. */
export async function markTimedOut(table: string, requestId: string): Promise<boolean> {
  try {
    await dynamoDb().send(new UpdateItemCommand({
      TableName: table,
      Key: key(requestId),
      UpdateExpression: 'SET #status = :timedOut, timedOutAt = if_not_exists(timedOutAt, :now)',
      ConditionExpression: 'attribute_exists(requestId)',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':timedOut': { S: 'TIMED_OUT' }, ':now': { S: now() } },
    }));
    return true;
  } catch (err) {
    if (isConditionalCheckFailed(err)) return false;
    throw err;
  }
}
