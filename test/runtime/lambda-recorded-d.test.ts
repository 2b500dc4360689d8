import { join } from 'node:path';
import { fixtureLambdas, fn, openFixture, types, type Fixture } from './service-fixture';

// localstack tests/aws/services/stepfunctions/v2/services/test_lambda_task_service.snapshot.json,
// recorded on AWS on 06-11-2025 (test_invoke_unsupported_param, test_invoke_bytes_payload).
let f: Fixture;
afterEach(() => f?.close());

const invoke = (parameters: object) => ({
  StartAt: 'Start',
  States: {
    Start: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: parameters, Next: 'EndWithFinal' },
    EndWithFinal: { Type: 'Pass', ResultPath: '$.final', End: true },
  },
});

test('LogType Tail: LogResult follows ExecutedVersion, X-Amz-Log-Result opens AllHttpHeaders and follows X-Amz-Executed-Version in HttpHeaders; the tail is the invocation\'s log in base64', async () => {
  f = await openFixture();
  const sm = await f.machine('Tail', invoke({ 'FunctionName.$': '$.FunctionName', 'Payload.$': '$.Payload', 'LogType.$': '$.LogType' }));
  const arn = await f.start(sm, { FunctionName: 'echo', Payload: null, LogType: 'Tail' });
  const d = await f.closed(arn);
  expect(d.status).toBe('SUCCEEDED');
  const events = await f.history(arn);
  expect(types(events)).toEqual(['ExecutionStarted', 'TaskStateEntered', 'TaskScheduled', 'TaskStarted', 'TaskSucceeded', 'TaskStateExited', 'PassStateEntered', 'PassStateExited', 'ExecutionSucceeded']);
  expect(events[2]!.taskScheduledEventDetails!.parameters).toBe('{"FunctionName":"echo","LogType":"Tail","Payload":null}');
  const out = JSON.parse(events[4]!.taskSucceededEventDetails!.output!);
  expect(Object.keys(out)).toEqual(['ExecutedVersion', 'LogResult', 'Payload', 'SdkHttpMetadata', 'SdkResponseMetadata', 'StatusCode']);
  expect(Object.keys(out.SdkHttpMetadata.AllHttpHeaders)).toEqual(['X-Amz-Log-Result', 'X-Amz-Executed-Version', 'x-amzn-Remapped-Content-Length', 'Connection', 'x-amzn-RequestId', 'Content-Length', 'Date', 'X-Amzn-Trace-Id', 'Content-Type']);
  expect(Object.keys(out.SdkHttpMetadata.HttpHeaders)).toEqual(['Connection', 'Content-Length', 'Content-Type', 'Date', 'X-Amz-Executed-Version', 'X-Amz-Log-Result', 'x-amzn-Remapped-Content-Length', 'x-amzn-RequestId', 'X-Amzn-Trace-Id']);
  expect(out.SdkHttpMetadata.AllHttpHeaders['X-Amz-Log-Result']).toEqual([out.LogResult]);
  expect(out.SdkHttpMetadata.HttpHeaders['X-Amz-Log-Result']).toBe(out.LogResult);
  const requestId = out.SdkResponseMetadata.RequestId;
  const log = Buffer.from(out.LogResult, 'base64').toString();
  expect(log).toMatch(new RegExp(`^START RequestId: ${requestId} Version: \\$LATEST\nEND RequestId: ${requestId}\nREPORT RequestId: ${requestId}\tDuration: \\d+\\.\\d\\d ms\tBilled Duration: \\d+ ms\tMemory Size: 128 MB\tMax Memory Used: \\d+ MB\t\n$`));
  // The Pass keeps the envelope whole under $.final, LogResult included.
  expect(Object.keys(JSON.parse(d.output!).final)).toEqual(Object.keys(out));
});

test('without LogType, or with LogType None, the envelope has no LogResult and no X-Amz-Log-Result header', async () => {
  f = await openFixture();
  const sm = await f.machine('NoTail', invoke({ 'FunctionName.$': '$.FunctionName', 'Payload.$': '$.Payload', 'LogType.$': '$.LogType' }));
  const plain = await f.machine('Plain', invoke({ FunctionName: fn('echo'), Payload: {} }));
  for (const out of [
    JSON.parse((await f.closed(await f.start(sm, { FunctionName: 'echo', Payload: null, LogType: 'None' }))).output!),
    JSON.parse((await f.closed(await f.start(plain))).output!),
  ]) {
    expect(Object.keys(out)).toEqual(['ExecutedVersion', 'Payload', 'SdkHttpMetadata', 'SdkResponseMetadata', 'StatusCode', 'final']);
    expect(out.SdkHttpMetadata.AllHttpHeaders['X-Amz-Log-Result']).toBeUndefined();
    expect(out.SdkHttpMetadata.HttpHeaders['X-Amz-Log-Result']).toBeUndefined();
  }
});

test('a string Payload holding a JSON string reaches the function as that string, escaped once in TaskScheduled', async () => {
  f = await openFixture();
  const sm = await f.machine('Bytes', invoke({ 'FunctionName.$': '$.FunctionName', 'Payload.$': '$.Payload' }));
  const arn = await f.start(sm, { FunctionName: 'echo', Payload: JSON.stringify("'{'Hello':'World'}'") });
  const d = await f.closed(arn);
  expect(JSON.parse(d.output!).Payload.event).toBe("'{'Hello':'World'}'");
  const events = await f.history(arn);
  expect(events[2]!.taskScheduledEventDetails!.parameters).toBe(JSON.stringify({ FunctionName: 'echo', Payload: "\"'{'Hello':'World'}'\"" }));
});

test('lambda:invoke of a function still running when the task\'s TimeoutSeconds runs out: TaskTimedOut (States.Timeout, no cause), caught with Cause "", and the function\'s late end changes nothing (localstack test_task_service_lambda.snapshot.json test_invoke_timeout, recorded 10-03-2024)', async () => {
  // A function that outlives the task: it sleeps past its own 3 s Lambda timeout; the task gives up after 1 s.
  const lambdas = [...fixtureLambdas('worker'), { functionName: 'sleeper', modulePath: join(__dirname, 'fixtures', 'slow.ts'), isolation: 'worker' as const, timeoutSeconds: 3 }];
  f = await openFixture({ lambdas, clock: { mode: 'real' } });
  const sm = await f.machine('Timeout', {
    StartAt: 'Start',
    States: {
      Start: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        Parameters: { 'FunctionName.$': '$.FunctionName', 'Payload.$': '$.Payload' },
        TimeoutSeconds: 1,
        Catch: [{ ErrorEquals: ['States.Timeout'], ResultPath: '$.error', Next: 'EndWithHandler' }],
        Next: 'EndWithFinal',
      },
      EndWithHandler: { Type: 'Pass', End: true },
      EndWithFinal: { Type: 'Pass', ResultPath: '$.final', End: true },
    },
  });
  const arn = await f.start(sm, { FunctionName: 'sleeper', Payload: null });
  const d = await f.closed(arn);
  expect(d.status).toBe('SUCCEEDED');
  expect(JSON.parse(d.output!)).toEqual({ FunctionName: 'sleeper', Payload: null, error: { Error: 'States.Timeout', Cause: '' } });
  // The function's own end (its Lambda timeout) comes after the execution closed.
  await new Promise((r) => setTimeout(r, 2500));
  const events = await f.history(arn);
  expect(types(events)).toEqual(['ExecutionStarted', 'TaskStateEntered', 'TaskScheduled', 'TaskStarted', 'TaskTimedOut', 'TaskStateExited', 'PassStateEntered', 'PassStateExited', 'ExecutionSucceeded']);
  expect(events[2]!.taskScheduledEventDetails).toMatchObject({ resourceType: 'lambda', resource: 'invoke', timeoutInSeconds: 1 });
  expect(events[4]!.taskTimedOutEventDetails).toEqual({ resourceType: 'lambda', resource: 'invoke', error: 'States.Timeout' });
  expect(events[4]!.timestamp!.getTime() - events[2]!.timestamp!.getTime()).toBeGreaterThanOrEqual(1000);
}, 15_000);

test.each([
  ['"null"', 'null', null],
  ['"true"', 'true', true],
  ['"{}"', '{}', {}],
  ['"[]"', '[]', []],
])('a Payload that is the JSON text %s reaches the function as the value it holds (localstack test_lambda_task_service.snapshot.json test_invoke_json_values, recorded 04-08-2023)', async (_label, text, value) => {
  f = await openFixture();
  const sm = await f.machine('Values', invoke({ 'FunctionName.$': '$.FunctionName', 'Payload.$': '$.Payload' }));
  const arn = await f.start(sm, { FunctionName: 'echo', Payload: text });
  const d = await f.closed(arn);
  expect(JSON.parse(d.output!).Payload.event).toEqual(value);
  expect((await f.history(arn))[2]!.taskScheduledEventDetails!.parameters).toBe(JSON.stringify({ FunctionName: 'echo', Payload: text }));
});
