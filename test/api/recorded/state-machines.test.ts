import {
  DeleteStateMachineCommand,
  DescribeExecutionCommand,
  DescribeStateMachineCommand,
  DescribeStateMachineForExecutionCommand,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  ListStateMachinesCommand,
  ListTagsForResourceCommand,
  StartExecutionCommand,
  StartSyncExecutionCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateStateMachineCommand,
} from '@aws-sdk/client-sfn';
import { PASS, ROLE, SM_PREFIX, passWith, recordedService } from './recorded-service';

// State machines: create, describe, update, delete, list, logging and tags: answers recorded on AWS, through the SDK against the real runtime.

const { send, create, failure } = recordedService();

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
    await expect(send(new DeleteStateMachineCommand({ stateMachineArn: `${SM_PREFIX}never-was` }))).resolves.toBeDefined();
  });

  test('DescribeStateMachine of a fresh machine: the definition as given, default configurations, no revisionId yet', async () => {
    const { stateMachineArn } = await create('fresh');
    const d = await send(new DescribeStateMachineCommand({ stateMachineArn }));
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
    const r1 = await send(new UpdateStateMachineCommand({ stateMachineArn, definition: passWith('AfterUpdate1') }));
    expect(r1.revisionId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(r1.updateDate).toBeInstanceOf(Date);
    const d1 = await send(new DescribeStateMachineCommand({ stateMachineArn }));
    expect(d1.revisionId).toBe(r1.revisionId);
    expect(d1.definition).toBe(passWith('AfterUpdate1'));
    const same = await send(new UpdateStateMachineCommand({ stateMachineArn, definition: passWith('AfterUpdate1') }));
    expect(same.revisionId).toBe(r1.revisionId);
    const role = await send(new UpdateStateMachineCommand({ stateMachineArn, roleArn: `${ROLE}-t2` }));
    expect(role.revisionId).toBeDefined();
    expect(role.revisionId).not.toBe(r1.revisionId);
  });

  test('UpdateStateMachine with nothing to update: MissingRequiredParameter', async () => {
    const { stateMachineArn } = await create('update-none');
    const err = await failure(send(new UpdateStateMachineCommand({ stateMachineArn })));
    expect(err.name).toBe('MissingRequiredParameter');
  });

  test('DescribeStateMachine of a machine that does not exist: StateMachineDoesNotExist', async () => {
    const arn = `${SM_PREFIX}sm-nonexistent`;
    expect(await failure(send(new DescribeStateMachineCommand({ stateMachineArn: arn })))).toEqual({ name: 'StateMachineDoesNotExist', message: `State Machine Does Not Exist: '${arn}'` });
  });

  test('an ARN without the arn prefix: InvalidArn, "Invalid ARN prefix", on every operation that reads one', async () => {
    const prefix = (v: string) => ({ name: 'InvalidArn', message: `Invalid Arn: 'Invalid ARN prefix: ${v}'` });
    expect(await failure(send(new DescribeStateMachineCommand({ stateMachineArn: 'not_a_valid_arn' })))).toEqual(prefix('not_a_valid_arn'));
    expect(await failure(send(new ListExecutionsCommand({ stateMachineArn: 'invalid_state_machine_arn' })))).toEqual(prefix('invalid_state_machine_arn'));
    expect(await failure(send(new GetExecutionHistoryCommand({ executionArn: 'invalid_state_machine_arn' })))).toEqual(prefix('invalid_state_machine_arn'));
    expect(await failure(send(new DescribeExecutionCommand({ executionArn: 'invalid_state_machine_arn' })))).toEqual(prefix('invalid_state_machine_arn'));
  });

  test('ListStateMachines: name, ARN, type and creation date, ordered by name as text; limits in AWS words', async () => {
    const listed = await send(new ListStateMachinesCommand({}));
    const names = listed.stateMachines!.map((s) => s.name!);
    expect(names).toEqual([...names].sort());
    expect(Object.keys(listed.stateMachines![0]!).sort()).toEqual(['creationDate', 'name', 'stateMachineArn', 'type']);
    expect(await failure(send(new ListStateMachinesCommand({ maxResults: 1001 })))).toEqual({
      name: 'ValidationException',
      message: "1 validation error detected: Value '1001' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000",
    });
    const long = 'x'.repeat(1025);
    expect(await failure(send(new ListStateMachinesCommand({ nextToken: long })))).toEqual({
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
    const d = await send(new DescribeStateMachineCommand({ stateMachineArn }));
    expect(d.variableReferences).toEqual({ State1: ['theAnswer'] });
    expect(d.encryptionConfiguration).toEqual({ type: 'AWS_OWNED_KEY' });
    const { executionArn } = await send(new StartExecutionCommand({ stateMachineArn }));
    expect((await send(new DescribeStateMachineForExecutionCommand({ executionArn }))).variableReferences).toEqual({ State1: ['theAnswer'] });
    // Documented: with includedData METADATA_ONLY the definition is `{}` (API reference, DescribeStateMachine).
    expect((await send(new DescribeStateMachineCommand({ stateMachineArn, includedData: 'METADATA_ONLY' }))).definition).toBe('{}');
    expect((await send(new DescribeStateMachineForExecutionCommand({ executionArn, includedData: 'METADATA_ONLY' }))).definition).toBe('{}');
    const plain = await create('no-variable-references');
    expect(await send(new DescribeStateMachineCommand({ stateMachineArn: plain.stateMachineArn }))).not.toHaveProperty('variableReferences');
  });

  test('variableReferences of Wait paths and of states nested in Maps; DescribeStateMachineForExecution carries the encryption configuration too (BASE_REFERENCE_IN_WAIT, BASE_REFERENCE_IN_ITERATOR_OUTER_SCOPE)', async () => {
    const wait = JSON.stringify({
      StartAt: 'Start',
      States: {
        Start: { Type: 'Pass', Assign: { waitTime: 0, startAt: '2024-01-01T00:00:00Z' }, Next: 'WaitSecondsState' },
        WaitSecondsState: { Type: 'Wait', SecondsPath: '$waitTime', Next: 'WaitUntilState' },
        WaitUntilState: { Type: 'Wait', TimestampPath: '$startAt', End: true },
      },
    });
    const waiting = await create('variable-references-wait', wait);
    expect((await send(new DescribeStateMachineCommand({ stateMachineArn: waiting.stateMachineArn }))).variableReferences).toEqual({ WaitSecondsState: ['waitTime'], WaitUntilState: ['startAt'] });
    const inline = (StartAt: string, States: Record<string, unknown>) => ({ ProcessorConfig: { Mode: 'INLINE' }, StartAt, States });
    const nested = JSON.stringify({
      StartAt: 'Input',
      States: {
        Input: { Type: 'Pass', Result: [[9, 44, 6], [82, 25, 76]], Assign: { bias: 4.3 }, Next: 'IterateLevels' },
        IterateLevels: {
          Type: 'Map',
          MaxConcurrency: 1,
          ItemProcessor: inline('AssignCurrentVector', {
            AssignCurrentVector: { Type: 'Pass', Assign: { 'xCurrent.$': '$[0]', 'yCurrent.$': '$[1]', 'zCurrent.$': '$[2]' }, Next: 'Calculate' },
            Calculate: {
              Type: 'Map',
              MaxConcurrency: 1,
              ItemProcessor: inline('Summate', { Summate: { Type: 'Pass', Assign: { 'Sum.$': 'States.MathAdd(States.MathAdd(States.MathAdd($yCurrent, $xCurrent), $zCurrent), $bias)' }, End: true } }),
              End: true,
            },
          }),
          End: true,
        },
      },
    });
    const { stateMachineArn } = await create('variable-references-nested', nested);
    const { executionArn } = await send(new StartExecutionCommand({ stateMachineArn }));
    const d = await send(new DescribeStateMachineForExecutionCommand({ executionArn }));
    expect(d).toMatchObject({ variableReferences: { Summate: ['bias', 'xCurrent', 'yCurrent', 'zCurrent'] }, encryptionConfiguration: { type: 'AWS_OWNED_KEY' } });
  });

  test('StartSyncExecution on a STANDARD machine: StateMachineTypeNotSupported', async () => {
    const { stateMachineArn } = await create('standard-sync');
    expect(await failure(send(new StartSyncExecutionCommand({ stateMachineArn })))).toEqual({
      name: 'StateMachineTypeNotSupported',
      message: 'This operation is not supported by this type of state machine',
    });
  });
});

describe('logging configurations (test_sfn_api_logs.snapshot.json)', () => {
  const LOG_GROUP = 'arn:aws:logs:us-east-1:123456789012:log-group:log_group_name:*';
  const destination = (logGroupArn = LOG_GROUP) => ({ cloudWatchLogsLogGroup: { logGroupArn } });

  test('kept as given with AWS defaults filled in; an empty destination list stays', async () => {
    const given = await create('log-given', PASS, { loggingConfiguration: { level: 'FATAL', includeExecutionData: true, destinations: [destination()] } });
    expect((await send(new DescribeStateMachineCommand({ stateMachineArn: given.stateMachineArn }))).loggingConfiguration).toEqual({ level: 'FATAL', includeExecutionData: true, destinations: [destination()] });
    const empty = await create('log-empty', PASS, { loggingConfiguration: {} });
    expect((await send(new DescribeStateMachineCommand({ stateMachineArn: empty.stateMachineArn }))).loggingConfiguration).toEqual({ level: 'OFF', includeExecutionData: false });
    const none = await create('log-none', PASS, { loggingConfiguration: { destinations: [] } });
    expect((await send(new DescribeStateMachineCommand({ stateMachineArn: none.stateMachineArn }))).loggingConfiguration).toEqual({ level: 'OFF', includeExecutionData: false, destinations: [] });
  });

  test('level OFF with a destination keeps the destination and includeExecutionData as given (test_logging_configuration[OFF-*])', async () => {
    for (const includeExecutionData of [false, true]) {
      const { stateMachineArn } = await create(`log-off-${includeExecutionData}`, PASS, { loggingConfiguration: { level: 'OFF', includeExecutionData, destinations: [destination()] } });
      expect((await send(new DescribeStateMachineCommand({ stateMachineArn }))).loggingConfiguration).toEqual({ level: 'OFF', includeExecutionData, destinations: [destination()] });
    }
  });

  test('a level without one destination, or two destinations: InvalidLoggingConfiguration', async () => {
    const invalid = { name: 'InvalidLoggingConfiguration', message: 'Invalid Logging Configuration: Must specify exactly one Log Destination.' };
    for (const level of ['ALL', 'FATAL', 'ERROR'] as const) expect(await failure(create(`log-${level}`, PASS, { loggingConfiguration: { level } }))).toEqual(invalid);
    expect(await failure(create('log-two', PASS, { loggingConfiguration: { level: 'ALL', destinations: [destination(), destination(`${LOG_GROUP}2`)] } }))).toEqual(invalid);
    const { stateMachineArn } = await create('log-update-invalid');
    expect(await failure(send(new UpdateStateMachineCommand({ stateMachineArn, loggingConfiguration: { level: 'ALL' } })))).toEqual(invalid);
    expect(await failure(send(new UpdateStateMachineCommand({ stateMachineArn, loggingConfiguration: { level: 'ALL', destinations: [destination(), destination(`${LOG_GROUP}2`)] } })))).toEqual(invalid);
  });

  test('each logging change is a new revision; the same logging again is not', async () => {
    const logging = { level: 'ALL' as const, includeExecutionData: true, destinations: [destination()] };
    const { stateMachineArn } = await create('log-revisions', PASS, { loggingConfiguration: logging });
    const revision = async () => (await send(new DescribeStateMachineCommand({ stateMachineArn }))).revisionId;
    await send(new UpdateStateMachineCommand({ stateMachineArn, loggingConfiguration: { ...logging, level: 'FATAL' } }));
    const r1 = await revision();
    expect(r1).toBeDefined();
    await send(new UpdateStateMachineCommand({ stateMachineArn, loggingConfiguration: { ...logging, level: 'FATAL' } }));
    expect(await revision()).toBe(r1);
    await send(new UpdateStateMachineCommand({ stateMachineArn, loggingConfiguration: { ...logging, level: 'FATAL', includeExecutionData: false } }));
    const r2 = await revision();
    expect(r2).toBeDefined();
    expect(r2).not.toBe(r1);
  });
});

describe('tags (test_sfn_api_tagging.snapshot.json)', () => {
  test('a tag may have an empty value; a version ARN cannot be tagged (ResourceNotFound)', async () => {
    const created = await create('tagged', PASS, { publish: true });
    await send(new TagResourceCommand({ resourceArn: created.stateMachineArn, tags: [{ key: 'key1', value: '' }] }));
    expect((await send(new ListTagsForResourceCommand({ resourceArn: created.stateMachineArn }))).tags).toEqual([{ key: 'key1', value: '' }]);
    expect(await failure(send(new TagResourceCommand({ resourceArn: created.stateMachineVersionArn, tags: [{ key: 'k', value: 'v' }] })))).toEqual({
      name: 'ResourceNotFound',
      message: `Resource not found: '${created.stateMachineVersionArn}'`,
    });
  });
});

describe('tags, more (test_sfn_api_tagging.snapshot.json)', () => {
  const tags = async (resourceArn: string) => (await send(new ListTagsForResourceCommand({ resourceArn }))).tags;

  test('an empty tag list, a key given twice in one call, tags given at creation', async () => {
    const { stateMachineArn } = await create('tags-more', PASS, { tags: [{ key: 'key1', value: 'value1' }, { key: 'key2', value: 'value2' }] });
    expect(await tags(stateMachineArn!)).toEqual([{ key: 'key1', value: 'value1' }, { key: 'key2', value: 'value2' }]);
    const bare = await create('tags-bare');
    await send(new TagResourceCommand({ resourceArn: bare.stateMachineArn, tags: [] }));
    expect(await tags(bare.stateMachineArn!)).toEqual([]);
    await send(new TagResourceCommand({ resourceArn: bare.stateMachineArn, tags: [{ key: 'key1', value: 'value1' }, { key: 'key1', value: 'value1' }] }));
    expect(await tags(bare.stateMachineArn!)).toEqual([{ key: 'key1', value: 'value1' }]);
  });

  test('untagging no keys keeps the tags; a key twice, or one never set, is fine', async () => {
    const { stateMachineArn } = await create('untag');
    await send(new TagResourceCommand({ resourceArn: stateMachineArn, tags: [{ key: 'key1', value: 'value1' }] }));
    await send(new UntagResourceCommand({ resourceArn: stateMachineArn, tagKeys: [] }));
    expect(await tags(stateMachineArn!)).toEqual([{ key: 'key1', value: 'value1' }]);
    await send(new UntagResourceCommand({ resourceArn: stateMachineArn, tagKeys: ['key1', 'key1', 'key2'] }));
    expect(await tags(stateMachineArn!)).toEqual([]);
  });
});
