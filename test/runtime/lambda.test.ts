import { join } from 'node:path';
import { fixtureLambdas, fn, openFixture, types, type Fixture } from './service-fixture';

let f: Fixture;
afterEach(() => f?.close());

const task = (resource: string, extra: object = {}) => ({ StartAt: 'T', States: { T: { Type: 'Task', Resource: resource, End: true, ...extra } } });

test('a function ARN task: the input is the event, the result is the output, LambdaFunction* events', async () => {
  f = await openFixture();
  const sm = await f.machine('Fn', task(fn('echo')));
  const arn = await f.start(sm, { a: 1 });
  const d = await f.closed(arn);
  expect(d.status).toBe('SUCCEEDED');
  expect(JSON.parse(d.output!)).toEqual({ event: { a: 1 }, functionName: 'echo', requestIdLength: 36, remainingPositive: true, table: null });
  const events = await f.history(arn);
  expect(types(events)).toEqual(['ExecutionStarted', 'TaskStateEntered', 'LambdaFunctionScheduled', 'LambdaFunctionStarted', 'LambdaFunctionSucceeded', 'TaskStateExited', 'ExecutionSucceeded']);
  expect(events[2]!.lambdaFunctionScheduledEventDetails).toEqual({ resource: fn('echo'), input: '{"a":1}', inputDetails: { truncated: false } });
});

test('lambda:invoke returns Lambda\'s Invoke response as AWS records it', async () => {
  f = await openFixture();
  const sm = await f.machine('Invoke', task('arn:aws:states:::lambda:invoke', { Parameters: { FunctionName: fn('echo'), 'Payload.$': '$' } }));
  const d = await f.closed(await f.start(sm, { b: 2 }));
  const out = JSON.parse(d.output!);
  expect(Object.keys(out)).toEqual(['ExecutedVersion', 'Payload', 'SdkHttpMetadata', 'SdkResponseMetadata', 'StatusCode']);
  expect(out).toMatchObject({ ExecutedVersion: '$LATEST', StatusCode: 200, Payload: { event: { b: 2 }, functionName: 'echo' } });
  const requestId = out.SdkResponseMetadata.RequestId;
  expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
  expect(out.SdkHttpMetadata.HttpStatusCode).toBe(200);
  expect(out.SdkHttpMetadata.HttpHeaders['x-amzn-RequestId']).toBe(requestId);
  expect(out.SdkHttpMetadata.HttpHeaders['Content-Length']).toBe(String(Buffer.byteLength(JSON.stringify(out.Payload))));
  expect(out.SdkHttpMetadata.AllHttpHeaders['X-Amzn-Trace-Id'][0]).toMatch(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0;Lineage=1:[0-9a-f]{8}:0$/);
  // The same function by name and by partial ARN.
  for (const name of ['echo', '123456789012:function:echo', `${fn('echo')}:$LATEST`]) {
    const byName = await f.machine(`ByName${name.length}`, task('arn:aws:states:::lambda:invoke', { Parameters: { FunctionName: name, Payload: {} }, OutputPath: '$.Payload.functionName' }));
    expect((await f.closed(await f.start(byName))).output).toBe('"echo"');
  }
});

test('a thrown error is the task error; the cause is the Node.js runtime\'s error payload', async () => {
  f = await openFixture();
  const sm = await f.machine('Fails', task(fn('fail')));
  const d = await f.closed(await f.start(sm));
  expect(d.status).toBe('FAILED');
  expect(d.error).toBe('PaymentDeclined');
  const cause = JSON.parse(d.cause!);
  expect(Object.keys(cause)).toEqual(['errorType', 'errorMessage', 'trace']);
  expect(cause).toMatchObject({ errorType: 'PaymentDeclined', errorMessage: 'card declined' });
  expect(cause.trace[0]).toBe('PaymentDeclined: card declined');
  const invoke = await f.machine('InvokeFails', {
    StartAt: 'T',
    States: {
      T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'fail' }, Catch: [{ ErrorEquals: ['PaymentDeclined'], ResultPath: '$.error', Next: 'Caught' }], End: true },
      Caught: { Type: 'Pass', End: true },
    },
  });
  const caught = await f.closed(await f.start(invoke));
  expect(JSON.parse(caught.output!).error).toEqual({ Error: 'PaymentDeclined', Cause: expect.stringContaining('"errorMessage":"card declined"') });
});

test('an unknown function fails the task with Lambda.ResourceNotFoundException, which Catch can take', async () => {
  f = await openFixture();
  const sm = await f.machine('Unknown', {
    StartAt: 'T',
    States: {
      T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'nope' }, Catch: [{ ErrorEquals: ['Lambda.ResourceNotFoundException'], Next: 'Handled' }], End: true },
      Handled: { Type: 'Pass', End: true },
    },
  });
  const d = await f.closed(await f.start(sm));
  expect(d.status).toBe('SUCCEEDED');
  const out = JSON.parse(d.output!);
  expect(out.Error).toBe('Lambda.ResourceNotFoundException');
  expect(out.Cause).toMatch(/^Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope \(Service: AWSLambda; Status Code: 404; Error Code: ResourceNotFoundException; Request ID: [0-9a-f-]{36}; Proxy: null\)$/);
});

test('lambda:invoke of an unknown function starts the task, then fails it: TaskStarted, TaskFailed (localstack test_task_service_lambda.snapshot.json test_no_such_function, recorded on AWS)', async () => {
  f = await openFixture();
  const sm = await f.machine('UnknownHistory', task('arn:aws:states:::lambda:invoke', { Parameters: { FunctionName: 'no_such_fn', Payload: null } }));
  const arn = await f.start(sm, {});
  const d = await f.closed(arn);
  expect(d).toMatchObject({ status: 'FAILED', error: 'Lambda.ResourceNotFoundException' });
  const events = await f.history(arn);
  expect(types(events)).toEqual(['ExecutionStarted', 'TaskStateEntered', 'TaskScheduled', 'TaskStarted', 'TaskFailed', 'ExecutionFailed']);
  expect(events[3]!.taskStartedEventDetails).toEqual({ resourceType: 'lambda', resource: 'invoke' });
  expect(events[4]!.taskFailedEventDetails).toEqual({ resourceType: 'lambda', resource: 'invoke', error: 'Lambda.ResourceNotFoundException', cause: d.cause });
  expect(d.cause).toMatch(/^Function not found: arn:aws:lambda:us-east-1:123456789012:function:no_such_fn \(Service: AWSLambda; Status Code: 404; Error Code: ResourceNotFoundException; Request ID: [0-9a-f-]{36}; Proxy: null\)$/);
});

test('worker sandboxes: the function sees its own environment; a timeout ends the invocation with Sandbox.Timedout', async () => {
  f = await openFixture({ lambdas: fixtureLambdas('worker'), clock: { mode: 'real' } });
  const sm = await f.machine('Env', task(fn('echo')));
  const d = await f.closed(await f.start(sm, { w: true }));
  expect(JSON.parse(d.output!)).toMatchObject({ event: { w: true }, table: 'orders', functionName: 'echo' });
  expect(process.env.TABLE_NAME).toBeUndefined();
  const slow = await f.machine('Slow', task(fn('slow')));
  const t = await f.closed(await f.start(slow));
  expect(t.status).toBe('FAILED');
  expect(t.error).toBe('Sandbox.Timedout');
  expect(JSON.parse(t.cause!)).toEqual({ errorType: 'Sandbox.Timedout', errorMessage: expect.stringMatching(/^RequestId: [0-9a-f-]{36} Error: Task timed out after 1\.00 seconds$/) });
  // The pool recovers: the next invocation gets a fresh sandbox.
  expect((await f.closed(await f.start(sm, { again: 1 }))).status).toBe('SUCCEEDED');
}, 20_000);

test('Retry re-invokes a failing function after its back-off in service time', async () => {
  f = await openFixture();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('./fixtures/flaky').reset();
  const sm = await f.machine('Retry', task(fn('flaky'), { Retry: [{ ErrorEquals: ['Transient'], IntervalSeconds: 10, BackoffRate: 2, MaxAttempts: 3 }] }));
  const arn = await f.start(sm, { key: 'r' });
  await new Promise((r) => setTimeout(r, 50));
  expect((await f.ops.DescribeExecution({ executionArn: arn })).status).toBe('RUNNING');
  const advanced = await f.service.admin.advanceTime(30_000);
  expect(advanced.fired).toBe(2);
  const d = await f.closed(arn);
  expect(JSON.parse(d.output!)).toEqual({ calls: 3, key: 'r' });
  const events = await f.history(arn);
  const scheduled = events.filter((e) => e.type === 'LambdaFunctionScheduled').map((e) => e.timestamp!.getTime() - events[0]!.timestamp!.getTime());
  expect(scheduled).toEqual([0, 10_000, 30_000]);
});

test.each(['inline', 'worker'] as const)(
  '%s: a missing handler is Runtime.HandlerNotFound and a module that cannot load is Runtime.ImportModuleError, each with a trace that opens with its own name (payloads quoted from AWS: serverless/serverless#9432, aws/aws-lambda-builders#513)',
  async (isolation) => {
    const lambdas = [
      ...fixtureLambdas(isolation),
      { functionName: 'nohandler', modulePath: join(__dirname, 'fixtures', 'echo.ts'), handlerName: 'missing', isolation },
      { functionName: 'nomodule', modulePath: join(__dirname, 'fixtures', 'absent.js'), isolation },
    ];
    f = await openFixture({ lambdas, ...(isolation === 'worker' ? { clock: { mode: 'real' as const } } : {}) });
    const noHandler = await f.closed(await f.start(await f.machine('NoHandler', task(fn('nohandler')))));
    expect(noHandler.error).toBe('Runtime.HandlerNotFound');
    expect(JSON.parse(noHandler.cause!)).toEqual({ errorType: 'Runtime.HandlerNotFound', errorMessage: 'echo.missing is undefined or not exported', trace: ['Runtime.HandlerNotFound: echo.missing is undefined or not exported'] });
    const noModule = await f.closed(await f.start(await f.machine('NoModule', task(fn('nomodule')))));
    expect(noModule.error).toBe('Runtime.ImportModuleError');
    const cause = JSON.parse(noModule.cause!);
    expect(Object.keys(cause)).toEqual(['errorType', 'errorMessage', 'trace']);
    expect(cause.errorMessage).toMatch(/^Error: Cannot find module '.*absent\.js'/);
    expect(cause.trace.slice(0, cause.errorMessage.split('\n').length)).toEqual(`Runtime.ImportModuleError: ${cause.errorMessage}`.split('\n'));
  },
);

test('lambda:invoke sends a string Payload as the request body itself and no Payload or null as {} (localstack test_lambda_task_service.snapshot.json test_invoke_json_values, test_invoke, recorded on AWS)', async () => {
  f = await openFixture();
  const sm = await f.machine('Payloads', task('arn:aws:states:::lambda:invoke', { Parameters: { FunctionName: 'echo', 'Payload.$': '$.p' }, OutputPath: '$.Payload.event' }));
  const eventFor = async (p: unknown) => JSON.parse((await f.closed(await f.start(sm, { p }))).output!);
  expect(await eventFor('0')).toBe(0);
  expect(await eventFor('"HelloWorld"')).toBe('HelloWorld');
  expect(await eventFor('{"a":[1]}')).toEqual({ a: [1] });
  expect(await eventFor(null)).toEqual({});
  expect(await eventFor({ b: 2 })).toEqual({ b: 2 });
  const absent = await f.machine('NoPayload', task('arn:aws:states:::lambda:invoke', { Parameters: { FunctionName: 'echo' }, OutputPath: '$.Payload.event' }));
  expect(JSON.parse((await f.closed(await f.start(absent))).output!)).toEqual({});
  const notJson = await f.closed(await f.start(sm, { p: 'not json' }));
  expect(notJson).toMatchObject({ status: 'FAILED', error: 'Lambda.InvalidRequestContentException' });
  expect(notJson.cause).toMatch(/^Could not parse request body into json: .* \(Service: AWSLambda; Status Code: 400; Error Code: InvalidRequestContentException; Request ID: [0-9a-f-]{36}; Proxy: null\)$/);
});
