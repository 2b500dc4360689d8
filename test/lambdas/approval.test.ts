import { GetItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { handler as approve } from '../../lambdas/approval/approve';
import { handler as executeRequest } from '../../lambdas/approval/execute-request';
import { handler as notifyRejection } from '../../lambdas/approval/notify-rejection';
import { handler as sendApprovalRequest } from '../../lambdas/approval/send-approval-request';
import { handler as sendTimeoutNotification } from '../../lambdas/approval/send-timeout-notification';
import { ApprovalTableAccess, ApprovalTables, ApproveTableAccess } from '../../lambdas/approval/tables';
import type { HttpApiEvent } from '../../lambdas/approval/http-api-event';
import { startFakeStepFunctions, type FakeStepFunctions } from './fake-step-functions';
import { granted, startHandlerFixture, type HandlerFixture } from './handler-fixture';

let f: HandlerFixture;
let sfn: FakeStepFunctions;
let logs: string[];
let n = 0;
const unique = (p: string) => `${p}-${++n}`;

beforeAll(async () => {
  f = await startHandlerFixture(ApprovalTables);
  sfn = await startFakeStepFunctions();
  process.env.AWS_ENDPOINT_URL_SFN = sfn.endpoint;
  logs = [];
  jest.spyOn(console, 'log').mockImplementation((line: string) => void logs.push(line));
});
afterAll(async () => {
  await f?.close();
  await sfn?.close();
});

async function record(requestId: string) {
  const { Item } = await f.ddb.send(new GetItemCommand({ TableName: f.tables.Approvals, Key: { requestId: { S: requestId } }, ConsistentRead: true }));
  return Item;
}
const request = (requestId: string, taskToken = `token-${requestId}`, timeoutSeconds = 86400) =>
  f.run('SendApprovalRequest', sendApprovalRequest, { requestId, requester: 'alice', description: 'Raise the limit', taskToken, timeoutSeconds });
const decide = (event: object) => f.run('Approve', approve as (e: object) => Promise<unknown>, event);
const callsFor = (token: string) => sfn.calls.filter((c) => c.input.taskToken === token);

function httpEvent(requestId: string, body: object | string, base64 = false): HttpApiEvent {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return {
    version: '2.0',
    routeKey: 'POST /approvals/{requestId}',
    pathParameters: { requestId },
    body: base64 ? Buffer.from(text).toString('base64') : text,
    isBase64Encoded: base64,
    requestContext: { authorizer: { iam: { userArn: 'arn:aws:iam::123456789012:user/bob' } } },
  };
}

describe('send-approval-request', () => {
  test('stores the request as PENDING with its token and expiry, and logs the request id (never the token)', async () => {
    const requestId = unique('req');
    const before = Date.now();
    const out = await request(requestId, 'secret-token', 3600);
    expect(out).toEqual({ requestId, status: 'PENDING', expiresAt: expect.any(String) });
    const item = await record(requestId);
    expect(item).toMatchObject({ requestId: { S: requestId }, taskToken: { S: 'secret-token' }, status: { S: 'PENDING' }, requester: { S: 'alice' }, description: { S: 'Raise the limit' } });
    const expiresAt = Date.parse(item!.expiresAt.S!);
    expect(expiresAt).toBeGreaterThanOrEqual(before + 3600_000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 3600_000);
    const line = logs.find((l) => l.includes(requestId));
    expect(JSON.parse(line!)).toMatchObject({ message: 'approval requested', requestId });
    expect(logs.join('\n')).not.toContain('secret-token');
  });

  test('a redelivery (or a retry with a new token) refreshes the pending request with the newest token', async () => {
    const requestId = unique('req');
    await request(requestId, 'first-token');
    await request(requestId, 'second-token');
    expect(await record(requestId)).toMatchObject({ taskToken: { S: 'second-token' }, status: { S: 'PENDING' } });
  });

  test('a request id that was already decided is refused', async () => {
    const requestId = unique('req');
    await request(requestId);
    await decide({ requestId, decision: 'approve' });
    await expect(request(requestId, 'another-token')).rejects.toMatchObject({ name: 'ApprovalAlreadyDecided' });
  });

  test('a malformed request fails with InvalidInput', async () => {
    await expect(f.run('SendApprovalRequest', sendApprovalRequest, { requestId: 'r-1', requester: 'a', description: 'd', timeoutSeconds: 60 } as never))
      .rejects.toMatchObject({ name: 'InvalidInput', message: 'taskToken must be a string (got nothing)' });
  });
});

describe('approve', () => {
  test('approves by request id: completes the task with SendTaskSuccess and records the decision', async () => {
    const requestId = unique('req');
    await request(requestId);
    expect(await decide({ requestId, decision: 'approve', approver: 'bob', reason: 'fine' })).toEqual({ requestId, status: 'APPROVED' });
    expect(callsFor(`token-${requestId}`)).toEqual([
      { operation: 'SendTaskSuccess', input: { taskToken: `token-${requestId}`, output: JSON.stringify({ approved: true, reason: 'fine', approver: 'bob' }) } },
    ]);
    expect(await record(requestId)).toMatchObject({ status: { S: 'APPROVED' }, approver: { S: 'bob' }, reason: { S: 'fine' } });
  });

  test('rejects, and a second decision fails with ApprovalAlreadyDecided without touching the task', async () => {
    const requestId = unique('req');
    await request(requestId);
    expect(await decide({ requestId, decision: 'reject', reason: 'over budget' })).toEqual({ requestId, status: 'REJECTED' });
    await expect(decide({ requestId, decision: 'approve' })).rejects.toMatchObject({ name: 'ApprovalAlreadyDecided', message: `approval ${requestId} was already REJECTED` });
    expect(callsFor(`token-${requestId}`)).toEqual([
      { operation: 'SendTaskSuccess', input: { taskToken: `token-${requestId}`, output: JSON.stringify({ approved: false, reason: 'over budget' }) } },
    ]);
  });

  test('two approvers at once: one decision wins, the other is told it was decided', async () => {
    const requestId = unique('req');
    await request(requestId);
    const results = await Promise.allSettled([decide({ requestId, decision: 'approve' }), decide({ requestId, decision: 'reject' })]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { name: 'ApprovalAlreadyDecided' } });
    expect(callsFor(`token-${requestId}`)).toHaveLength(1);
  });

  test('an unknown request id fails with ApprovalNotFound', async () => {
    await expect(decide({ requestId: 'req-nope', decision: 'approve' })).rejects.toMatchObject({ name: 'ApprovalNotFound', message: 'no approval request req-nope' });
  });

  test.each([
    [{ requestId: 'r-1', decision: 'maybe' }, 'decision must be "approve" or "reject" (got "maybe")'],
    [{ decision: 'approve' }, 'requestId must be a string (got nothing)'],
    ['approve', 'the event must be a JSON object (got the string "approve")'],
  ])('a malformed decision %j fails with InvalidInput', async (event, message) => {
    await expect(decide(event as never)).rejects.toMatchObject({ name: 'InvalidInput', message });
  });

  test('after the stored expiry, the waiting task is failed with ApprovalExpired and the approval is TIMED_OUT', async () => {
    const requestId = unique('req');
    await request(requestId);
    await f.ddb.send(new UpdateItemCommand({ TableName: f.tables.Approvals, Key: { requestId: { S: requestId } }, UpdateExpression: 'SET expiresAt = :past', ExpressionAttributeValues: { ':past': { S: '2020-01-01T00:00:00.000Z' } } }));
    await expect(decide({ requestId, decision: 'approve' })).rejects.toMatchObject({ name: 'ApprovalExpired' });
    expect(callsFor(`token-${requestId}`)).toEqual([
      { operation: 'SendTaskFailure', input: { taskToken: `token-${requestId}`, error: 'ApprovalExpired', cause: `approval ${requestId} expired at 2020-01-01T00:00:00.000Z, before the decision` } },
    ]);
    expect((await record(requestId))?.status?.S).toBe('TIMED_OUT');
  });

  test('when Step Functions no longer waits (TaskTimedOut), the approval becomes TIMED_OUT and the caller gets ApprovalExpired', async () => {
    const requestId = unique('req');
    await request(requestId);
    sfn.refuse.set(`token-${requestId}`, 'TaskTimedOut');
    await expect(decide({ requestId, decision: 'approve' })).rejects.toMatchObject({ name: 'ApprovalExpired' });
    expect((await record(requestId))?.status?.S).toBe('TIMED_OUT');
  });

  test('when the callback fails otherwise, the decision is undone so the approver can try again', async () => {
    const requestId = unique('req');
    await request(requestId);
    sfn.refuse.set(`token-${requestId}`, 'InvalidToken');
    await expect(decide({ requestId, decision: 'approve' })).rejects.toMatchObject({ name: 'InvalidToken' });
    expect((await record(requestId))?.status?.S).toBe('PENDING');
    sfn.refuse.delete(`token-${requestId}`);
    expect(await decide({ requestId, decision: 'approve' })).toEqual({ requestId, status: 'APPROVED' });
  });
});

describe('approve through the HTTP API', () => {
  test('POST /approvals/{requestId} answers 200 with the decision; the approver defaults to the signing identity', async () => {
    const requestId = unique('req');
    await request(requestId);
    const response = await decide(httpEvent(requestId, { decision: 'approve' }, true));
    expect(response).toEqual({ statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ requestId, status: 'APPROVED' }) });
    expect(JSON.parse(callsFor(`token-${requestId}`)[0].input.output)).toEqual({ approved: true, approver: 'arn:aws:iam::123456789012:user/bob' });
  });

  test.each([
    ['a second decision', 409, 'ApprovalAlreadyDecided', async (id: string) => { await request(id); await decide({ requestId: id, decision: 'reject' }); return { decision: 'approve' }; }],
    ['an unknown request', 404, 'ApprovalNotFound', async () => ({ decision: 'approve' })],
    ['a body that is not JSON', 400, 'InvalidInput', async () => '{decision'],
  ])('%s is a %d with {errorType, errorMessage}', async (_what, statusCode, errorType, setup) => {
    const requestId = unique('req');
    const body = await setup(requestId);
    const response = (await decide(httpEvent(requestId, body))) as { statusCode: number; body: string };
    expect(response.statusCode).toBe(statusCode);
    expect(JSON.parse(response.body)).toEqual({ errorType, errorMessage: expect.any(String) });
  });
});

describe('the other approval activities', () => {
  test('send-timeout-notification marks the approval TIMED_OUT; a late approver is then told it was decided', async () => {
    const requestId = unique('req');
    await request(requestId);
    expect(await f.run('SendTimeoutNotification', sendTimeoutNotification, { requestId })).toEqual({ notified: true });
    expect(await f.run('SendTimeoutNotification', sendTimeoutNotification, { requestId })).toEqual({ notified: true });
    expect((await record(requestId))?.status?.S).toBe('TIMED_OUT');
    await expect(decide({ requestId, decision: 'approve' })).rejects.toMatchObject({ name: 'ApprovalAlreadyDecided', message: `approval ${requestId} was already TIMED_OUT` });
    expect(callsFor(`token-${requestId}`)).toEqual([]);
  });

  test('a timeout notification for an unknown request fails with ApprovalNotFound', async () => {
    await expect(f.run('SendTimeoutNotification', sendTimeoutNotification, { requestId: 'req-unknown' })).rejects.toMatchObject({ name: 'ApprovalNotFound' });
  });

  test('execute-request and notify-rejection do their (logged) work', async () => {
    // The workflow merges the execution input with the decision: extra fields are ignored.
    const merged = { requestId: 'req-x', requester: 'alice', description: 'd', approved: true, approver: 'bob' };
    expect(await f.run('ExecuteRequest', executeRequest, merged)).toEqual({ executed: true });
    expect(await f.run('NotifyRejection', notifyRejection, { ...merged, approved: false, reason: 'no' })).toEqual({ notified: true });
    expect(logs.map((l) => JSON.parse(l)).filter((l) => l.requestId === 'req-x')).toEqual([
      { level: 'INFO', message: 'approved request executed', requestId: 'req-x', approver: 'bob' },
      { level: 'INFO', message: 'requester notified of the rejection', requestId: 'req-x', reason: 'no' },
    ]);
  });
});

test('each handler used exactly the DynamoDB actions its access list grants', () => {
  for (const activity of Object.keys(ApprovalTableAccess)) expect(f.used(activity)).toEqual(granted(ApprovalTableAccess[activity]));
  expect(f.used('Approve')).toEqual(granted(ApproveTableAccess));
  expect(f.used('(outside run)')).toEqual([]);
});
