import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { readCloudAssembly } from '../../lib/local/cloud-assembly';
import { loadLocalApp, type LocalApp } from '../../lib/local/local-app';
import { ensureTables, startLocalDynamoDb, type LocalDynamoDb } from '../../lib/local/local-dynamodb';
import { localGuide } from '../../lib/local/local-guide';
import { synthesize } from '../../lib/local/synth';
import { DECLINED_TEST_CARD } from '../../lambdas/order/card';
import { handler as validateOrder } from '../../lambdas/order/validate-order';
import { handler as checkHealth } from '../../lambdas/monitor/check-health';
import { Approval, FanOut, Monitor, OrderSaga } from '../../workflows';
import { startFakeStepFunctions, type FakeStepFunctions } from '../lambdas/fake-step-functions';

/**
 * The reference app as `npm start` sees it: synthesized by the CDK CLI (offline, with local
 * esbuild), then loaded for the local service. Every state machine definition must be fully
 * resolved, and every function must run from its bundled asset with its environment resolved.
 */
const ROOT = resolve(__dirname, '../..');
const REGION = 'eu-west-1';
const ACCOUNT = '111122223333';
let dir: string;
let app: LocalApp;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sagaflow-reference-assembly-'));
  synthesize(ROOT, () => {}, { force: true, assemblyDir: dir });
  // Bundles leave the AWS SDK to the runtime; here the project's node_modules stands in for it.
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  app = loadLocalApp(dir, readCloudAssembly(dir), { region: REGION, accountId: ACCOUNT });
}, 300_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const functionArn = (name: string) => `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${name}`;

test.each([['OrderSaga', OrderSaga], ['FanOut', FanOut], ['Approval', Approval], ['Monitor', Monitor]] as const)('the %s state machine is the compiled ASL with every placeholder resolved to a local function ARN', (_name, workflow) => {
  const compiled = workflow.compile();
  const matching = app.stateMachines.filter((s) => s.logicalId.startsWith(`${compiled.name}StateMachine`));
  expect(matching).toHaveLength(1);
  const [sm] = matching;
  expect(sm).toMatchObject({ stackName: 'Sagaflow', name: `Sagaflow-${sm.logicalId}`, arn: `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:Sagaflow-${sm.logicalId}`, type: 'STANDARD' });
  expect(sm.roleArn).toMatch(new RegExp(`^arn:aws:iam::${ACCOUNT}:role/Sagaflow-${compiled.name}StateMachineRole`));
  expect(sm.definition).not.toMatch(/\$\{|"Ref"|"Fn::/);
  // The same ASL, with each placeholder replaced by the ARN of that activity's local function.
  let expected = JSON.stringify(compiled.definition);
  for (const a of compiled.activities) {
    const fn = app.functions.find((f) => f.logicalId.startsWith(`${compiled.name}${a.name}Function`));
    expect(fn).toBeDefined();
    expected = expected.split(`\${${a.placeholder}}`).join(fn!.arn);
  }
  expect(JSON.parse(sm.definition)).toEqual(JSON.parse(expected));
});

test('every function runs from its bundled asset, exports its handler, and has its tables\' names in its environment', () => {
  expect(app.functions).toHaveLength(15);
  const tableNames = new Set(app.tables.map((t) => t.name));
  for (const f of app.functions) {
    expect(f.functionName).toBe(`Sagaflow-${f.logicalId}`);
    expect(f.arn).toBe(functionArn(f.functionName));
    expect(f.modulePath.startsWith(dir)).toBe(true);
    expect(existsSync(f.modulePath)).toBe(true);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    expect(typeof (require(f.modulePath) as Record<string, unknown>)[f.handlerName ?? 'handler']).toBe('function');
    for (const [key, value] of Object.entries(f.environment ?? {})) {
      if (key.endsWith('_TABLE')) expect(tableNames).toContain(value);
      else expect([key, value]).toEqual(['NODE_OPTIONS', '--enable-source-maps']);
    }
  }
});

test('the tables get deterministic local names and their key schemas', () => {
  expect(app.tables.map((t) => [t.logicalId.replace(/[0-9A-F]{8}$/, ''), t.keySchema[0].AttributeName]).sort()).toEqual([
    ['ApprovalApprovalsTable', 'requestId'],
    ['MonitorAlertsTable', 'alertId'],
    ['OrderSagaInventoryTable', 'sku'],
    ['OrderSagaPaymentsTable', 'orderId'],
    ['OrderSagaReservationsTable', 'orderId'],
    ['OrderSagaShipmentsTable', 'orderId'],
  ]);
  for (const t of app.tables) expect(t.name).toBe(`Sagaflow-${t.logicalId}`);
});

test('a bundled function runs against local DynamoDB with its resolved environment (reserve-inventory)', async () => {
  const db = await startLocalDynamoDb({ port: 0 });
  const saved = { ...process.env };
  try {
    await ensureTables(db.client, app.tables);
    const reserve = app.functions.find((f) => f.logicalId.startsWith('OrderSagaReserveInventoryFunction'))!;
    const inventory = reserve.environment!.INVENTORY_TABLE;
    await db.client.send(new PutItemCommand({ TableName: inventory, Item: { sku: { S: 'SKU-1' }, stock: { N: '5' } } }));
    Object.assign(process.env, { AWS_REGION: REGION, AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local', AWS_ENDPOINT_URL_DYNAMODB: db.endpoint }, reserve.environment);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { handler } = require(reserve.modulePath) as { handler: (e: object) => Promise<{ reservationId: string }> };
    jest.spyOn(console, 'log').mockImplementation(() => {});
    const out = await handler({ orderId: 'order-1', items: [{ sku: 'SKU-1', quantity: 2, price: 100 }] });
    expect(out.reservationId).toMatch(/^rsv-/);
    const { Item } = await db.client.send(new GetItemCommand({ TableName: inventory, Key: { sku: { S: 'SKU-1' } }, ConsistentRead: true }));
    expect(Item?.stock?.N).toBe('3');
  } finally {
    process.env = saved;
    await db.close();
  }
});

describe('`sagaflow invoke Approve`: the approve helper from its bundle, as the guide shows it', () => {
  const run = promisify(execFile);
  let db: LocalDynamoDb;
  let sfn: FakeStepFunctions;
  const invoke = (payload: object) =>
    run(process.execPath, [join(ROOT, 'bin/sagaflow.js'), 'invoke', 'Approve', '--assembly', dir, '--payload', JSON.stringify(payload), '--endpoint-url', sfn.endpoint, '--dynamodb-endpoint', db.endpoint], { cwd: ROOT });

  beforeAll(async () => {
    db = await startLocalDynamoDb({ port: 0 });
    await ensureTables(db.client, app.tables);
    sfn = await startFakeStepFunctions();
    const approvals = app.tables.find((t) => t.logicalId.startsWith('ApprovalApprovalsTable'))!.name;
    await db.client.send(new PutItemCommand({
      TableName: approvals,
      Item: { requestId: { S: 'req-1' }, taskToken: { S: 'token-1' }, status: { S: 'PENDING' }, requester: { S: 'alice' }, description: { S: 'd' }, expiresAt: { S: new Date(Date.now() + 3600_000).toISOString() } },
    }));
  });
  afterAll(async () => {
    await db?.close();
    await sfn?.close();
  });

  test('a decision prints {requestId, status} on stdout and completes the task', async () => {
    const { stdout } = await invoke({ requestId: 'req-1', decision: 'reject', reason: 'over budget' });
    expect(JSON.parse(stdout)).toEqual({ requestId: 'req-1', status: 'REJECTED' });
    expect(sfn.calls).toEqual([{ operation: 'SendTaskSuccess', input: { taskToken: 'token-1', output: JSON.stringify({ approved: false, reason: 'over budget' }) } }]);
  });

  test('a second decision exits 1 with the named error on stdout and on stderr', async () => {
    const failed = await invoke({ requestId: 'req-1', decision: 'approve' }).then(() => undefined, (err: { code: number; stdout: string; stderr: string }) => err);
    expect(failed).toBeDefined();
    expect(failed!.code).toBe(1);
    expect(JSON.parse(failed!.stdout)).toEqual({ errorType: 'ApprovalAlreadyDecided', errorMessage: 'approval req-1 was already REJECTED' });
    expect(failed!.stderr).toContain('"errorType":"ApprovalAlreadyDecided"');
    expect(sfn.calls).toHaveLength(1);
  });
});

describe('the guide `npm start` prints, for this app', () => {
  const guide = () =>
    localGuide({
      url: 'http://127.0.0.1:8083',
      dynamodbEndpoint: 'http://127.0.0.1:8000',
      region: REGION,
      stateMachines: app.stateMachines.map((s) => ({ logicalId: s.logicalId, name: s.name, arn: s.arn, action: 'created' as const })),
      tables: app.tables,
      functions: app.functions,
    });
  const inputOf = (text: string, name: string) => {
    const line = text.split('\n').find((l) => l.includes('start-execution') && l.includes(`--name ${name} `));
    if (!line) throw new Error(`the guide starts no execution named ${name}`);
    return JSON.parse(/--input '(.*)'$/.exec(line)![1]);
  };

  test('names every state machine and the real tables, and calls the approve helper by name with this run\'s endpoints', () => {
    const text = guide();
    for (const sm of app.stateMachines) expect(text).toContain(sm.arn);
    for (const pattern of [/Inventory/, /Approvals/, /Alerts/]) expect(text).toContain(app.tables.find((t) => pattern.test(t.logicalId))!.name);
    expect(text).toContain(`npx sagaflow invoke Approve --payload '{"requestId":"req-2","decision":"reject","reason":"over budget"}' --endpoint-url http://127.0.0.1:8083 --dynamodb-endpoint http://127.0.0.1:8000`);
    expect(text).not.toMatch(/undefined|\[object/);
  });

  test('says where the data stays, or that nothing is kept', () => {
    expect(guide()).toContain('Ctrl-C stops everything; nothing is kept (--memory).');
    expect(localGuide({ url: 'http://127.0.0.1:8083', dynamodbEndpoint: 'http://127.0.0.1:8000', region: REGION, stateMachines: [], tables: app.tables, functions: app.functions, dataDir: '/srv/app/.sagaflow' })).toContain(
      'Ctrl-C stops everything; data stays in /srv/app/.sagaflow for the next start.',
    );
  });

  test('its inputs are ones the handlers accept: the first order is valid, the declined card fails at payment', async () => {
    const text = guide();
    jest.spyOn(console, 'log').mockImplementation(() => {});
    expect(await validateOrder(inputOf(text, 'order-1'))).toMatchObject({ valid: true });
    const declined = inputOf(text, 'order-2');
    expect(await validateOrder(declined)).toMatchObject({ valid: true });
    expect(declined.cardNumber).toBe(DECLINED_TEST_CARD);
    expect(inputOf(text, 'fanout-1').items).toHaveLength(5);
    expect(inputOf(text, 'approval-1')).toEqual({ requestId: 'req-1', requester: 'alice', description: 'Raise the limit' });
    expect(await checkHealth({ url: inputOf(text, 'monitor-1').url, timeoutMs: 1000 })).toMatchObject({ healthy: false });
  });
});
