import { openFixture, ROLE, type Fixture } from './service-fixture';
import { START_EXECUTION_TASK } from './test-state-context-object';

/**
 * TestState checks a mocked result against the integration's response shape (mock.fieldValidationMode
 * STRICT by default, PRESENT, NONE), as recorded on AWS in localstack's
 * tests/aws/services/stepfunctions/v2/test_state/test_field_validation_mode.snapshot.json,
 * test_field_validation_mode_present.snapshot.json, test_field_validation_mode_none.snapshot.json,
 * test_test_state_field_validation_mode.snapshot.json and test_test_state_mock_scenarios.snapshot.json.
 */

let f: Fixture;
beforeAll(async () => {
  f = await openFixture();
});
afterAll(async () => {
  await f.close();
});

type Mode = 'STRICT' | 'PRESENT' | 'NONE';

const T = (o: unknown) => JSON.stringify(o);

/** The recorded templates, each with the input its test gives it. */
const STATES = {
  putEvents: { definition: { Type: 'Task', Resource: 'arn:aws:states:::events:putEvents', Parameters: { 'Entries.$': '$.Entries' }, End: true }, input: { Entries: [{ Detail: 'detail', DetailType: 'detail_type', Source: 'source' }] } },
  startExecution: {
    definition: START_EXECUTION_TASK,
    input: { stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:TargetStateMachine', targetInput: null, name: 'TestStartTarget' },
  },
  lambdaInvoke: { definition: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true }, input: { FunctionName: 'function_name', Payload: null } },
  putItem: { definition: { Type: 'Task', Resource: 'arn:aws:states:::dynamodb:putItem', Parameters: { 'TableName.$': '$.TableName', 'Item.$': '$.Item' }, End: true }, input: { TableName: 'table_name', Item: { data: { S: 'HelloWorld' }, id: { S: 'id1' } } } },
  s3GetObject: { definition: { Type: 'Task', Resource: 'arn:aws:states:::aws-sdk:s3:getObject', Parameters: { 'Bucket.$': '$.Bucket', 'Key.$': '$.Key' }, End: true }, input: { Bucket: 'bucket_name', Key: 'file_key' } },
  kmsEncrypt: { definition: { Type: 'Task', Resource: 'arn:aws:states:::aws-sdk:kms:encrypt', Parameters: { 'KeyId.$': '$.KeyId', 'Plaintext.$': '$.Plaintext' }, End: true }, input: { KeyId: 'key_id', Plaintext: 'plain_text' } },
  lambdaGetFunction: { definition: { Type: 'Task', Resource: 'arn:aws:states:::aws-sdk:lambda:getFunction', Parameters: { 'FunctionName.$': '$.FunctionName' }, End: true }, input: { FunctionName: 'function_name' } },
  sqsSendMessage: { definition: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage', Parameters: { 'QueueUrl.$': '$.QueueUrl', 'MessageBody.$': '$.MessageBody' }, End: true }, input: { QueueUrl: 'queue_url', MessageBody: 'message_body' } },
} as const;

const run = (state: keyof typeof STATES, result: unknown, mode?: Mode) =>
  f.ops.TestState({
    definition: T(STATES[state].definition),
    roleArn: ROLE,
    input: T(STATES[state].input),
    inspectionLevel: 'INFO',
    mock: { result: typeof result === 'string' ? result : T(result), ...(mode ? { fieldValidationMode: mode } : {}) },
  });

const refused = (message: string) => ({ code: 'ValidationException', message: `Mock result schema validation error: ${message}` });

describe.each<Mode | undefined>([undefined, 'PRESENT'])('fieldValidationMode %s', (mode) => {
  test('fields the API does not have pass, as does an empty result', async () => {
    expect(await run('putEvents', { random: 'json' }, mode)).toEqual({ status: 'SUCCEEDED', output: '{"random":"json"}' });
    expect(await run('putEvents', {}, mode)).toEqual({ status: 'SUCCEEDED', output: '{}' });
  });

  test.each<[keyof typeof STATES, unknown, string]>([
    ['putEvents', { Entries: 'Entries value should have been a list of entry objects' }, "Field 'Entries' must be an array"],
    ['putEvents', { Entries: [{ EventId: ['EventId value should have been a string not a list of strings'] }] }, "Field 'EventId' must be a string"],
    ['putEvents', { Entries: [{ EventId: 'First eventId has correct type: string' }, { EventId: ['Second eventId has incorrect type: array'] }] }, "Field 'EventId' must be a string"],
    ['lambdaInvoke', { StatusCode: '200' }, "Field 'StatusCode' must be a number"],
    ['putItem', { ConsumedCapacity: { CapacityUnits: '123.45' } }, "Field 'CapacityUnits' must be a number"],
    ['s3GetObject', { ContentLength: '9000' }, "Field 'ContentLength' must be a number"],
    ['s3GetObject', { StorageClass: 'Papyrus' }, "Field 'StorageClass' is not an expected value"],
    ['kmsEncrypt', { CiphertextBlob: 123 }, "Field 'CiphertextBlob' must be a string"],
    ['kmsEncrypt', { CiphertextBlob: '' }, "Field 'CiphertextBlob' is smaller than the minimum length"],
    ['lambdaGetFunction', { Configuration: { MemorySize: 127 } }, "Field 'MemorySize' is less than the minimum value"],
    ['lambdaGetFunction', { Configuration: { MemorySize: 10241 } }, "Field 'MemorySize' exceeds the maximum value"],
  ])('%s: %j is refused: %s', async (state, result, message) => {
    await expect(run(state, result, mode)).rejects.toMatchObject(refused(message));
  });
});

test('STRICT (the default) requires the required fields; a field in another case is not the field', async () => {
  await expect(run('startExecution', {})).rejects.toMatchObject(refused("Required field 'ExecutionArn' is missing"));
  await expect(run('startExecution', { executionArn: 'stringValueExecutionArn', startDate: 'stringValueStartDate' })).rejects.toMatchObject(refused("Required field 'ExecutionArn' is missing"));
  await expect(run('startExecution', { ExecutionArn: 'stringValueExecutionArn', StartDate: true })).rejects.toMatchObject(refused("Field 'StartDate' must be a string"));
  await expect(run('startExecution', { ExecutionArn: 'stringValueExecutionArn', StartDate: 1764103483 })).rejects.toMatchObject(refused("Field 'StartDate' must be a string"));
  await expect(run('startExecution', { ExecutionArn: 'stringValueExecutionArn', StartDate: true }, 'STRICT')).rejects.toMatchObject(refused("Field 'StartDate' must be a string"));
});

test('PRESENT checks only the fields that are there', async () => {
  expect(await run('startExecution', {}, 'PRESENT')).toEqual({ status: 'SUCCEEDED', output: '{"targetExecutionResult":{}}' });
  expect(await run('startExecution', { executionArn: 'stringValueExecutionArn', startDate: 'stringValueStartDate' }, 'PRESENT')).toEqual({
    status: 'SUCCEEDED',
    output: '{"targetExecutionResult":{"executionArn":"stringValueExecutionArn","startDate":"stringValueStartDate"}}',
  });
  await expect(run('startExecution', { StartDate: true }, 'PRESENT')).rejects.toMatchObject(refused("Field 'StartDate' must be a string"));
  await expect(run('startExecution', { ExecutionArn: 1764103483 }, 'PRESENT')).rejects.toMatchObject(refused("Field 'ExecutionArn' must be a string"));
});

test('NONE checks nothing, but the result must still be JSON', async () => {
  expect(await run('startExecution', {}, 'NONE')).toEqual({ status: 'SUCCEEDED', output: '{"targetExecutionResult":{}}' });
  expect(await run('startExecution', { ExecutionArn: 'stringValueExecutionArn', StartDate: true }, 'NONE')).toEqual({
    status: 'SUCCEEDED',
    output: '{"targetExecutionResult":{"ExecutionArn":"stringValueExecutionArn","StartDate":true}}',
  });
  await expect(run('lambdaInvoke', 'not JSON string', 'NONE')).rejects.toMatchObject({ code: 'ValidationException', message: 'Mocked result must be valid JSON' });
});

test('well-formed mocks of each integration pass STRICT, extra SDK metadata and all (test_test_state_mock_scenarios)', async () => {
  expect(await run('lambdaInvoke', { Payload: 'function output', SdkHttpMetadata: { HttpStatusCode: 200 } })).toEqual({
    status: 'SUCCEEDED',
    output: '{"Payload":"function output","SdkHttpMetadata":{"HttpStatusCode":200}}',
  });
  expect(await run('putItem', { SdkHttpMetadata: { HttpStatusCode: 200 } })).toEqual({ status: 'SUCCEEDED', output: '{"SdkHttpMetadata":{"HttpStatusCode":200}}' });
  expect(await run('putEvents', { Entries: [{ EventId: '11710aed-b79e-4468-a20b-bb3c0c3b4860' }] })).toEqual({ status: 'SUCCEEDED', output: '{"Entries":[{"EventId":"11710aed-b79e-4468-a20b-bb3c0c3b4860"}]}' });
  expect(await run('sqsSendMessage', { MD5OfMessageBody: '4e2bc9d6b3b5d2a3c0c6dc7cbb0f2e1a', MessageId: 'm-1' })).toEqual({
    status: 'SUCCEEDED',
    output: '{"MD5OfMessageBody":"4e2bc9d6b3b5d2a3c0c6dc7cbb0f2e1a","MessageId":"m-1"}',
  });
  const arn = 'arn:aws:states:us-east-1:123456789012:execution:TargetStateMachine:TestStartTarget';
  expect(await run('startExecution', { ExecutionArn: arn, StartDate: '2025-11-25T00:48:49.123456' })).toEqual({
    status: 'SUCCEEDED',
    output: T({ targetExecutionResult: { ExecutionArn: arn, StartDate: '2025-11-25T00:48:49.123456' } }),
  });
});

test("the mocked dynamodb:putItem result runs through ResultPath and OutputPath (test_io_dynamodb_service_task_mock_success)", async () => {
  const metadata = { SdkHttpMetadata: { HttpStatusCode: 200 } };
  const io = (extra: object) =>
    f.ops.TestState({ definition: T({ ...STATES.putItem.definition, ResultPath: '$.putItemOutput', ...extra }), roleArn: ROLE, input: T(STATES.putItem.input), mock: { result: T(metadata) } });
  expect(JSON.parse((await io({})).output!)).toEqual({ ...STATES.putItem.input, putItemOutput: metadata });
  expect(JSON.parse((await io({ OutputPath: '$.putItemOutput' })).output!)).toEqual(metadata);
});
