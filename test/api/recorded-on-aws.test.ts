import {
  CreateActivityCommand,
  CreateStateMachineAliasCommand,
  CreateStateMachineCommand,
  DeleteActivityCommand,
  DeleteStateMachineAliasCommand,
  DescribeActivityCommand,
  DeleteStateMachineCommand,
  DeleteStateMachineVersionCommand,
  DescribeExecutionCommand,
  DescribeMapRunCommand,
  DescribeStateMachineCommand,
  DescribeStateMachineForExecutionCommand,
  GetActivityTaskCommand,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  ListMapRunsCommand,
  ListStateMachinesCommand,
  ListStateMachineVersionsCommand,
  ListTagsForResourceCommand,
  PublishStateMachineVersionCommand,
  SFNClient,
  SendTaskFailureCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
  StartSyncExecutionCommand,
  StopExecutionCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateStateMachineAliasCommand,
  UpdateStateMachineCommand,
  ValidateStateMachineDefinitionCommand,
  type ExecutionStatus,
} from '@aws-sdk/client-sfn';
import { startApiServer, type ApiServer } from '../../lib/api';
import { createLocalService } from '../../lib/runtime';
import type { LocalService } from '../../lib/runtime/local-service-contract';

// API answers recorded on real AWS, checked through the SDK against the real runtime. Unless a test
// says otherwise, the source is localstack/localstack's recordings under
// tests/aws/services/stepfunctions/v2/ (test_sfn_api*.snapshot.json, captured from AWS).

let service: LocalService;
let server: ApiServer;
let client: SFNClient;
beforeAll(async () => {
  service = await createLocalService({ store: { kind: 'memory' }, clock: { mode: 'virtual', start: Date.UTC(2024, 5, 1) } });
  server = await startApiServer({ service, port: 0, log: () => {} });
  client = new SFNClient({ endpoint: server.url, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' }, maxAttempts: 1, disableHostPrefix: true });
});
afterAll(async () => {
  client.destroy();
  await server.close();
  await service.close();
});

const ROLE = 'arn:aws:iam::123456789012:role/sagaflow';
const SM_PREFIX = 'arn:aws:states:us-east-1:123456789012:stateMachine:';
const PASS = JSON.stringify({ Comment: 'BASE_PASS_RESULT', StartAt: 'State_1', States: { State_1: { Type: 'Pass', Result: { Arg1: 'argument1' }, End: true } } });
const passWith = (arg: string) => JSON.stringify({ Comment: 'BASE_PASS_RESULT', StartAt: 'State_1', States: { State_1: { Type: 'Pass', Result: { Arg1: arg }, End: true } } });

async function failure(p: Promise<unknown>): Promise<{ name: string; message: string }> {
  const err = (await p.then(
    () => undefined,
    (e: unknown) => e,
  )) as { name: string; message: string } | undefined;
  if (!err) throw new Error('expected the call to fail');
  return { name: err.name, message: err.message };
}

async function create(name: string, definition = PASS, extra: Record<string, unknown> = {}) {
  return client.send(new CreateStateMachineCommand({ name, definition, roleArn: ROLE, ...extra }));
}

/** Moves the virtual clock on, so executions started one after another have distinct start dates. */
async function advance(ms: number): Promise<void> {
  const r = await fetch(`${server.url}/_sagaflow/clock/advance`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ms }) });
  expect(r.status).toBe(200);
}

async function finished(executionArn: string) {
  for (let i = 0; i < 100; i++) {
    const d = await client.send(new DescribeExecutionCommand({ executionArn }));
    if (d.status !== 'RUNNING') return d;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`${executionArn} did not finish`);
}

describe('state machines (test_sfn_api.snapshot.json)', () => {
  test('a definition without States: InvalidDefinition with the schema message at /', async () => {
    const err = await failure(create('no-states', JSON.stringify({ StartAt: 'A' })));
    expect(err).toEqual({ name: 'InvalidDefinition', message: "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: These fields are required: [States] at /'" });
  });

  test('an identical create returns the same ARN and creation date; a different one is StateMachineAlreadyExists', async () => {
    const first = await create('dup');
    const again = await create('dup');
    expect(again.stateMachineArn).toBe(first.stateMachineArn);
    expect(again.creationDate).toEqual(first.creationDate);
    const err = await failure(create('dup', passWith('other')));
    expect(err).toEqual({ name: 'StateMachineAlreadyExists', message: `State Machine Already Exists: '${first.stateMachineArn}'` });
  });

  test('deleting a state machine that does not exist succeeds', async () => {
    await expect(client.send(new DeleteStateMachineCommand({ stateMachineArn: `${SM_PREFIX}never-was` }))).resolves.toBeDefined();
  });

  test('DescribeStateMachine of a fresh machine: the definition as given, default configurations, no revisionId yet', async () => {
    const { stateMachineArn } = await create('fresh');
    const d = await client.send(new DescribeStateMachineCommand({ stateMachineArn }));
    expect(d).toMatchObject({
      stateMachineArn,
      name: 'fresh',
      status: 'ACTIVE',
      type: 'STANDARD',
      definition: PASS,
      roleArn: ROLE,
      loggingConfiguration: { level: 'OFF', includeExecutionData: false },
      tracingConfiguration: { enabled: false },
    });
    expect(d.revisionId).toBeUndefined();
    expect(d.creationDate).toBeInstanceOf(Date);
  });

  test('UpdateStateMachine answers a revisionId and updateDate; an unchanged update keeps the revision; a role change makes a new one', async () => {
    const { stateMachineArn } = await create('updated');
    const r1 = await client.send(new UpdateStateMachineCommand({ stateMachineArn, definition: passWith('AfterUpdate1') }));
    expect(r1.revisionId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(r1.updateDate).toBeInstanceOf(Date);
    const d1 = await client.send(new DescribeStateMachineCommand({ stateMachineArn }));
    expect(d1.revisionId).toBe(r1.revisionId);
    expect(d1.definition).toBe(passWith('AfterUpdate1'));
    const same = await client.send(new UpdateStateMachineCommand({ stateMachineArn, definition: passWith('AfterUpdate1') }));
    expect(same.revisionId).toBe(r1.revisionId);
    const role = await client.send(new UpdateStateMachineCommand({ stateMachineArn, roleArn: `${ROLE}-t2` }));
    expect(role.revisionId).toBeDefined();
    expect(role.revisionId).not.toBe(r1.revisionId);
  });

  test('UpdateStateMachine with nothing to update: MissingRequiredParameter', async () => {
    const { stateMachineArn } = await create('update-none');
    const err = await failure(client.send(new UpdateStateMachineCommand({ stateMachineArn })));
    expect(err.name).toBe('MissingRequiredParameter');
  });

  test('DescribeStateMachine of a machine that does not exist: StateMachineDoesNotExist', async () => {
    const arn = `${SM_PREFIX}sm-nonexistent`;
    expect(await failure(client.send(new DescribeStateMachineCommand({ stateMachineArn: arn })))).toEqual({ name: 'StateMachineDoesNotExist', message: `State Machine Does Not Exist: '${arn}'` });
  });

  test('an ARN without the arn prefix: InvalidArn, "Invalid ARN prefix", on every operation that reads one', async () => {
    const prefix = (v: string) => ({ name: 'InvalidArn', message: `Invalid Arn: 'Invalid ARN prefix: ${v}'` });
    expect(await failure(client.send(new DescribeStateMachineCommand({ stateMachineArn: 'not_a_valid_arn' })))).toEqual(prefix('not_a_valid_arn'));
    expect(await failure(client.send(new ListExecutionsCommand({ stateMachineArn: 'invalid_state_machine_arn' })))).toEqual(prefix('invalid_state_machine_arn'));
    expect(await failure(client.send(new GetExecutionHistoryCommand({ executionArn: 'invalid_state_machine_arn' })))).toEqual(prefix('invalid_state_machine_arn'));
    expect(await failure(client.send(new DescribeExecutionCommand({ executionArn: 'invalid_state_machine_arn' })))).toEqual(prefix('invalid_state_machine_arn'));
  });

  test('ListStateMachines: name, ARN, type and creation date, ordered by name as text; limits in AWS words', async () => {
    const listed = await client.send(new ListStateMachinesCommand({}));
    const names = listed.stateMachines!.map((s) => s.name!);
    expect(names).toEqual([...names].sort());
    expect(Object.keys(listed.stateMachines![0]!).sort()).toEqual(['creationDate', 'name', 'stateMachineArn', 'type']);
    expect(await failure(client.send(new ListStateMachinesCommand({ maxResults: 1001 })))).toEqual({
      name: 'ValidationException',
      message: "1 validation error detected: Value '1001' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000",
    });
    const long = 'x'.repeat(1025);
    expect(await failure(client.send(new ListStateMachinesCommand({ nextToken: long })))).toEqual({
      name: 'ValidationException',
      message: `1 validation error detected: Value '${long}' at 'nextToken' failed to satisfy constraint: Member must have length less than or equal to 1024`,
    });
  });

  test('DescribeStateMachine and DescribeStateMachineForExecution list the variables each state reads (test_sfn_api_variable_references.snapshot.json)', async () => {
    const definition = JSON.stringify({
      StartAt: 'State0',
      States: {
        State0: { Type: 'Pass', Assign: { theAnswer: 42 }, Next: 'State1' },
        State1: { Type: 'Pass', InputPath: '$theAnswer', End: true },
      },
    });
    const { stateMachineArn } = await create('variable-references', definition);
    const d = await client.send(new DescribeStateMachineCommand({ stateMachineArn }));
    expect(d.variableReferences).toEqual({ State1: ['theAnswer'] });
    expect(d.encryptionConfiguration).toEqual({ type: 'AWS_OWNED_KEY' });
    const { executionArn } = await client.send(new StartExecutionCommand({ stateMachineArn }));
    expect((await client.send(new DescribeStateMachineForExecutionCommand({ executionArn }))).variableReferences).toEqual({ State1: ['theAnswer'] });
    // Documented: with includedData METADATA_ONLY the definition is `{}` (API reference, DescribeStateMachine).
    expect((await client.send(new DescribeStateMachineCommand({ stateMachineArn, includedData: 'METADATA_ONLY' }))).definition).toBe('{}');
    expect((await client.send(new DescribeStateMachineForExecutionCommand({ executionArn, includedData: 'METADATA_ONLY' }))).definition).toBe('{}');
    const plain = await create('no-variable-references');
    expect(await client.send(new DescribeStateMachineCommand({ stateMachineArn: plain.stateMachineArn }))).not.toHaveProperty('variableReferences');
  });

  test('StartSyncExecution on a STANDARD machine: StateMachineTypeNotSupported', async () => {
    const { stateMachineArn } = await create('standard-sync');
    expect(await failure(client.send(new StartSyncExecutionCommand({ stateMachineArn })))).toEqual({
      name: 'StateMachineTypeNotSupported',
      message: 'This operation is not supported by this type of state machine',
    });
  });
});

describe('executions (test_sfn_api.snapshot.json)', () => {
  test('StartExecution of a machine that does not exist: StateMachineDoesNotExist', async () => {
    const arn = `${SM_PREFIX}statemachine_invalid_x`;
    expect(await failure(client.send(new StartExecutionCommand({ stateMachineArn: arn })))).toEqual({ name: 'StateMachineDoesNotExist', message: `State Machine Does Not Exist: '${arn}'` });
  });

  test("execution input that is not JSON: InvalidExecutionInput with Jackson's words; numbers, strings and null are accepted", async () => {
    const { stateMachineArn } = await create('inputs');
    expect(await failure(client.send(new StartExecutionCommand({ stateMachineArn, input: 'not a json' })))).toEqual({
      name: 'InvalidExecutionInput',
      message: "Invalid State Machine Execution Input: 'Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')'",
    });
    expect(await failure(client.send(new StartExecutionCommand({ stateMachineArn, input: "{'not': 'json'}" })))).toEqual({
      name: 'InvalidExecutionInput',
      message: "Invalid State Machine Execution Input: 'Unexpected character (''' (code 39)): was expecting double-quote to start field name'",
    });
    expect(await failure(client.send(new StartExecutionCommand({ stateMachineArn, input: '' })))).toEqual({
      name: 'InvalidExecutionInput',
      message: "Invalid State Machine Execution Input: 'Invalid execution input.'",
    });
    for (const input of ['2', '"abc"', 'null']) await expect(client.send(new StartExecutionCommand({ stateMachineArn, input }))).resolves.toHaveProperty('executionArn');
  });

  test('an execution name over 80 characters: the model constraint in AWS words (getmoto/moto#6438, quoting AWS)', async () => {
    const { stateMachineArn } = await create('long-names');
    const name = `test.${'0'.repeat(76)}`;
    expect(await failure(client.send(new StartExecutionCommand({ stateMachineArn, name })))).toEqual({
      name: 'ValidationException',
      message: `1 validation error detected: Value '${name}' at 'name' failed to satisfy constraint: Member must have length less than or equal to 80`,
    });
  });

  test('a STANDARD name in use is ExecutionAlreadyExists; an EXPRESS name can be used again at once (floci-io/floci#3059)', async () => {
    const standard = await create('names-standard');
    await finished((await client.send(new StartExecutionCommand({ stateMachineArn: standard.stateMachineArn, name: 'again' }))).executionArn!);
    const err = await failure(client.send(new StartExecutionCommand({ stateMachineArn: standard.stateMachineArn, name: 'again' })));
    expect(err.name).toBe('ExecutionAlreadyExists');
    const express = await create('names-express', PASS, { type: 'EXPRESS' });
    const a = await client.send(new StartExecutionCommand({ stateMachineArn: express.stateMachineArn, name: 'again' }));
    const b = await client.send(new StartExecutionCommand({ stateMachineArn: express.stateMachineArn, name: 'again' }));
    expect(a.executionArn).not.toBe(b.executionArn);
  });

  test('DescribeExecution of a succeeded execution: included details, redrive fields', async () => {
    const { stateMachineArn } = await create('describe-exec');
    const { executionArn } = await client.send(new StartExecutionCommand({ stateMachineArn, name: 'e1', input: '{}' }));
    const d = await finished(executionArn!);
    expect(d).toMatchObject({
      executionArn,
      name: 'e1',
      input: '{}',
      inputDetails: { included: true },
      output: '{"Arg1":"argument1"}',
      outputDetails: { included: true },
      redriveCount: 0,
      redriveStatus: 'NOT_REDRIVABLE',
      redriveStatusReason: 'Execution is SUCCEEDED and cannot be redriven',
      stateMachineArn,
      status: 'SUCCEEDED',
    });
  });

  test('DescribeExecution and GetExecutionHistory of an execution that does not exist: ExecutionDoesNotExist', async () => {
    const arn = 'arn:aws:states:us-east-1:123456789012:execution:describe-exec:nope';
    const expected = { name: 'ExecutionDoesNotExist', message: `Execution Does Not Exist: '${arn}'` };
    expect(await failure(client.send(new DescribeExecutionCommand({ executionArn: arn })))).toEqual(expected);
    expect(await failure(client.send(new GetExecutionHistoryCommand({ executionArn: arn })))).toEqual(expected);
  });

  test('ListExecutions of a machine that does not exist: StateMachineDoesNotExist', async () => {
    const arn = `${SM_PREFIX}ssm_nonexistent`;
    expect(await failure(client.send(new ListExecutionsCommand({ stateMachineArn: arn })))).toEqual({ name: 'StateMachineDoesNotExist', message: `State Machine Does Not Exist: '${arn}'` });
  });

  test('ListExecutions: newest first with redriveCount; a status filter not in the enum is refused in AWS words; limits', async () => {
    const { stateMachineArn } = await create('listed');
    for (const name of ['a', 'b', 'c']) {
      await finished((await client.send(new StartExecutionCommand({ stateMachineArn, name }))).executionArn!);
      await advance(1000);
    }
    const listed = await client.send(new ListExecutionsCommand({ stateMachineArn, statusFilter: 'SUCCEEDED' }));
    expect(listed.executions!.map((e) => e.name)).toEqual(['c', 'b', 'a']);
    expect(Object.keys(listed.executions![0]!).sort()).toEqual(['executionArn', 'name', 'redriveCount', 'startDate', 'stateMachineArn', 'status', 'stopDate']);
    expect((await client.send(new ListExecutionsCommand({ stateMachineArn, statusFilter: 'RUNNING' }))).executions).toEqual([]);
    expect(await failure(client.send(new ListExecutionsCommand({ stateMachineArn, statusFilter: 'succeeded' as ExecutionStatus })))).toEqual({
      name: 'ValidationException',
      message: "1 validation error detected: Value 'succeeded' at 'statusFilter' failed to satisfy constraint: Member must satisfy enum value set: [SUCCEEDED, TIMED_OUT, PENDING_REDRIVE, ABORTED, FAILED, RUNNING]",
    });
    expect((await failure(client.send(new ListExecutionsCommand({ stateMachineArn, maxResults: 1001 })))).message).toBe(
      "1 validation error detected: Value '1001' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000",
    );
    const long = 'x'.repeat(3097);
    expect((await failure(client.send(new ListExecutionsCommand({ stateMachineArn, nextToken: long })))).message).toBe(
      `1 validation error detected: Value '${long}' at 'nextToken' failed to satisfy constraint: Member must have length less than or equal to 3096`,
    );
  });

  test('ListExecutions with neither a state machine nor a Map Run (cloudquery/cloudquery#7911, quoting AWS)', async () => {
    expect(await failure(client.send(new ListExecutionsCommand({})))).toEqual({ name: 'ValidationException', message: 'Must provide a StateMachine ARN or MapRun ARN' });
  });

  test('names with a period are described by their ARNs (localstack/localstack#10976)', async () => {
    const { stateMachineArn } = await create('my.name');
    expect((await client.send(new DescribeStateMachineCommand({ stateMachineArn }))).name).toBe('my.name');
    const { executionArn } = await client.send(new StartExecutionCommand({ stateMachineArn, name: 'run.1' }));
    expect((await client.send(new DescribeExecutionCommand({ executionArn }))).name).toBe('run.1');
  });

  test('GetExecutionHistory in reverse order lists the same events last to first', async () => {
    const { stateMachineArn } = await create('reversed');
    const { executionArn } = await client.send(new StartExecutionCommand({ stateMachineArn }));
    await finished(executionArn!);
    const forward = await client.send(new GetExecutionHistoryCommand({ executionArn }));
    const backward = await client.send(new GetExecutionHistoryCommand({ executionArn, reverseOrder: true }));
    expect(forward.events!.map((e) => [e.id, e.previousEventId, e.type])).toEqual([
      [1, 0, 'ExecutionStarted'],
      [2, 0, 'PassStateEntered'],
      [3, 2, 'PassStateExited'],
      [4, 3, 'ExecutionSucceeded'],
    ]);
    expect(backward.events).toEqual([...forward.events!].reverse());
  });

  test('DescribeStateMachineForExecution: definition, name, role, configurations and updateDate; no status, type or creationDate', async () => {
    const { stateMachineArn } = await create('for-exec');
    const { executionArn } = await client.send(new StartExecutionCommand({ stateMachineArn }));
    const d = await client.send(new DescribeStateMachineForExecutionCommand({ executionArn }));
    expect(d).toMatchObject({ stateMachineArn, name: 'for-exec', definition: PASS, roleArn: ROLE, loggingConfiguration: { level: 'OFF', includeExecutionData: false }, tracingConfiguration: { enabled: false } });
    expect(d.updateDate).toBeInstanceOf(Date);
    expect(d.revisionId).toBeUndefined();
    expect(d).not.toHaveProperty('status');
    expect(d).not.toHaveProperty('type');
    expect(d).not.toHaveProperty('creationDate');
  });
});

describe('logging configurations (test_sfn_api_logs.snapshot.json)', () => {
  const LOG_GROUP = 'arn:aws:logs:us-east-1:123456789012:log-group:log_group_name:*';
  const destination = (logGroupArn = LOG_GROUP) => ({ cloudWatchLogsLogGroup: { logGroupArn } });

  test('kept as given with AWS defaults filled in; an empty destination list stays', async () => {
    const given = await create('log-given', PASS, { loggingConfiguration: { level: 'FATAL', includeExecutionData: true, destinations: [destination()] } });
    expect((await client.send(new DescribeStateMachineCommand({ stateMachineArn: given.stateMachineArn }))).loggingConfiguration).toEqual({ level: 'FATAL', includeExecutionData: true, destinations: [destination()] });
    const empty = await create('log-empty', PASS, { loggingConfiguration: {} });
    expect((await client.send(new DescribeStateMachineCommand({ stateMachineArn: empty.stateMachineArn }))).loggingConfiguration).toEqual({ level: 'OFF', includeExecutionData: false });
    const none = await create('log-none', PASS, { loggingConfiguration: { destinations: [] } });
    expect((await client.send(new DescribeStateMachineCommand({ stateMachineArn: none.stateMachineArn }))).loggingConfiguration).toEqual({ level: 'OFF', includeExecutionData: false, destinations: [] });
  });

  test('a level without one destination, or two destinations: InvalidLoggingConfiguration', async () => {
    const invalid = { name: 'InvalidLoggingConfiguration', message: 'Invalid Logging Configuration: Must specify exactly one Log Destination.' };
    for (const level of ['ALL', 'FATAL', 'ERROR'] as const) expect(await failure(create(`log-${level}`, PASS, { loggingConfiguration: { level } }))).toEqual(invalid);
    expect(await failure(create('log-two', PASS, { loggingConfiguration: { level: 'ALL', destinations: [destination(), destination(`${LOG_GROUP}2`)] } }))).toEqual(invalid);
    const { stateMachineArn } = await create('log-update-invalid');
    expect(await failure(client.send(new UpdateStateMachineCommand({ stateMachineArn, loggingConfiguration: { level: 'ALL' } })))).toEqual(invalid);
  });

  test('each logging change is a new revision; the same logging again is not', async () => {
    const logging = { level: 'ALL' as const, includeExecutionData: true, destinations: [destination()] };
    const { stateMachineArn } = await create('log-revisions', PASS, { loggingConfiguration: logging });
    const revision = async () => (await client.send(new DescribeStateMachineCommand({ stateMachineArn }))).revisionId;
    await client.send(new UpdateStateMachineCommand({ stateMachineArn, loggingConfiguration: { ...logging, level: 'FATAL' } }));
    const r1 = await revision();
    expect(r1).toBeDefined();
    await client.send(new UpdateStateMachineCommand({ stateMachineArn, loggingConfiguration: { ...logging, level: 'FATAL' } }));
    expect(await revision()).toBe(r1);
    await client.send(new UpdateStateMachineCommand({ stateMachineArn, loggingConfiguration: { ...logging, level: 'FATAL', includeExecutionData: false } }));
    const r2 = await revision();
    expect(r2).toBeDefined();
    expect(r2).not.toBe(r1);
  });
});

describe('EXPRESS state machines (test_sfn_api_express.snapshot.json)', () => {
  test('StartSyncExecution answers the execution whole, with billing details; ListExecutions is not supported', async () => {
    const { stateMachineArn } = await create('express-sync', PASS, { type: 'EXPRESS' });
    const r = await client.send(new StartSyncExecutionCommand({ stateMachineArn, input: '{}' }));
    expect(r).toMatchObject({
      executionArn: expect.stringMatching(/^arn:aws:states:us-east-1:123456789012:express:express-sync:[^:]+:[^:]+$/),
      input: '{}',
      inputDetails: { included: true },
      output: '{"Arg1":"argument1"}',
      outputDetails: { included: true },
      stateMachineArn,
      status: 'SUCCEEDED',
      billingDetails: { billedDurationInMilliseconds: 100, billedMemoryUsedInMB: 64 },
    });
    expect(r.startDate).toBeInstanceOf(Date);
    expect(r.stopDate).toBeInstanceOf(Date);
    expect(await failure(client.send(new ListExecutionsCommand({ stateMachineArn })))).toEqual({ name: 'StateMachineTypeNotSupported', message: 'This operation is not supported by this type of state machine' });
  });

  test('a failed StartSyncExecution: error and cause, no output, outputDetails still there (test_express_sync.snapshot.json)', async () => {
    const fail = JSON.stringify({ StartAt: 'F', States: { F: { Type: 'Fail', Error: 'SomeFailure', Cause: "This state machines raises a 'SomeFailure' failure." } } });
    const { stateMachineArn } = await create('express-fail', fail, { type: 'EXPRESS' });
    const r = await client.send(new StartSyncExecutionCommand({ stateMachineArn, input: '{}' }));
    expect(r).toMatchObject({
      status: 'FAILED',
      error: 'SomeFailure',
      cause: "This state machines raises a 'SomeFailure' failure.",
      input: '{}',
      inputDetails: { included: true },
      outputDetails: { included: true },
      billingDetails: { billedDurationInMilliseconds: 100, billedMemoryUsedInMB: 64 },
    });
    expect(r).not.toHaveProperty('output');
  });

  test('an express execution ARN is not one DescribeExecution, StopExecution or GetExecutionHistory take', async () => {
    const { stateMachineArn } = await create('express-async', PASS, { type: 'EXPRESS' });
    const { executionArn } = await client.send(new StartExecutionCommand({ stateMachineArn }));
    expect(executionArn).toMatch(/:express:express-async:/);
    const invalid = { name: 'InvalidArn', message: "Invalid Arn: 'Resource type not valid in this context: express'" };
    expect(await failure(client.send(new DescribeExecutionCommand({ executionArn })))).toEqual(invalid);
    expect(await failure(client.send(new StopExecutionCommand({ executionArn })))).toEqual(invalid);
    expect(await failure(client.send(new GetExecutionHistoryCommand({ executionArn })))).toEqual(invalid);
    expect(await failure(client.send(new DescribeStateMachineForExecutionCommand({ executionArn })))).toEqual(invalid);
  });

  test('callbacks, .sync and activities are refused at creation, each in its own words', async () => {
    const task = (name: string, Resource: string, extra: Record<string, unknown> = {}) => JSON.stringify({ StartAt: name, States: { [name]: { Type: 'Task', Resource, ...extra, End: true } } });
    const refused = async (definition: string) => (await failure(create(`express-refused-${Math.random().toString(36).slice(2, 8)}`, definition, { type: 'EXPRESS' }))).message;
    expect(await refused(task('Publish', 'arn:aws:states:::sns:publish.waitForTaskToken', { Parameters: { TopicArn: 't', Message: { 'TaskToken.$': '$$.Task.Token' } } }))).toBe(
      "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: Express state machine does not support '.waitForTaskToken' service integration  at /States/Publish/Resource'",
    );
    expect(await refused(task('StartExecution', 'arn:aws:states:::states:startExecution.sync', { Parameters: { StateMachineArn: `${SM_PREFIX}x` } }))).toBe(
      "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: Express state machine does not support '.sync' service integration at /States/StartExecution/Resource'",
    );
    expect(await refused(task('ActivityTask', 'arn:aws:states:us-east-1:123456789012:activity:a'))).toBe(
      "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: Express state machine does not support Activity ARN at /States/ActivityTask/Resource'",
    );
  });
});

describe('Map Runs (test_sfn_api_map_run.snapshot.json)', () => {
  test('ListMapRuns and DescribeMapRun of a finished Distributed Map', async () => {
    const definition = JSON.stringify({
      StartAt: 'Map',
      States: {
        Map: {
          Type: 'Map',
          MaxConcurrency: 1,
          ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'P', States: { P: { Type: 'Pass', End: true } } },
          End: true,
        },
      },
    });
    const { stateMachineArn } = await create('map-run', definition);
    const { executionArn } = await client.send(new StartExecutionCommand({ stateMachineArn, input: '[1, 2]' }));
    expect((await finished(executionArn!)).status).toBe('SUCCEEDED');
    const { mapRuns } = await client.send(new ListMapRunsCommand({ executionArn }));
    expect(mapRuns).toHaveLength(1);
    expect(Object.keys(mapRuns![0]!).sort()).toEqual(['executionArn', 'mapRunArn', 'startDate', 'stateMachineArn', 'stopDate']);
    expect(mapRuns![0]!.stateMachineArn).toMatch(new RegExp(`^${stateMachineArn}/[^/:]+$`));
    const d = await client.send(new DescribeMapRunCommand({ mapRunArn: mapRuns![0]!.mapRunArn }));
    // Ten counters each, failuresNotRedrivable and pendingRedrive too (floci-io/floci#2671, measured on AWS).
    const counts = { aborted: 0, failed: 0, pending: 0, resultsWritten: 2, running: 0, succeeded: 2, timedOut: 0, total: 2, failuresNotRedrivable: 0, pendingRedrive: 0 };
    expect(d).toMatchObject({ executionArn, maxConcurrency: 1, status: 'SUCCEEDED', toleratedFailureCount: 0, toleratedFailurePercentage: 0 });
    expect(d.itemCounts).toEqual(counts);
    expect(d.executionCounts).toEqual(counts);
  });
});

describe('stopping (floci-io/floci#2734 and #2965, measured on AWS)', () => {
  const WAIT = JSON.stringify({ StartAt: 'State_1', States: { State_1: { Type: 'Wait', Seconds: 30, End: true } } });

  test('StopExecution with an error and a cause: ABORTED with both; without: ABORTED with neither key, an empty details object', async () => {
    const { stateMachineArn } = await create('stopped', WAIT);
    const a = await client.send(new StartExecutionCommand({ stateMachineArn, name: 'with' }));
    const stopped = await client.send(new StopExecutionCommand({ executionArn: a.executionArn, error: 'Manual', cause: 'probe' }));
    expect(stopped.stopDate).toBeInstanceOf(Date);
    expect(await client.send(new DescribeExecutionCommand({ executionArn: a.executionArn }))).toMatchObject({ status: 'ABORTED', error: 'Manual', cause: 'probe' });
    const b = await client.send(new StartExecutionCommand({ stateMachineArn, name: 'without' }));
    await client.send(new StopExecutionCommand({ executionArn: b.executionArn }));
    const d = await client.send(new DescribeExecutionCommand({ executionArn: b.executionArn }));
    expect(d.status).toBe('ABORTED');
    expect(d).not.toHaveProperty('error');
    expect(d).not.toHaveProperty('cause');
    const { events } = await client.send(new GetExecutionHistoryCommand({ executionArn: b.executionArn }));
    expect(events!.at(-1)).toMatchObject({ type: 'ExecutionAborted', id: 3, previousEventId: 0, executionAbortedEventDetails: {} });
  });
});

describe('timing out (floci-io/floci#2733 and #2965, measured on AWS)', () => {
  test('a machine TimeoutSeconds: TIMED_OUT at start plus the timeout, error and cause absent; the event carries States.Timeout alone', async () => {
    const { stateMachineArn } = await create('timed-out', JSON.stringify({ StartAt: 'W', TimeoutSeconds: 3, States: { W: { Type: 'Wait', Seconds: 25, End: true } } }));
    const { executionArn } = await client.send(new StartExecutionCommand({ stateMachineArn }));
    await advance(3000);
    const d = await finished(executionArn!);
    expect(d.status).toBe('TIMED_OUT');
    expect(d.stopDate!.getTime() - d.startDate!.getTime()).toBe(3000);
    expect(d).not.toHaveProperty('error');
    expect(d).not.toHaveProperty('cause');
    expect(d).toMatchObject({ input: '{}', inputDetails: { included: true }, redriveCount: 0, redriveStatus: 'REDRIVABLE' });
    expect(d).not.toHaveProperty('redriveStatusReason');
    const { events } = await client.send(new GetExecutionHistoryCommand({ executionArn }));
    expect(events!.at(-1)).toMatchObject({ type: 'ExecutionTimedOut', previousEventId: 0, executionTimedOutEventDetails: { error: 'States.Timeout' } });
    expect(events!.at(-1)!.executionTimedOutEventDetails).not.toHaveProperty('cause');
  });
});

describe('activities (test_sfn_api_activities.snapshot.json)', () => {
  test('CreateActivity is idempotent; a deleted activity does not exist for Describe or GetActivityTask; deleting twice succeeds', async () => {
    const a = await client.send(new CreateActivityCommand({ name: 'activity_name' }));
    const again = await client.send(new CreateActivityCommand({ name: 'activity_name' }));
    expect([again.activityArn, again.creationDate]).toEqual([a.activityArn, a.creationDate]);
    expect(await client.send(new DescribeActivityCommand({ activityArn: a.activityArn }))).toMatchObject({ activityArn: a.activityArn, name: 'activity_name', creationDate: a.creationDate });
    await client.send(new DeleteActivityCommand({ activityArn: a.activityArn }));
    await client.send(new DeleteActivityCommand({ activityArn: a.activityArn }));
    const gone = { name: 'ActivityDoesNotExist', message: `Activity Does Not Exist: '${a.activityArn}'` };
    expect(await failure(client.send(new DescribeActivityCommand({ activityArn: a.activityArn })))).toEqual(gone);
    expect(await failure(client.send(new GetActivityTaskCommand({ activityArn: a.activityArn })))).toEqual(gone);
  });

  test('a worker takes the task and reports: the history names the worker, or carries empty details without one (test_activities.snapshot.json)', async () => {
    const { activityArn } = await client.send(new CreateActivityCommand({ name: 'worked' }));
    const definition = JSON.stringify({ StartAt: 'ActivityTask', States: { ActivityTask: { Type: 'Task', Resource: activityArn, End: true } } });
    const { stateMachineArn } = await create('activity-run', definition);
    const input = '{"Value1":"Hello","Value2":"World"}';
    const run = async (workerName: string | undefined, report: (taskToken: string) => Promise<unknown>) => {
      const { executionArn } = await client.send(new StartExecutionCommand({ stateMachineArn, input }));
      const task = await client.send(new GetActivityTaskCommand({ activityArn, ...(workerName ? { workerName } : {}) }));
      expect(task.input).toBe(input);
      await report(task.taskToken!);
      await finished(executionArn!);
      return (await client.send(new GetExecutionHistoryCommand({ executionArn }))).events!;
    };
    const named = await run('BASE_ID_ACTIVITY_CONSUMER', (taskToken) => client.send(new SendTaskSuccessCommand({ taskToken, output: input })));
    expect(named.map((e) => e.type)).toEqual(['ExecutionStarted', 'TaskStateEntered', 'ActivityScheduled', 'ActivityStarted', 'ActivitySucceeded', 'TaskStateExited', 'ExecutionSucceeded']);
    expect(named[2]!.activityScheduledEventDetails).toEqual({ input, inputDetails: { truncated: false }, resource: activityArn });
    expect(named[3]!.activityStartedEventDetails).toEqual({ workerName: 'BASE_ID_ACTIVITY_CONSUMER' });
    const anonymous = await run(undefined, (taskToken) => client.send(new SendTaskFailureCommand({ taskToken, error: 'Programmatic Error', cause: input })));
    expect(anonymous[3]!.activityStartedEventDetails).toEqual({});
    expect(anonymous.slice(4).map((e) => [e.type, e.activityFailedEventDetails ?? e.executionFailedEventDetails])).toEqual([
      ['ActivityFailed', { error: 'Programmatic Error', cause: input }],
      ['ExecutionFailed', { error: 'Programmatic Error', cause: input }],
    ]);
  });

  test('an activity name with a space or a dollar sign: InvalidName', async () => {
    expect(await failure(client.send(new CreateActivityCommand({ name: 'TestActivity InvalidName$' })))).toEqual({ name: 'InvalidName', message: "Invalid Name: 'TestActivity InvalidName$'" });
  });
});

describe('versions (test_sfn_api_versioning.snapshot.json)', () => {
  test('a version description without publish is refused', async () => {
    expect(await failure(create('desc-no-publish', PASS, { versionDescription: 'd' }))).toEqual({ name: 'ValidationException', message: 'Version description can only be set when publish is true' });
  });

  test('a version published at creation has no revisionId; later ones carry the revision they froze', async () => {
    const created = await create('ver', PASS, { publish: true });
    expect(created.stateMachineVersionArn).toBe(`${created.stateMachineArn}:1`);
    const v1 = await client.send(new DescribeStateMachineCommand({ stateMachineArn: created.stateMachineVersionArn }));
    expect(v1).toMatchObject({ stateMachineArn: created.stateMachineVersionArn, status: 'ACTIVE', type: 'STANDARD' });
    expect(v1.revisionId).toBeUndefined();
    const up = await client.send(new UpdateStateMachineCommand({ stateMachineArn: created.stateMachineArn, definition: passWith('R2') }));
    const p2 = await client.send(new PublishStateMachineVersionCommand({ stateMachineArn: created.stateMachineArn, description: 'PublishedV2Description' }));
    expect(p2.stateMachineVersionArn).toBe(`${created.stateMachineArn}:2`);
    const v2 = await client.send(new DescribeStateMachineCommand({ stateMachineArn: p2.stateMachineVersionArn }));
    expect(v2).toMatchObject({ revisionId: up.revisionId, description: 'PublishedV2Description', definition: passWith('R2') });
    const versions = await client.send(new ListStateMachineVersionsCommand({ stateMachineArn: created.stateMachineArn }));
    expect(versions.stateMachineVersions!.map((v) => v.stateMachineVersionArn)).toEqual([`${created.stateMachineArn}:2`, `${created.stateMachineArn}:1`]);
  });

  test('publishing for a revision that is no longer current: ConflictException naming both revisions', async () => {
    const { stateMachineArn } = await create('conflict');
    const r1 = await client.send(new UpdateStateMachineCommand({ stateMachineArn, definition: passWith('R1') }));
    const r2 = await client.send(new UpdateStateMachineCommand({ stateMachineArn, definition: passWith('R2') }));
    expect(await failure(client.send(new PublishStateMachineVersionCommand({ stateMachineArn, revisionId: r1.revisionId })))).toEqual({
      name: 'ConflictException',
      message: `Failed to publish the State Machine version for revision ${r1.revisionId}. The current State Machine revision is ${r2.revisionId}.`,
    });
  });

  test('UpdateStateMachine of a version ARN: StateMachineDoesNotExist naming it', async () => {
    const created = await create('update-version', PASS, { publish: true });
    expect(await failure(client.send(new UpdateStateMachineCommand({ stateMachineArn: created.stateMachineVersionArn, definition: passWith('R3') })))).toEqual({
      name: 'StateMachineDoesNotExist',
      message: `State Machine Does Not Exist: '${created.stateMachineVersionArn}'`,
    });
  });

  test('publishing with nothing new returns the same version; an update with publish and nothing new does too, without a revisionId', async () => {
    const { stateMachineArn } = await create('idem');
    const a = await client.send(new PublishStateMachineVersionCommand({ stateMachineArn }));
    const b = await client.send(new PublishStateMachineVersionCommand({ stateMachineArn }));
    expect(b.stateMachineVersionArn).toBe(a.stateMachineVersionArn);
    const u = await client.send(new UpdateStateMachineCommand({ stateMachineArn, definition: PASS, publish: true }));
    expect(u.stateMachineVersionArn).toBe(`${stateMachineArn}:1`);
    expect(u.revisionId).toBeUndefined();
    expect(u.updateDate).toBeInstanceOf(Date);
    expect((await client.send(new UpdateStateMachineCommand({ stateMachineArn, definition: PASS, publish: true }))).stateMachineVersionArn).toBe(`${stateMachineArn}:1`);
    expect((await client.send(new DescribeStateMachineCommand({ stateMachineArn }))).revisionId).toBeUndefined();
  });

  test('version numbers are not reused after a deletion; deleting a deleted version succeeds', async () => {
    const { stateMachineArn } = await create('renumber', PASS, { publish: true });
    await client.send(new UpdateStateMachineCommand({ stateMachineArn, definition: passWith('R2'), publish: true }));
    await client.send(new DeleteStateMachineVersionCommand({ stateMachineVersionArn: `${stateMachineArn}:2` }));
    await client.send(new DeleteStateMachineVersionCommand({ stateMachineVersionArn: `${stateMachineArn}:2` }));
    const p = await client.send(new UpdateStateMachineCommand({ stateMachineArn, definition: passWith('R3'), publish: true }));
    expect(p.stateMachineVersionArn).toBe(`${stateMachineArn}:3`);
  });

  test('an execution of a version: ListExecutions shows its version; DescribeStateMachineForExecution names the state machine', async () => {
    const created = await create('run-version', PASS, { publish: true });
    const { executionArn } = await client.send(new StartExecutionCommand({ stateMachineArn: created.stateMachineVersionArn, name: 'v' }));
    await finished(executionArn!);
    const listed = await client.send(new ListExecutionsCommand({ stateMachineArn: created.stateMachineArn }));
    expect(listed.executions![0]).toMatchObject({ stateMachineArn: created.stateMachineArn, stateMachineVersionArn: created.stateMachineVersionArn });
    const d = await client.send(new DescribeStateMachineForExecutionCommand({ executionArn }));
    expect(d.stateMachineArn).toBe(created.stateMachineArn);
  });
});

describe('tags, more (test_sfn_api_tagging.snapshot.json)', () => {
  const tags = async (resourceArn: string) => (await client.send(new ListTagsForResourceCommand({ resourceArn }))).tags;

  test('an empty tag list, a key given twice in one call, tags given at creation', async () => {
    const { stateMachineArn } = await create('tags-more', PASS, { tags: [{ key: 'key1', value: 'value1' }, { key: 'key2', value: 'value2' }] });
    expect(await tags(stateMachineArn!)).toEqual([{ key: 'key1', value: 'value1' }, { key: 'key2', value: 'value2' }]);
    const bare = await create('tags-bare');
    await client.send(new TagResourceCommand({ resourceArn: bare.stateMachineArn, tags: [] }));
    expect(await tags(bare.stateMachineArn!)).toEqual([]);
    await client.send(new TagResourceCommand({ resourceArn: bare.stateMachineArn, tags: [{ key: 'key1', value: 'value1' }, { key: 'key1', value: 'value1' }] }));
    expect(await tags(bare.stateMachineArn!)).toEqual([{ key: 'key1', value: 'value1' }]);
  });

  test('untagging no keys keeps the tags; a key twice, or one never set, is fine', async () => {
    const { stateMachineArn } = await create('untag');
    await client.send(new TagResourceCommand({ resourceArn: stateMachineArn, tags: [{ key: 'key1', value: 'value1' }] }));
    await client.send(new UntagResourceCommand({ resourceArn: stateMachineArn, tagKeys: [] }));
    expect(await tags(stateMachineArn!)).toEqual([{ key: 'key1', value: 'value1' }]);
    await client.send(new UntagResourceCommand({ resourceArn: stateMachineArn, tagKeys: ['key1', 'key1', 'key2'] }));
    expect(await tags(stateMachineArn!)).toEqual([]);
  });
});

describe('aliases (test_sfn_api_aliasing.snapshot.json)', () => {
  async function twoVersions(name: string) {
    const created = await create(name, PASS, { publish: true });
    const v2 = await client.send(new UpdateStateMachineCommand({ stateMachineArn: created.stateMachineArn, definition: passWith('R2'), publish: true }));
    return { sm: created.stateMachineArn!, v1: created.stateMachineVersionArn!, v2: v2.stateMachineVersionArn! };
  }
  const alias = (name: string, routingConfiguration: { stateMachineVersionArn: string; weight: number }[], description?: string) =>
    client.send(new CreateStateMachineAliasCommand({ name, routingConfiguration, ...(description !== undefined ? { description } : {}) }));

  test('a create repeated alike is idempotent; a different description or routing is a ConflictException', async () => {
    const { v1, v2 } = await twoVersions('alias-idem');
    const a = await alias('prod', [{ stateMachineVersionArn: v1, weight: 100 }], 'd');
    const b = await alias('prod', [{ stateMachineVersionArn: v1, weight: 100 }], 'd');
    expect([b.stateMachineAliasArn, b.creationDate]).toEqual([a.stateMachineAliasArn, a.creationDate]);
    const conflict = { name: 'ConflictException', message: 'Failed to create alias because an alias with the same name and a different routing configuration already exists.' };
    expect(await failure(alias('prod', [{ stateMachineVersionArn: v1, weight: 100 }], 'other'))).toEqual(conflict);
    expect(await failure(alias('prod', [{ stateMachineVersionArn: v2, weight: 100 }], 'd'))).toEqual(conflict);
  });

  test('routing configurations AWS refuses, in its words', async () => {
    const { sm, v1, v2 } = await twoVersions('alias-routes');
    expect(await failure(alias('a', [{ stateMachineVersionArn: sm, weight: 100 }]))).toEqual({ name: 'ValidationException', message: `Routing configuration must contain state machine version ARNs. Received: [${sm}]` });
    expect(await failure(alias('a', [{ stateMachineVersionArn: sm, weight: 50 }, { stateMachineVersionArn: v2, weight: 50 }]))).toEqual({
      name: 'ValidationException',
      message: `Routing configuration must contain state machine version ARNs. Received: [${sm}, ${v2}]`,
    });
    expect(await failure(alias('a', [{ stateMachineVersionArn: v1, weight: 50 }, { stateMachineVersionArn: v1, weight: 50 }]))).toEqual({
      name: 'ValidationException',
      message: `Routing configuration must contain distinct state machine version ARNs. Received: [${v1}, ${v1}]`,
    });
    expect(await failure(alias('a', [{ stateMachineVersionArn: v1, weight: 70 }, { stateMachineVersionArn: v2, weight: 29 }]))).toEqual({ name: 'ValidationException', message: 'Sum of routing configuration weights must equal 100. Received: [70, 29]' });
    expect(await failure(alias('a', [{ stateMachineVersionArn: v1, weight: 70 }, { stateMachineVersionArn: v2, weight: 31 }]))).toEqual({ name: 'ValidationException', message: 'Sum of routing configuration weights must equal 100. Received: [70, 31]' });
    expect(await failure(alias('a', [{ stateMachineVersionArn: v1, weight: 101 }]))).toEqual({
      name: 'ValidationException',
      message: "1 validation error detected: Value '101' at 'routingConfiguration.1.member.weight' failed to satisfy constraint: Member must have value less than or equal to 100",
    });
    const three = [
      { stateMachineVersionArn: `${sm}:1`, weight: 50 },
      { stateMachineVersionArn: `${sm}:2`, weight: 30 },
      { stateMachineVersionArn: `${sm}:3`, weight: 20 },
    ];
    expect(await failure(alias('a', three))).toEqual({
      name: 'ValidationException',
      message: `1 validation error detected: Value '[${three.map((r) => `RoutingConfigurationListItem(stateMachineVersionArn=${r.stateMachineVersionArn}, weight=${r.weight})`).join(', ')}]' at 'routingConfiguration' failed to satisfy constraint: Member must have length less than or equal to 2`,
    });
  });

  test('alias names: the pattern and the length, in the model\'s words', async () => {
    const { v1 } = await twoVersions('alias-names');
    const pattern = (v: string) => `1 validation error detected: Value '${v}' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: ^(?=.*[a-zA-Z_\\-\\.])[a-zA-Z0-9_\\-\\.]+$`;
    for (const name of ['123', 'INVALID ALIAS', '!INVALID', 'ALIAS@']) expect(await failure(alias(name, [{ stateMachineVersionArn: v1, weight: 100 }]))).toEqual({ name: 'ValidationException', message: pattern(name) });
    const long = 'A'.repeat(81);
    expect((await failure(alias(long, [{ stateMachineVersionArn: v1, weight: 100 }]))).message).toBe(`1 validation error detected: Value '${long}' at 'name' failed to satisfy constraint: Member must have length less than or equal to 80`);
  });

  test('an execution through an alias records the alias and the version; deleting or updating an alias that does not exist', async () => {
    const { sm, v1 } = await twoVersions('alias-run');
    const { stateMachineAliasArn } = await alias('live', [{ stateMachineVersionArn: v1, weight: 100 }]);
    const { executionArn } = await client.send(new StartExecutionCommand({ stateMachineArn: stateMachineAliasArn }));
    expect(await finished(executionArn!)).toMatchObject({ stateMachineArn: sm, stateMachineAliasArn, stateMachineVersionArn: v1, status: 'SUCCEEDED' });
    await expect(client.send(new DeleteStateMachineAliasCommand({ stateMachineAliasArn: `${sm}:gone` }))).resolves.toBeDefined();
    expect(await failure(client.send(new UpdateStateMachineAliasCommand({ stateMachineAliasArn: `${sm}:gone`, description: 'x' })))).toEqual({
      name: 'ResourceNotFound',
      message: 'Request references a resource that does not exist.',
    });
  });
});

describe('tags (test_sfn_api_tagging.snapshot.json)', () => {
  test('a tag may have an empty value; a version ARN cannot be tagged (ResourceNotFound)', async () => {
    const created = await create('tagged', PASS, { publish: true });
    await client.send(new TagResourceCommand({ resourceArn: created.stateMachineArn, tags: [{ key: 'key1', value: '' }] }));
    expect((await client.send(new ListTagsForResourceCommand({ resourceArn: created.stateMachineArn }))).tags).toEqual([{ key: 'key1', value: '' }]);
    expect(await failure(client.send(new TagResourceCommand({ resourceArn: created.stateMachineVersionArn, tags: [{ key: 'k', value: 'v' }] })))).toEqual({
      name: 'ResourceNotFound',
      message: `Resource not found: '${created.stateMachineVersionArn}'`,
    });
  });
});

describe('ValidateStateMachineDefinition (test_sfn_api_validation.snapshot.json)', () => {
  const validate = (definition: string, type?: 'STANDARD' | 'EXPRESS') => client.send(new ValidateStateMachineDefinitionCommand({ definition, ...(type ? { type } : {}) }));

  test('text that is not JSON: INVALID_JSON_DESCRIPTION located as Jackson locates it', async () => {
    const r = await validate('not a definition');
    expect(r).toMatchObject({ result: 'FAIL', truncated: false });
    expect(r.diagnostics).toEqual([
      {
        code: 'INVALID_JSON_DESCRIPTION',
        location: '[Source: (String)"not a definition"; line: 1, column: 4]',
        message: "Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')\n at [Source: (String)\"not a definition\"; line: 1, column: 4]",
        severity: 'ERROR',
      },
    ]);
  });

  test('JSON that is not an object: "Definition must be a valid JSON object", without a location', async () => {
    expect((await validate('""')).diagnostics).toEqual([{ code: 'SCHEMA_VALIDATION_FAILED', message: 'Definition must be a valid JSON object', severity: 'ERROR' }]);
  });

  test('{}: both top-level fields required in one diagnostic; a valid definition is OK with no diagnostics', async () => {
    expect((await validate('{}')).diagnostics).toEqual([{ code: 'SCHEMA_VALIDATION_FAILED', location: '/', message: 'These fields are required: [States, StartAt]', severity: 'ERROR' }]);
    expect(await validate(PASS, 'EXPRESS')).toMatchObject({ result: 'OK', diagnostics: [], truncated: false });
  });

  test('an EXPRESS machine cannot wait for a task token', async () => {
    const wftt = JSON.stringify({ StartAt: 'SendMessageWithWait', States: { SendMessageWithWait: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken', Parameters: { QueueUrl: 'q', MessageBody: { 'TaskToken.$': '$$.Task.Token' } }, End: true } } });
    expect((await validate(wftt, 'EXPRESS')).diagnostics).toEqual([
      { code: 'SCHEMA_VALIDATION_FAILED', location: '/States/SendMessageWithWait/Resource', message: "Express state machine does not support '.waitForTaskToken' service integration ", severity: 'ERROR' },
    ]);
  });
});
