import { OperationNames } from '../../lib/runtime/step-functions-operations';
import { servedOperationNames } from '../../lib/api/operations';
import { startHarness, PASS_DEFINITION, ROLE, type Harness } from './api-harness';

// Each operation's members checked as AWS checks them, before the service sees the request.

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.call('CreateStateMachine', { name: 'm', definition: PASS_DEFINITION, roleArn: ROLE });
});
afterAll(() => h.close());

const VALIDATION = 'com.amazon.coral.validate#ValidationException';
const SERIALIZATION = 'com.amazon.coral.service#SerializationException';
const SERVICE = 'com.amazonaws.swf.service.v2.model';
const SM = 'arn:aws:states:us-east-1:123456789012:stateMachine:m';
const EXEC = 'arn:aws:states:us-east-1:123456789012:execution:m:e';
const ACT = 'arn:aws:states:us-east-1:123456789012:activity:a';
const RUN = 'arn:aws:states:us-east-1:123456789012:mapRun:m/label:0b6b5c2a-1b1f-3c11-8f2f-2a0e0d4e9a11';
const NULL = (member: string) => `Value null at '${member}' failed to satisfy constraint: Member must not be null`;
const NULL_SENSITIVE = (member: string) => `Value at '${member}' failed to satisfy constraint: Member must not be null`;
const detected = (...violations: string[]) => `${violations.length} validation error${violations.length === 1 ? '' : 's'} detected: ${violations.join('; ')}`;

async function expectError(operation: string, body: unknown, type: string, message?: string): Promise<void> {
  const callsBefore = h.fake.calls.length;
  const reply = await h.call(operation, body);
  expect(reply.status).toBe(400);
  const json = reply.json();
  expect(json.__type).toBe(type);
  if (message !== undefined) expect(json.message ?? json.Message).toBe(message);
  // Refused before the service saw it.
  expect(h.fake.calls.slice(callsBefore).filter((c) => c.operation === operation)).toEqual([]);
}

test('the operation map covers every Step Functions operation', () => {
  expect([...servedOperationNames].sort()).toEqual([...OperationNames].sort());
});

describe('required members, per the API reference', () => {
  // Sensitive members (definition, output) are reported without "null", as AWS reports them.
  const required: Record<string, string[]> = {
    CreateActivity: [NULL('name')],
    CreateStateMachine: [NULL('name'), NULL_SENSITIVE('definition'), NULL('roleArn')],
    CreateStateMachineAlias: [NULL('name'), NULL('routingConfiguration')],
    DeleteActivity: [NULL('activityArn')],
    DeleteStateMachine: [NULL('stateMachineArn')],
    DeleteStateMachineAlias: [NULL('stateMachineAliasArn')],
    DeleteStateMachineVersion: [NULL('stateMachineVersionArn')],
    DescribeActivity: [NULL('activityArn')],
    DescribeExecution: [NULL('executionArn')],
    DescribeMapRun: [NULL('mapRunArn')],
    DescribeStateMachine: [NULL('stateMachineArn')],
    DescribeStateMachineAlias: [NULL('stateMachineAliasArn')],
    DescribeStateMachineForExecution: [NULL('executionArn')],
    GetActivityTask: [NULL('activityArn')],
    GetExecutionHistory: [NULL('executionArn')],
    ListMapRuns: [NULL('executionArn')],
    ListStateMachineAliases: [NULL('stateMachineArn')],
    ListStateMachineVersions: [NULL('stateMachineArn')],
    ListTagsForResource: [NULL('resourceArn')],
    PublishStateMachineVersion: [NULL('stateMachineArn')],
    RedriveExecution: [NULL('executionArn')],
    SendTaskFailure: [NULL('taskToken')],
    SendTaskHeartbeat: [NULL('taskToken')],
    SendTaskSuccess: [NULL('taskToken'), NULL_SENSITIVE('output')],
    StartExecution: [NULL('stateMachineArn')],
    StartSyncExecution: [NULL('stateMachineArn')],
    StopExecution: [NULL('executionArn')],
    TagResource: [NULL('resourceArn'), NULL('tags')],
    TestState: [NULL_SENSITIVE('definition')],
    UntagResource: [NULL('resourceArn'), NULL('tagKeys')],
    UpdateMapRun: [NULL('mapRunArn')],
    UpdateStateMachine: [NULL('stateMachineArn')],
    UpdateStateMachineAlias: [NULL('stateMachineAliasArn')],
    ValidateStateMachineDefinition: [NULL_SENSITIVE('definition')],
  };

  test.each(Object.entries(required))('%s', async (operation, violations) => {
    await expectError(operation, {}, VALIDATION, detected(...violations));
  });

  test.each(['ListActivities', 'ListStateMachines', 'ListExecutions'])('%s has none', async (operation) => {
    expect((await h.call(operation, {})).status).toBe(200);
  });

  test('every operation is in one of the two lists', () => {
    expect([...Object.keys(required), 'ListActivities', 'ListStateMachines', 'ListExecutions'].sort()).toEqual([...OperationNames].sort());
  });
});

describe('member types: SerializationException in Coral\'s words', () => {
  test.each([
    ['a number for a string', 'DescribeExecution', { executionArn: 12 }, 'NUMBER_VALUE cannot be converted to String'],
    ['a decimal for a string', 'DescribeExecution', { executionArn: 1.5 }, 'DECIMAL_VALUE cannot be converted to String'],
    ['a boolean for a string', 'DescribeExecution', { executionArn: true }, 'TRUE_VALUE cannot be converted to String'],
    ['an object for a string', 'DescribeExecution', { executionArn: {} }, 'Start of structure or map found where not expected'],
    ['a list for a string', 'DescribeExecution', { executionArn: [] }, 'Unrecognized collection type class java.lang.String'],
    ['a string for an integer', 'ListActivities', { maxResults: '10' }, 'STRING_VALUE cannot be converted to Integer'],
    ['false for an integer', 'ListActivities', { maxResults: false }, 'FALSE_VALUE cannot be converted to Integer'],
    ['a list for an integer', 'ListActivities', { maxResults: [1] }, 'Unrecognized collection type class java.lang.Integer'],
    ['a word for a boolean', 'GetExecutionHistory', { executionArn: EXEC, reverseOrder: 'sometimes' }, 'Unexpected token received from parser'],
    ['a number for a boolean', 'GetExecutionHistory', { executionArn: EXEC, reverseOrder: 1 }, 'NUMBER_VALUE cannot be converted to Boolean'],
    ['a string for a list', 'UntagResource', { resourceArn: SM, tagKeys: 'k' }, 'Unexpected field type'],
    ['an object for a list', 'UntagResource', { resourceArn: SM, tagKeys: { k: 1 } }, 'Start of structure or map found where not expected'],
    ['a string for a structure', 'CreateStateMachine', { name: 'n', definition: PASS_DEFINITION, roleArn: ROLE, tracingConfiguration: 'on' }, 'Unexpected field type'],
    ['a list for a structure', 'CreateStateMachine', { name: 'n', definition: PASS_DEFINITION, roleArn: ROLE, tracingConfiguration: [] }, `Unrecognized collection type class ${SERVICE}.TracingConfiguration`],
    ['a wrong type inside a list element', 'TagResource', { resourceArn: SM, tags: [{ key: 1 }] }, 'NUMBER_VALUE cannot be converted to String'],
    ['a string for a long', 'UpdateMapRun', { mapRunArn: RUN, toleratedFailureCount: 'x' }, 'STRING_VALUE cannot be converted to Long'],
    ['a string for a float', 'UpdateMapRun', { mapRunArn: RUN, toleratedFailurePercentage: 'x' }, 'STRING_VALUE cannot be converted to Float'],
  ])('%s', async (_case, operation, body, message) => {
    await expectError(operation, body, SERIALIZATION, message);
  });

  test('Coral\'s leniencies: boolean words and truncated whole numbers reach the service converted', async () => {
    await h.call('GetExecutionHistory', { executionArn: EXEC, reverseOrder: 'TRUE', includeExecutionData: 'no', maxResults: 7.9 });
    expect(h.fake.calls.at(-1)!.input).toEqual({ executionArn: EXEC, reverseOrder: true, includeExecutionData: false, maxResults: 7 });
  });
});

describe('lengths, ranges, enums and patterns: ValidationException', () => {
  const long = (n: number) => 'a'.repeat(n);
  test.each([
    ['name longer than 80', 'StartExecution', { stateMachineArn: SM, name: long(81) }, `Value '${long(81)}' at 'name' failed to satisfy constraint: Member must have length less than or equal to 80`],
    ['empty name', 'StartExecution', { stateMachineArn: SM, name: '' }, "Value '' at 'name' failed to satisfy constraint: Member must have length greater than or equal to 1"],
    ['ARN longer than 256', 'DescribeExecution', { executionArn: `arn:${long(253)}` }, `Value 'arn:${long(253)}' at 'executionArn' failed to satisfy constraint: Member must have length less than or equal to 256`],
    ['map run ARN longer than 2000', 'DescribeMapRun', { mapRunArn: long(2001) }, `Value '${long(2001)}' at 'mapRunArn' failed to satisfy constraint: Member must have length less than or equal to 2000`],
    ['maxResults over 1000', 'ListExecutions', { stateMachineArn: SM, maxResults: 1001 }, "Value '1001' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000"],
    ['maxResults under 0', 'ListStateMachines', { maxResults: -1 }, "Value '-1' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 0"],
    ['ValidateStateMachineDefinition maxResults over 100', 'ValidateStateMachineDefinition', { definition: PASS_DEFINITION, maxResults: 101 }, "Value '101' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100"],
    ['nextToken longer than 1024', 'ListActivities', { nextToken: long(1025) }, `Value '${long(1025)}' at 'nextToken' failed to satisfy constraint: Member must have length less than or equal to 1024`],
    ['ListExecutions nextToken longer than 3096', 'ListExecutions', { nextToken: long(3097) }, `Value '${long(3097)}' at 'nextToken' failed to satisfy constraint: Member must have length less than or equal to 3096`],
    ['input over 256 KiB of UTF-8', 'StartExecution', { stateMachineArn: SM, input: JSON.stringify('é'.repeat(131072)) }, "Value at 'input' failed to satisfy constraint: Member must have size less than or equal to 262144 bytes in UTF-8 encoding"],
    ['task output over 256 KiB', 'SendTaskSuccess', { taskToken: 't', output: JSON.stringify(long(262143)) }, "Value at 'output' failed to satisfy constraint: Member must have size less than or equal to 262144 bytes in UTF-8 encoding"],
    ['empty task token', 'SendTaskHeartbeat', { taskToken: '' }, "Value '' at 'taskToken' failed to satisfy constraint: Member must have length greater than or equal to 1"],
    ['task token longer than 2048', 'SendTaskFailure', { taskToken: long(2049) }, `Value '${long(2049)}' at 'taskToken' failed to satisfy constraint: Member must have length less than or equal to 2048`],
    ['error longer than 256', 'SendTaskFailure', { taskToken: 't', error: long(257) }, "Value at 'error' failed to satisfy constraint: Member must have length less than or equal to 256"],
    ['cause longer than 32768', 'StopExecution', { executionArn: EXEC, cause: long(32769) }, "Value at 'cause' failed to satisfy constraint: Member must have length less than or equal to 32768"],
    ['definition longer than 1 MiB', 'ValidateStateMachineDefinition', { definition: long(1048577) }, "Value at 'definition' failed to satisfy constraint: Member must have length less than or equal to 1048576"],
    ['unknown status filter', 'ListExecutions', { stateMachineArn: SM, statusFilter: 'DONE' }, "Value 'DONE' at 'statusFilter' failed to satisfy constraint: Member must satisfy enum value set: [SUCCEEDED, TIMED_OUT, PENDING_REDRIVE, ABORTED, FAILED, RUNNING]"],
    ['unknown state machine type', 'CreateStateMachine', { name: 'x', definition: PASS_DEFINITION, roleArn: ROLE, type: 'FAST' }, "Value 'FAST' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [STANDARD, EXPRESS]"],
    ['unknown includedData', 'DescribeExecution', { executionArn: EXEC, includedData: 'SOME' }, "Value 'SOME' at 'includedData' failed to satisfy constraint: Member must satisfy enum value set: [ALL_DATA, METADATA_ONLY]"],
    ['unknown redrive filter', 'ListExecutions', { stateMachineArn: SM, redriveFilter: 'X' }, "Value 'X' at 'redriveFilter' failed to satisfy constraint: Member must satisfy enum value set: [REDRIVEN, NOT_REDRIVEN]"],
    ['unknown inspection level', 'TestState', { definition: '{}', inspectionLevel: 'ALL' }, "Value 'ALL' at 'inspectionLevel' failed to satisfy constraint: Member must satisfy enum value set: [INFO, DEBUG, TRACE]"],
    ['unknown severity', 'ValidateStateMachineDefinition', { definition: PASS_DEFINITION, severity: 'INFO' }, "Value 'INFO' at 'severity' failed to satisfy constraint: Member must satisfy enum value set: [ERROR, WARNING]"],
    ['a trace header that is not ASCII', 'StartExecution', { stateMachineArn: SM, traceHeader: 'Root=ü' }, "Value 'Root=ü' at 'traceHeader' failed to satisfy constraint: Member must satisfy regular expression pattern: \\p{ASCII}*"],
    ['a client token with a space', 'RedriveExecution', { executionArn: EXEC, clientToken: 'a b' }, "Value 'a b' at 'clientToken' failed to satisfy constraint: Member must satisfy regular expression pattern: [!-~]+"],
    ['an alias name of digits only', 'CreateStateMachineAlias', { name: '123', routingConfiguration: [{ stateMachineVersionArn: `${SM}:1`, weight: 100 }] }, "Value '123' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: ^(?=.*[a-zA-Z_\\-\\.])[a-zA-Z0-9_\\-\\.]+$"],
    ['a tag key too long (list element path)', 'TagResource', { resourceArn: SM, tags: [{ key: 'ok', value: 'v' }, { key: long(129), value: 'v' }] }, `Value '${long(129)}' at 'tags.2.member.key' failed to satisfy constraint: Member must have length less than or equal to 128`],
    ['an empty tag key to remove', 'UntagResource', { resourceArn: SM, tagKeys: [''] }, "Value '' at 'tagKeys.1.member' failed to satisfy constraint: Member must have length greater than or equal to 1"],
    ['a routing entry without weight', 'UpdateStateMachineAlias', { stateMachineAliasArn: `${SM}:prod`, routingConfiguration: [{ stateMachineVersionArn: `${SM}:1` }] }, "Value null at 'routingConfiguration.1.member.weight' failed to satisfy constraint: Member must not be null"],
    ['a weight over 100', 'CreateStateMachineAlias', { name: 'prod', routingConfiguration: [{ stateMachineVersionArn: `${SM}:1`, weight: 101 }] }, "Value '101' at 'routingConfiguration.1.member.weight' failed to satisfy constraint: Member must have value less than or equal to 100"],
    ['an empty routing list', 'CreateStateMachineAlias', { name: 'prod', routingConfiguration: [] }, "Value '[]' at 'routingConfiguration' failed to satisfy constraint: Member must have length greater than or equal to 1"],
    ['encryption without its type', 'CreateActivity', { name: 'a', encryptionConfiguration: { kmsKeyId: 'k' } }, "Value null at 'encryptionConfiguration.type' failed to satisfy constraint: Member must not be null"],
    ['a key reuse period under 60 s', 'UpdateStateMachine', { stateMachineArn: SM, encryptionConfiguration: { type: 'CUSTOMER_MANAGED_KMS_KEY', kmsDataKeyReusePeriodSeconds: 30 } }, "Value '30' at 'encryptionConfiguration.kmsDataKeyReusePeriodSeconds' failed to satisfy constraint: Member must have value greater than or equal to 60"],
    ['an unknown log level', 'CreateStateMachine', { name: 'x', definition: PASS_DEFINITION, roleArn: ROLE, loggingConfiguration: { level: 'DEBUG' } }, "Value 'DEBUG' at 'loggingConfiguration.level' failed to satisfy constraint: Member must satisfy enum value set: [ALL, ERROR, FATAL, OFF]"],
    ['a tolerated failure percentage over 100', 'UpdateMapRun', { mapRunArn: RUN, toleratedFailurePercentage: 100.5 }, "Value '100.5' at 'toleratedFailurePercentage' failed to satisfy constraint: Member must have value less than or equal to 100"],
    ['a negative max concurrency', 'UpdateMapRun', { mapRunArn: RUN, maxConcurrency: -1 }, "Value '-1' at 'maxConcurrency' failed to satisfy constraint: Member must have value greater than or equal to 0"],
    ['a mock error too long (nested, sensitive)', 'TestState', { definition: '{}', mock: { errorOutput: { error: long(257) } } }, "Value at 'mock.errorOutput.error' failed to satisfy constraint: Member must have length less than or equal to 256"],
    ['a negative retrier count', 'TestState', { definition: '{}', stateConfiguration: { retrierRetryCount: -1 } }, "Value '-1' at 'stateConfiguration.retrierRetryCount' failed to satisfy constraint: Member must have value greater than or equal to 0"],
    ['a worker name too long', 'GetActivityTask', { activityArn: ACT, workerName: long(81) }, `Value '${long(81)}' at 'workerName' failed to satisfy constraint: Member must have length less than or equal to 80`],
    ['a version description too long', 'PublishStateMachineVersion', { stateMachineArn: SM, description: long(257) }, "Value at 'description' failed to satisfy constraint: Member must have length less than or equal to 256"],
  ])('%s', async (_case, operation, body, violation) => {
    await expectError(operation, body, VALIDATION, detected(violation));
  });

  test('the limits themselves pass', async () => {
    const at = [
      h.call('ListExecutions', { stateMachineArn: SM, maxResults: 1000 }),
      h.call('ListStateMachines', { maxResults: 0 }),
      h.call('SendTaskFailure', { taskToken: 'x'.repeat(2048), error: 'e'.repeat(256), cause: 'c'.repeat(32768) }),
    ];
    const replies = await Promise.all(at);
    expect(replies[0].status).toBe(200);
    expect(replies[1].status).toBe(200);
    // Past validation, the unknown token is the service's answer.
    expect(replies[2].json().__type).toBe(`${SERVICE}#TaskDoesNotExist`);
  });

  test('at most ten violations are listed', async () => {
    const tags = Array.from({ length: 12 }, () => ({ key: '' }));
    const reply = await h.call('TagResource', { resourceArn: SM, tags });
    expect(String(reply.json().message)).toMatch(/^10 validation errors detected: /);
    expect(String(reply.json().message).split('; ')).toHaveLength(10);
  });
});

describe('ARNs: InvalidArn', () => {
  test.each([
    ['DescribeExecution', { executionArn: 'not-an-arn' }, "Invalid Arn: 'Invalid ARN prefix: not-an-arn'"],
    ['ListExecutions', { stateMachineArn: 'abc' }, "Invalid Arn: 'Invalid ARN prefix: abc'"],
    ['DescribeStateMachine', { stateMachineArn: 'abc' }, "Invalid Arn: 'Invalid ARN prefix: abc'"],
    ['StartExecution', { stateMachineArn: EXEC }, "Invalid Arn: 'Resource type not valid in this context: execution'"],
    ['DescribeExecution', { executionArn: SM }, "Invalid Arn: 'Resource type not valid in this context: stateMachine'"],
    ['GetActivityTask', { activityArn: SM }, "Invalid Arn: 'Resource type not valid in this context: stateMachine'"],
    ['DescribeMapRun', { mapRunArn: EXEC }, "Invalid Arn: 'Resource type not valid in this context: execution'"],
    ['ListExecutions', { mapRunArn: SM }, "Invalid Arn: 'Resource type not valid in this context: stateMachine'"],
    ['TagResource', { resourceArn: EXEC, tags: [] }, "Invalid Arn: 'Resource type not valid in this context: execution'"],
    ['CreateStateMachineAlias', { name: 'prod', routingConfiguration: [{ stateMachineVersionArn: ACT, weight: 100 }] }, "Invalid Arn: 'Resource type not valid in this context: activity'"],
  ])('%s %j', async (operation, body, message) => {
    await expectError(operation, body, `${SERVICE}#InvalidArn`, message);
  });

  test('a well-formed ARN naming nothing is the service\'s to answer', async () => {
    const reply = await h.call('DescribeExecution', { executionArn: 'arn:aws:states:us-east-1:123456789012:execution:m:nothing' });
    expect(reply.json().__type).toBe(`${SERVICE}#ExecutionDoesNotExist`);
  });

  test('model constraints come before ARN checks', async () => {
    await expectError('StartExecution', { stateMachineArn: 'not-an-arn', name: 'n'.repeat(81) }, VALIDATION);
  });
});

describe('names: InvalidName', () => {
  test.each(['a b', 'tab\there', 'a<b', 'x{y}', 'q?', 'star*', 'quote"', 'hash#', 'pct%', 'back\\slash', 'car^et', 'pipe|', 'tilde~', 'tick`', 'dollar$', 'amp&', 'comma,', 'semi;', 'colon:', 'slash/', 'nul\u0000', 'del\u007f', 'c1\u0085', 'nonchar\uffff', 'lone\ud800'])('%j', async (name) => {
    await expectError('StartExecution', { stateMachineArn: SM, name }, `${SERVICE}#InvalidName`, `Invalid Name: '${name}'`);
  });

  test('state machine and activity names follow the same rule', async () => {
    await expectError('CreateStateMachine', { name: 'my machine', definition: PASS_DEFINITION, roleArn: ROLE }, `${SERVICE}#InvalidName`, "Invalid Name: 'my machine'");
    await expectError('CreateActivity', { name: 'a/b' }, `${SERVICE}#InvalidName`, "Invalid Name: 'a/b'");
  });

  test.each(['order-42', 'Order_42.v2', 'ünïcödé', '日本語', 'emoji😀'])('%j is a valid name', async (name) => {
    const reply = await h.call('StartExecution', { stateMachineArn: SM, name, input: '{}' });
    expect(reply.status).toBe(200);
  });
});

describe('execution input: InvalidExecutionInput', () => {
  const invalid = (detail: string) => `Invalid State Machine Execution Input: '${detail}'`;
  test.each([
    ['not json', "Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')"],
    ["{'a': 1}", "Unexpected character (''' (code 39)): was expecting double-quote to start field name"],
    ['', 'Invalid execution input.'],
    ['{"a":1', 'Unexpected end-of-input: expected close marker for Object'],
    ['[1 2]', "Unexpected character ('2' (code 50)): was expecting comma to separate Array entries"],
    ['{"a" 1}', "Unexpected character ('1' (code 49)): was expecting a colon to separate field name and value"],
    ['{"a":1 "b":2}', "Unexpected character ('\"' (code 34)): was expecting comma to separate Object entries"],
    ['"abc', 'Unexpected end-of-input: was expecting closing quote for a string value'],
    ['01', 'Invalid numeric value: Leading zeroes not allowed'],
    ['"a\\qb"', "Unrecognized character escape 'q' (code 113)"],
    ['"line\nbreak"', 'Illegal unquoted character ((CTRL-CHAR, code 10)): has to be escaped using backslash to be included in string value'],
  ])('%j', async (input, detail) => {
    await expectError('StartExecution', { stateMachineArn: SM, input }, `${SERVICE}#InvalidExecutionInput`, invalid(detail));
  });

  test.each(['{}', '[]', '"text"', '42', 'null', 'true', ' {"a": [1, 2.5e3, -0, "\\u00e9"]} '])('%j is valid input', async (input) => {
    expect((await h.call('StartExecution', { stateMachineArn: SM, input })).status).toBe(200);
  });

  test('a missing state machine is reported before a bad name or input, as AWS orders them', async () => {
    const missing = 'arn:aws:states:us-east-1:123456789012:stateMachine:missing';
    const reply = await h.call('StartExecution', { stateMachineArn: missing, name: 'a b', input: '{' });
    expect(reply.json()).toEqual({ __type: `${SERVICE}#StateMachineDoesNotExist`, message: `State Machine Does Not Exist: '${missing}'` });
  });

  test('the same holds for StartSyncExecution', async () => {
    const missing = 'arn:aws:states:us-east-1:123456789012:stateMachine:missing';
    expect((await h.call('StartSyncExecution', { stateMachineArn: missing, input: 'x' })).json().__type).toBe(`${SERVICE}#StateMachineDoesNotExist`);
    await expectError('StartSyncExecution', { stateMachineArn: SM, input: 'x' }, `${SERVICE}#InvalidExecutionInput`);
  });
});

describe('task output: InvalidOutput', () => {
  test('SendTaskSuccess output must be JSON', async () => {
    await expectError('SendTaskSuccess', { taskToken: 't', output: 'done' }, `${SERVICE}#InvalidOutput`, "Invalid Output: 'Unrecognized token 'done': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')'");
  });
});
