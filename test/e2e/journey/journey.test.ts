import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { GetItemCommand, PutItemCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { CreateStateMachineCommand, DescribeExecutionCommand, GetExecutionHistoryCommand, ListExecutionsCommand, StartExecutionCommand, type HistoryEvent } from '@aws-sdk/client-sfn';
import { path, startWorkflow, workflow } from '../../../lib/builder';
import { AWS_CLI, aws, eventually, openTarget, waitForClose, type JourneyTarget } from './target';

/**
 * The user's whole journey on the reference app, through the same code as `npm start`: the four
 * patterns plus a sub-workflow, driven with @aws-sdk/client-sfn and the AWS CLI, with the state the
 * Lambda activities keep in DynamoDB checked directly.
 */

const virtualTime = process.env.SAGAFLOW_TARGET !== 'localstack';
const withVirtualTime = virtualTime ? test : test.skip;
if (!virtualTime) console.warn('LocalStack target: approval timeout and monitor tests are skipped, they need sagaflow\'s virtual time');

let t: JourneyTarget;
let run = 0;
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++run}`;

beforeAll(async () => {
  if (!existsSync(AWS_CLI)) throw new Error(`${AWS_CLI} is missing: install Debian's awscli (.ci/run does)`);
  t = await openTarget();
}, 240_000);

afterAll(async () => {
  await t?.close();
});

async function start(pattern: RegExp, input: object, name = unique('run')): Promise<string> {
  const out = await t.sfn.send(new StartExecutionCommand({ stateMachineArn: await t.stateMachineArn(pattern), name, input: JSON.stringify(input) }));
  return out.executionArn!;
}

async function history(executionArn: string): Promise<HistoryEvent[]> {
  const events: HistoryEvent[] = [];
  let nextToken: string | undefined;
  do {
    const page = await t.sfn.send(new GetExecutionHistoryCommand({ executionArn, nextToken, maxResults: 1000 }));
    events.push(...(page.events ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return events;
}

const enteredStates = (events: HistoryEvent[]) => events.map((e) => e.stateEnteredEventDetails?.name).filter((n): n is string => !!n);

async function stockOf(sku: string): Promise<number> {
  const item = await t.ddb.send(new GetItemCommand({ TableName: await t.tableName(/Inventory/i), Key: { sku: { S: sku } }, ConsistentRead: true }));
  return Number(item.Item?.stock?.N);
}

async function setStock(sku: string, stock: number): Promise<void> {
  await t.ddb.send(new PutItemCommand({ TableName: await t.tableName(/Inventory/i), Item: { sku: { S: sku }, stock: { N: String(stock) } } }));
}

function order(orderId: string, sku: string, cardNumber = '4242424242424242') {
  return { orderId, customerId: 'customer-1', items: [{ sku, quantity: 2, price: 1999 }], cardNumber, address: '1 Main St' };
}

describe('order saga', () => {
  test('happy path: SUCCEEDED with a tracking number, stock decremented in DynamoDB', async () => {
    const sku = unique('SKU');
    await setStock(sku, 10);
    const orderId = unique('order');
    const arn = await start(/OrderSaga/i, order(orderId, sku), orderId);
    const done = await waitForClose(t.sfn, arn);
    expect(done.status).toBe('SUCCEEDED');
    const output = JSON.parse(done.output!);
    expect(output).toMatchObject({ status: 'completed', orderId });
    expect(typeof output.tracking).toBe('string');
    expect(output.tracking.length).toBeGreaterThan(0);
    expect(await stockOf(sku)).toBe(8);
  });

  test('payment declined: inventory released, FAILED with the payment error and cause, compensation in the history', async () => {
    const sku = unique('SKU');
    await setStock(sku, 10);
    const orderId = unique('order');
    const arn = await start(/OrderSaga/i, order(orderId, sku, '4000000000000002'), orderId);
    const done = await waitForClose(t.sfn, arn);
    expect(done.status).toBe('FAILED');
    expect(done.error).toBe('PaymentDeclined');
    expect(done.cause).toContain('declined');
    expect(await stockOf(sku)).toBe(10);
    const states = enteredStates(await history(arn));
    expect(states).toEqual(expect.arrayContaining(['ReserveInventory', 'ProcessPayment', 'ReleaseInventory']));
    expect(states).not.toContain('ShipOrder');
    // Compensation runs after the failed step, and the Fail state ends it.
    expect(states.indexOf('ReleaseInventory')).toBeGreaterThan(states.indexOf('ProcessPayment'));
  });

  test('the AWS CLI starts and describes an execution', async () => {
    const sku = unique('SKU');
    await setStock(sku, 3);
    const orderId = unique('order');
    const started = (await aws(t, ['stepfunctions', 'start-execution', '--state-machine-arn', await t.stateMachineArn(/OrderSaga/i), '--name', orderId, '--input', JSON.stringify(order(orderId, sku))])) as { executionArn: string };
    expect(started.executionArn).toMatch(/^arn:aws:states:us-east-1:\d{12}:execution:.+:/);
    await waitForClose(t.sfn, started.executionArn);
    const described = (await aws(t, ['stepfunctions', 'describe-execution', '--execution-arn', started.executionArn])) as { status: string; output: string };
    expect(described.status).toBe('SUCCEEDED');
    expect(await stockOf(sku)).toBe(1);
  });
});

test('fan-out over 1,000 items aggregates {total, count}', async () => {
  const items = Array.from({ length: 1000 }, (_, i) => ({ id: `item-${i}`, value: i }));
  const arn = await start(/FanOut/i, { items });
  const done = await waitForClose(t.sfn, arn, 180_000);
  expect(done.status).toBe('SUCCEEDED');
  // Each item's value is doubled by process-item; the sum of 0..999 is 499,500.
  expect(JSON.parse(done.output!)).toMatchObject({ total: 999_000, count: 1000 });
}, 240_000);

describe('approval', () => {
  async function pendingToken(requestId: string): Promise<string> {
    const table = await t.tableName(/Approval/i);
    return eventually(`the pending approval ${requestId}`, async () => {
      const scan = await t.ddb.send(new ScanCommand({ TableName: table, ConsistentRead: true }));
      const item = scan.Items?.find((i) => i.requestId?.S === requestId);
      return item?.taskToken?.S;
    });
  }

  test('approved with `aws stepfunctions send-task-success --task-token`', async () => {
    const requestId = unique('req');
    const arn = await start(/Approval/i, { requestId, requester: 'alice', description: 'Raise the limit' });
    const token = await pendingToken(requestId);
    await aws(t, ['stepfunctions', 'send-task-success', '--task-token', token, '--task-output', JSON.stringify({ approved: true, approver: 'bob' })]);
    const done = await waitForClose(t.sfn, arn);
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output!)).toMatchObject({ status: 'approved', requestId, executed: true });
  });

  test('rejected through the approve helper, by request id', async () => {
    const requestId = unique('req');
    const arn = await start(/Approval/i, { requestId, requester: 'alice', description: 'Buy a boat' });
    await pendingToken(requestId);
    const result = await t.approve({ requestId, decision: 'reject', reason: 'over budget', approver: 'carol' });
    expect(result).toMatchObject({ requestId, status: 'REJECTED' });
    const done = await waitForClose(t.sfn, arn);
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output!)).toMatchObject({ status: 'rejected', requestId });
    // A second decision on the same request is refused by name.
    await expect(t.approve({ requestId, decision: 'approve' })).rejects.toThrow(/ApprovalAlreadyDecided/);
  });

  withVirtualTime('times out after 24 hours of virtual time, and the timeout notification is recorded', async () => {
    const requestId = unique('req');
    const arn = await start(/Approval/i, { requestId, requester: 'alice', description: 'Wait for me' });
    await pendingToken(requestId);
    await t.advanceTime!(24 * 60 * 60 * 1000 + 1000);
    const done = await waitForClose(t.sfn, arn);
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output!)).toMatchObject({ status: 'timed_out', requestId });
    const events = await history(arn);
    expect(events.some((e) => e.type === 'TaskTimedOut' && e.taskTimedOutEventDetails?.error === 'States.Timeout')).toBe(true);
    const table = await t.tableName(/Approval/i);
    const scan = await t.ddb.send(new ScanCommand({ TableName: table, ConsistentRead: true }));
    const item = scan.Items?.find((i) => i.requestId?.S === requestId);
    expect(item?.status?.S).toBe('TIMED_OUT');
  });
});

describe('monitor', () => {
  let health: Server;
  let healthy = false;
  let url = '';
  beforeAll(async () => {
    health = createServer((_req, res) => {
      res.statusCode = healthy ? 200 : 503;
      res.end(healthy ? 'ok' : 'down');
    });
    await new Promise<void>((r) => health.listen(0, '127.0.0.1', () => r()));
    url = `http://127.0.0.1:${(health.address() as AddressInfo).port}/health`;
  });
  afterAll(async () => {
    await new Promise<void>((r) => health.close(() => r()));
  });

  withVirtualTime('alerts while unhealthy, then continues as new with the same input after its iteration threshold', async () => {
    const input = { url, intervalSeconds: 300 };
    const arn = await start(/Monitor/i, input);
    const alerts = await t.tableName(/Alert/i);
    const alertCount = async () => ((await t.ddb.send(new ScanCommand({ TableName: alerts, ConsistentRead: true }))).Items ?? []).filter((i) => i.url?.S === url).length;
    await eventually('the first alert', async () => ((await alertCount()) >= 1 ? true : undefined));
    await t.advanceTime!(300_000);
    await eventually('the second alert', async () => ((await alertCount()) >= 2 ? true : undefined));
    healthy = true;
    const before = await alertCount();
    // 277 iterations of 300 s fit the 10,000-event budget; run past them in virtual time.
    // Each advance fires at most the one due Wait; the checks between run in real time.
    await eventually('the monitor to continue as new', async () => {
      await t.advanceTime!(300_000);
      const d = await t.sfn.send(new DescribeExecutionCommand({ executionArn: arn }));
      return d.status === 'RUNNING' ? undefined : true;
    }, 180_000);
    const done = await waitForClose(t.sfn, arn);
    expect(done.status).toBe('SUCCEEDED');
    expect(await alertCount()).toBe(before);
    const events = await history(arn);
    expect(events.length).toBeLessThanOrEqual(10_000);
    const next = await eventually('the continued execution', async () => {
      const list = await t.sfn.send(new ListExecutionsCommand({ stateMachineArn: await t.stateMachineArn(/Monitor/i), statusFilter: 'RUNNING' }));
      return list.executions?.find((e) => e.executionArn !== arn);
    });
    const nextDescribed = await t.sfn.send(new DescribeExecutionCommand({ executionArn: next.executionArn }));
    expect(JSON.parse(nextDescribed.input!)).toEqual(input);
    expect(nextDescribed.status).toBe('RUNNING');
  }, 300_000);
});

test('a builder sub-workflow runs the app\'s FanOut with .sync:2 and gets its output', async () => {
  const fanOutArn = await t.stateMachineArn(/FanOut/i);
  const Parent = workflow('Parent', () => startWorkflow('FanOut', { name: 'RunFanOut', input: { items: path('$.items') } }));
  const compiled = Parent.compile();
  let definition = JSON.stringify(compiled.definition);
  for (const sub of compiled.subWorkflows) definition = definition.split(`\${${sub.placeholder}}`).join(fanOutArn);
  const created = await t.sfn.send(new CreateStateMachineCommand({ name: unique('parent'), definition, roleArn: 'arn:aws:iam::123456789012:role/parent' }));
  const arn = (await t.sfn.send(new StartExecutionCommand({ stateMachineArn: created.stateMachineArn, input: JSON.stringify({ items: [{ id: 'a', value: 2 }, { id: 'b', value: 3 }] }) }))).executionArn!;
  const done = await waitForClose(t.sfn, arn);
  expect(done.status).toBe('SUCCEEDED');
  expect(JSON.parse(done.output!)).toMatchObject({ total: 10, count: 2 });
  const types = (await history(arn)).map((e) => e.type);
  expect(types).toEqual(expect.arrayContaining(['TaskScheduled', 'TaskStarted', 'TaskSubmitted', 'TaskSucceeded']));
});
