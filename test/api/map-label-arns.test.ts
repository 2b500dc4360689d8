import {
  CreateStateMachineCommand,
  DeleteStateMachineCommand,
  DescribeExecutionCommand,
  DescribeStateMachineCommand,
  DescribeStateMachineForExecutionCommand,
  ListExecutionsCommand,
  ListMapRunsCommand,
  StartExecutionCommand,
  UpdateStateMachineCommand,
  type IncludedData,
} from '@aws-sdk/client-sfn';
import { pollUntil } from '../runtime/until';
import { wireService } from './wire-service';

/**
 * A Distributed Map's children run as the state machine `<machine>/<label>`. The API reference:
 * DescribeStateMachine's `label` is "present only if the stateMachineArn specified in input is a
 * qualified state machine ARN", its definition is "the Distributed Map state's definition"; for
 * StartExecution, UpdateStateMachine and DeleteStateMachine "If you provide a qualified state machine
 * ARN that refers to a Distributed Map state, the request fails with ValidationException".
 * Over the wire, against the real runtime.
 */

jest.setTimeout(60_000);
const ROLE = 'arn:aws:iam::123456789012:role/sagaflow';
const SM = 'arn:aws:states:us-east-1:123456789012:stateMachine';

const wire = wireService({ start: Date.UTC(2026, 0, 1) });

const until = <T>(what: string, check: () => Promise<T | undefined>) => pollUntil(what, check, { attempts: 500, intervalMs: 10 });

const distributed = (processor: object, extra: object = {}, executionType = 'STANDARD') => ({
  Type: 'Map',
  ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: executionType }, ...processor },
  ...extra,
});
const echo = { StartAt: 'Echo', States: { Echo: { Type: 'Pass', End: true } } };

async function machine(name: string, definition: object, extra: object = {}): Promise<string> {
  return (await wire.client.send(new CreateStateMachineCommand({ name, definition: JSON.stringify(definition), roleArn: ROLE, ...extra }))).stateMachineArn!;
}

/** Runs the machine to its end and returns the execution's ARN. */
async function ran(stateMachineArn: string, input: unknown): Promise<string> {
  const { executionArn } = await wire.client.send(new StartExecutionCommand({ stateMachineArn, input: JSON.stringify(input) }));
  const d = await until('the execution', async () => {
    const x = await wire.client.send(new DescribeExecutionCommand({ executionArn }));
    return x.status === 'RUNNING' ? undefined : x;
  });
  expect(d.status).toBe('SUCCEEDED');
  return executionArn!;
}

async function firstChild(mapRunArn: string): Promise<string> {
  return (await wire.client.send(new ListExecutionsCommand({ mapRunArn }))).executions![0]!.executionArn!;
}

const describe_ = (stateMachineArn: string, includedData?: IncludedData) => wire.client.send(new DescribeStateMachineCommand({ stateMachineArn, ...(includedData ? { includedData } : {}) }));
const failure = (p: Promise<unknown>) => p.then(() => undefined, (e: { name: string; message: string }) => ({ name: e.name, message: e.message }));

test("DescribeStateMachine of `<machine>/<label>` answers the Distributed Map's state machine with its label, as DescribeStateMachineForExecution does for a child", async () => {
  const orders = await machine('orders', { StartAt: 'MyMap', States: { MyMap: distributed(echo, { Label: 'MyMap', End: true }) } });
  const labelled = `${orders}/MyMap`;
  const parent = await describe_(orders);
  expect(parent).not.toHaveProperty('label');

  const d = await describe_(labelled);
  expect(d).toMatchObject({ stateMachineArn: labelled, name: 'orders/MyMap', status: 'ACTIVE', type: 'STANDARD', roleArn: ROLE, label: 'MyMap', creationDate: parent.creationDate });
  expect(JSON.parse(d.definition!)).toEqual(echo);
  // The definition is the Map's, not the machine's.
  expect(d.definition).not.toBe(parent.definition);
  expect((await describe_(labelled, 'METADATA_ONLY')).definition).toBe('{}');

  // A child of that Map runs as this state machine and is described the same way.
  const executionArn = await ran(orders, [1, 2]);
  const mapRunArn = (await wire.client.send(new ListMapRunsCommand({ executionArn }))).mapRuns![0]!.mapRunArn!;
  const child = await firstChild(mapRunArn);
  expect(await wire.client.send(new DescribeExecutionCommand({ executionArn: child }))).toMatchObject({ stateMachineArn: labelled, mapRunArn });
  const forChild = await wire.client.send(new DescribeStateMachineForExecutionCommand({ executionArn: child }));
  expect(forChild).toMatchObject({ stateMachineArn: labelled, name: d.name, label: d.label, mapRunArn, definition: d.definition });
});

test('a generated label resolves too, for a Distributed Map nested in a Parallel branch; the type is the one its children run as', async () => {
  const arn = await machine('gen', {
    StartAt: 'Par',
    States: { Par: { Type: 'Parallel', End: true, Branches: [{ StartAt: 'Inner', States: { Inner: distributed({ StartAt: 'X', States: { X: { Type: 'Pass', Result: 'x', End: true } } }, { End: true }, 'EXPRESS') } }] } },
  });
  const executionArn = await ran(arn, [1]);
  const run = (await wire.client.send(new ListMapRunsCommand({ executionArn }))).mapRuns![0]!;
  const label = run.stateMachineArn!.slice(`${arn}/`.length);
  expect(label).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  const d = await describe_(run.stateMachineArn!);
  expect(d).toMatchObject({ stateMachineArn: run.stateMachineArn, label, type: 'EXPRESS' });
  expect(JSON.parse(d.definition!)).toEqual({ StartAt: 'X', States: { X: { Type: 'Pass', Result: 'x', End: true } } });
});

test('nested Distributed Maps: `<machine>/<outer>/<inner>` is the inner Map, whose children carry the inner label', async () => {
  const inner = distributed(echo, { Label: 'Inner', ItemsPath: '$.items', End: true });
  const outer = { StartAt: 'Inner', States: { Inner: inner } };
  const arn = await machine('nested', { StartAt: 'Outer', States: { Outer: distributed(outer, { Label: 'Outer', ItemSelector: { 'items.$': '$$.Map.Item.Value' }, End: true }) } });
  expect((await describe_(`${arn}/Outer`)).label).toBe('Outer');
  const d = await describe_(`${arn}/Outer/Inner`);
  expect(d).toMatchObject({ stateMachineArn: `${arn}/Outer/Inner`, label: 'Inner' });
  expect(JSON.parse(d.definition!)).toEqual(echo);
  expect(await failure(describe_(`${arn}/Inner`))).toEqual({ name: 'StateMachineDoesNotExist', message: `State Machine Does Not Exist: '${arn}/Inner'` });

  const executionArn = await ran(arn, [[1]]);
  const outerRun = (await wire.client.send(new ListMapRunsCommand({ executionArn }))).mapRuns![0]!.mapRunArn!;
  const outerChild = await firstChild(outerRun);
  const innerRun = (await wire.client.send(new ListMapRunsCommand({ executionArn: outerChild }))).mapRuns![0]!;
  expect(innerRun.stateMachineArn).toBe(`${arn}/Outer/Inner`);
  const forChild = await wire.client.send(new DescribeStateMachineForExecutionCommand({ executionArn: await firstChild(innerRun.mapRunArn!) }));
  expect(forChild).toMatchObject({ stateMachineArn: `${arn}/Outer/Inner`, label: 'Inner' });
});

test("with a customer managed key, METADATA_ONLY does not apply to a labelled ARN: Step Functions decrypts the definition to find the Map's", async () => {
  const arn = await machine(
    'keyed',
    { StartAt: 'M', States: { M: distributed(echo, { Label: 'M', End: true }) } },
    { encryptionConfiguration: { type: 'CUSTOMER_MANAGED_KMS_KEY', kmsKeyId: 'arn:aws:kms:us-east-1:123456789012:key/k', kmsDataKeyReusePeriodSeconds: 300 } },
  );
  expect((await describe_(arn, 'METADATA_ONLY')).definition).toBe('{}');
  expect(JSON.parse((await describe_(`${arn}/M`, 'METADATA_ONLY')).definition!)).toEqual(echo);
});

test('an unknown label, or a label on an unknown machine, is a state machine that does not exist', async () => {
  const arn = await machine('plain', { StartAt: 'M', States: { M: distributed(echo, { Label: 'M', End: true }) } });
  for (const missing of [`${arn}/Nope`, `${SM}:absent/M`]) {
    expect(await failure(describe_(missing))).toEqual({ name: 'StateMachineDoesNotExist', message: `State Machine Does Not Exist: '${missing}'` });
  }
  // An Inline Map names no state machine: only a Distributed Map's children run as one.
  const inline = await machine('inline', { StartAt: 'M', States: { M: { Type: 'Map', ItemProcessor: echo, End: true } } });
  expect((await failure(describe_(`${inline}/M`)))?.name).toBe('StateMachineDoesNotExist');
});

test('StartExecution, UpdateStateMachine and DeleteStateMachine refuse a Distributed Map state ARN with ValidationException', async () => {
  const arn = await machine('refused', { StartAt: 'M', States: { M: distributed(echo, { Label: 'M', End: true }) } });
  const labelled = `${arn}/M`;
  const refused = (operation: string) => ({ name: 'ValidationException', message: `A Distributed Map state's ARN is not supported by ${operation}: '${labelled}'` });
  expect(await failure(wire.client.send(new StartExecutionCommand({ stateMachineArn: labelled, input: '[1]' })))).toEqual(refused('StartExecution'));
  expect(await failure(wire.client.send(new UpdateStateMachineCommand({ stateMachineArn: labelled, roleArn: ROLE })))).toEqual(refused('UpdateStateMachine'));
  expect(await failure(wire.client.send(new DeleteStateMachineCommand({ stateMachineArn: labelled })))).toEqual(refused('DeleteStateMachine'));
  // Nothing was started, changed or deleted.
  expect((await wire.client.send(new ListExecutionsCommand({ stateMachineArn: arn }))).executions).toEqual([]);
  expect(await describe_(labelled)).toMatchObject({ label: 'M' });
  // Refused for the ARN's form, whether or not the Map or its machine exists.
  const absent = `${SM}:absent/M`;
  expect((await failure(wire.client.send(new DeleteStateMachineCommand({ stateMachineArn: absent }))))?.name).toBe('ValidationException');
  expect((await failure(wire.client.send(new StartExecutionCommand({ stateMachineArn: absent }))))?.name).toBe('ValidationException');
});
