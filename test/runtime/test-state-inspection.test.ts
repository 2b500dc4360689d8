import { fn, openFixture, ROLE, type Fixture } from './service-fixture';

/** TestState at DEBUG: inspectionData reports each stage of the state's data flow, and the variables after it. */

let f: Fixture | undefined;
afterEach(async () => {
  await f?.close();
  f = undefined;
});

/** What the echo function returns for an event (inline functions have no environment of their own). */
const echoResult = (event: object) => ({ event, functionName: 'echo', requestIdLength: 36, remainingPositive: true, table: null });

test('a JSONPath Task: input, afterInputPath, afterParameters, result, afterResultSelector, afterResultPath, and the variables given and assigned', async () => {
  f = await openFixture();
  const state = {
    Type: 'Task',
    Resource: fn('echo'),
    InputPath: '$.order',
    Parameters: { 'order.$': '$.id', 'limit.$': '$limit' },
    ResultSelector: { 'fn.$': '$.functionName', 'sent.$': '$.event' },
    ResultPath: '$.echoed',
    Assign: { 'lastFn.$': '$.fn' },
    End: true,
  };
  const out = await f.ops.TestState({ definition: JSON.stringify(state), roleArn: ROLE, input: '{"order":{"id":"o-1"},"keep":true}', variables: '{"limit":5}', inspectionLevel: 'DEBUG' });
  expect(out.status).toBe('SUCCEEDED');
  expect(out.output).toBe('{"order":{"id":"o-1"},"keep":true,"echoed":{"fn":"echo","sent":{"limit":5,"order":"o-1"}}}');
  expect(out.inspectionData).toEqual({
    input: '{"order":{"id":"o-1"},"keep":true}',
    afterInputPath: '{"id":"o-1"}',
    afterParameters: '{"limit":5,"order":"o-1"}',
    // Parameters' .$ fields in a Java HashMap's order, as AWS writes them: limit before order.
    result: JSON.stringify(echoResult({ limit: 5, order: 'o-1' })),
    afterResultSelector: '{"fn":"echo","sent":{"limit":5,"order":"o-1"}}',
    afterResultPath: out.output,
    variables: '{"limit":5,"lastFn":"echo"}',
  });
});

test('a JSONata Task: afterArguments and result, no JSONPath stages; INFO has no inspectionData', async () => {
  f = await openFixture();
  const state = { Type: 'Task', QueryLanguage: 'JSONata', Resource: fn('echo'), Arguments: { order: '{% $states.input.id %}', limit: '{% $limit %}' }, Output: '{% $states.result.event %}', End: true };
  const definition = JSON.stringify(state);
  const out = await f.ops.TestState({ definition, roleArn: ROLE, input: '{"id":"o-1"}', variables: '{"limit":5}', inspectionLevel: 'DEBUG' });
  expect(out).toMatchObject({ status: 'SUCCEEDED', output: '{"order":"o-1","limit":5}' });
  expect(out.inspectionData).toEqual({ input: '{"id":"o-1"}', afterArguments: '{"order":"o-1","limit":5}', result: JSON.stringify(echoResult({ order: 'o-1', limit: 5 })), variables: '{"limit":5}' });
  const info = await f.ops.TestState({ definition, roleArn: ROLE, input: '{"id":"o-1"}', variables: '{"limit":5}' });
  expect(info.inspectionData).toBeUndefined();
});

test('a Pass state reads the variables given to TestState; variables that are not a JSON object are refused', async () => {
  f = await openFixture();
  const pass = JSON.stringify({ Type: 'Pass', Parameters: { 'greeting.$': "States.Format('hi {}', $name)" }, Next: 'After' });
  const out = await f.ops.TestState({ definition: pass, roleArn: ROLE, input: '{}', variables: '{"name":"ada"}', inspectionLevel: 'DEBUG' });
  expect(out).toMatchObject({ status: 'SUCCEEDED', nextState: 'After', output: '{"greeting":"hi ada"}' });
  // A Pass reports afterResultSelector rather than result (recorded on AWS).
  expect(out.inspectionData).toEqual({ input: '{}', afterInputPath: '{}', afterParameters: '{"greeting":"hi ada"}', afterResultSelector: '{"greeting":"hi ada"}', afterResultPath: '{"greeting":"hi ada"}', variables: '{"name":"ada"}' });
  await expect(f.ops.TestState({ definition: pass, roleArn: ROLE, input: '{}', variables: '[1]' })).rejects.toMatchObject({ code: 'ValidationException' });
  await expect(f.ops.TestState({ definition: pass, roleArn: ROLE, input: '{}', variables: '{nope' })).rejects.toMatchObject({ code: 'ValidationException' });
  // A context comes with a mock only; what the local service does not run yet is refused, not ignored.
  await expect(f.ops.TestState({ definition: pass, roleArn: ROLE, input: '{}', context: '{"Execution":{"Id":"x"}}' })).rejects.toMatchObject({ code: 'ValidationException' });
  await expect(f.ops.TestState({ definition: pass, roleArn: ROLE, input: '{}', stateConfiguration: { errorCausedByState: 'Inner' } })).rejects.toMatchObject({ code: 'ValidationException' });
});

test('a mocked Task: the mock result runs through the data flow without invoking anything; a mocked error meets Retry and Catch', async () => {
  f = await openFixture();
  const task = (extra: object = {}) => JSON.stringify({ Type: 'Task', Resource: fn('no-such-function'), ResultSelector: { 'total.$': '$.amount' }, ResultPath: '$.paid', End: true, ...extra });
  const ok = await f.ops.TestState({ definition: task(), roleArn: ROLE, input: '{"id":1}', mock: { result: '{"amount":42}' }, inspectionLevel: 'DEBUG' });
  expect(ok).toMatchObject({ status: 'SUCCEEDED', output: '{"id":1,"paid":{"total":42}}' });
  expect(ok.inspectionData).toMatchObject({ result: '{"amount":42}', afterResultSelector: '{"total":42}' });

  const caught = await f.ops.TestState({ definition: task({ Catch: [{ ErrorEquals: ['Declined'], Next: 'Refund' }], End: undefined }), roleArn: ROLE, input: '{}', mock: { errorOutput: { error: 'Declined', cause: 'card' } } });
  expect(caught).toMatchObject({ status: 'CAUGHT_ERROR', error: 'Declined', cause: 'card', nextState: 'Refund', output: '{"Error":"Declined","Cause":"card"}' });
  const retried = await f.ops.TestState({ definition: task({ Retry: [{ ErrorEquals: ['States.ALL'] }] }), roleArn: ROLE, input: '{}', mock: { errorOutput: { error: 'Flaky' } } });
  expect(retried).toMatchObject({ status: 'RETRIABLE', error: 'Flaky' });

  await expect(f.ops.TestState({ definition: task(), roleArn: ROLE, input: '{}', mock: { result: '{', errorOutput: { error: 'E' } } })).rejects.toMatchObject({ code: 'ValidationException' });
  await expect(f.ops.TestState({ definition: task(), roleArn: ROLE, input: '{}', mock: { result: '{nope' } })).rejects.toMatchObject({ code: 'ValidationException' });
  await expect(f.ops.TestState({ definition: JSON.stringify({ Type: 'Pass', End: true }), roleArn: ROLE, input: '{}', mock: { result: '{}' } })).rejects.toMatchObject({ code: 'ValidationException' });
});

test("a mocked Map or Parallel: the mock is the state's result (ResultSelector, ResultPath and Catch still apply); nothing inside runs", async () => {
  f = await openFixture();
  const map = JSON.stringify({
    Type: 'Map',
    ItemsPath: '$.items',
    ItemProcessor: { StartAt: 'Work', States: { Work: { Type: 'Task', Resource: fn('no-such-function'), End: true } } },
    ResultSelector: { 'n.$': 'States.ArrayLength($)' },
    ResultPath: '$.done',
    End: true,
  });
  const ok = await f.ops.TestState({ definition: map, roleArn: ROLE, input: '{"items":[1,2,3]}', mock: { result: '[10,20,30]' }, inspectionLevel: 'DEBUG' });
  expect(ok).toMatchObject({ status: 'SUCCEEDED', output: '{"items":[1,2,3],"done":{"n":3}}' });
  // A mocked Map reports its items and what follows its result, not the result the mock replaced (recorded on AWS).
  expect(ok.inspectionData).toEqual({ input: '{"items":[1,2,3]}', afterInputPath: '{"items":[1,2,3]}', afterItemsPath: '[1,2,3]', afterResultSelector: '{"n":3}', afterResultPath: ok.output, maxConcurrency: 0 });

  const parallel = JSON.stringify({
    Type: 'Parallel',
    Branches: [{ StartAt: 'B', States: { B: { Type: 'Pass', End: true } } }],
    Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Recover' }],
    Next: 'After',
  });
  const caught = await f.ops.TestState({ definition: parallel, roleArn: ROLE, input: '{"a":1}', mock: { errorOutput: { error: 'BranchBroke', cause: 'b' } } });
  expect(caught).toMatchObject({ status: 'CAUGHT_ERROR', error: 'BranchBroke', nextState: 'Recover', output: '{"a":1,"error":{"Error":"BranchBroke","Cause":"b"}}' });
});

test('stateConfiguration.retrierRetryCount: retries already spent count against MaxAttempts', async () => {
  f = await openFixture();
  const task = JSON.stringify({
    Type: 'Task',
    Resource: fn('no-such-function'),
    Retry: [{ ErrorEquals: ['Flaky'], MaxAttempts: 2 }],
    Catch: [{ ErrorEquals: ['States.ALL'], Next: 'GiveUp' }],
    End: true,
  });
  const mock = { errorOutput: { error: 'Flaky', cause: 'again' } };
  const run = (retrierRetryCount?: number) =>
    f!.ops.TestState({ definition: task, roleArn: ROLE, input: '{}', mock, ...(retrierRetryCount !== undefined ? { stateConfiguration: { retrierRetryCount } } : {}) });
  expect(await run()).toMatchObject({ status: 'RETRIABLE', error: 'Flaky' });
  expect(await run(1)).toMatchObject({ status: 'RETRIABLE', error: 'Flaky' });
  expect(await run(2)).toMatchObject({ status: 'CAUGHT_ERROR', error: 'Flaky', cause: 'again', nextState: 'GiveUp' });
});

/** The context of localstack's test_state_context_object (recorded on AWS). */
const GIVEN_CONTEXT = {
  Execution: { Id: 'arn:aws:states:us-east-1:123456789012:execution:MyStateMachine:execution-name-12345', Input: { 'input-value': 0, values: ['charizard', 'pikachu'] }, Name: 'execution-name-12345', RoleArn: ROLE, StartTime: '2025-01-15T10:30:00.000Z' },
  State: { EnteredTime: '2025-01-15T10:30:01.500Z', Name: 'MyTaskState', RetryCount: 0 },
  StateMachine: { Id: 'arn:aws:states:us-east-1:123456789012:stateMachine:MyStateMachine', Name: 'MyStateMachine' },
};

test('a given context is the context object, exactly as given (nothing added, even when empty)', async () => {
  f = await openFixture();
  const state = (path: string) =>
    JSON.stringify({
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: fn('echo'), 'Payload.$': '$' },
      ResultSelector: { 'ContextObjectValue.$': path, 'LambdaOutput.$': '$' },
      End: true,
    });
  const mock = { result: '{"pokemon":["charizard"]}' };
  const run = async (path: string, context: unknown) => JSON.parse((await f!.ops.TestState({ definition: state(path), roleArn: ROLE, input: '{}', context: JSON.stringify(context), mock })).output!);
  expect(await run('$$', GIVEN_CONTEXT)).toEqual({ ContextObjectValue: GIVEN_CONTEXT, LambdaOutput: { pokemon: ['charizard'] } });
  expect((await run('$$.Execution.Input.values', GIVEN_CONTEXT)).ContextObjectValue).toEqual(['charizard', 'pikachu']);
  expect((await run('$$', { Execution: {}, State: {}, StateMachine: {} })).ContextObjectValue).toEqual({ Execution: {}, State: {}, StateMachine: {} });
  expect((await run('$$', {})).ContextObjectValue).toEqual({});
  // JSONata sees it as $states.context.
  const jsonata = JSON.stringify({ Type: 'Task', QueryLanguage: 'JSONata', Resource: fn('echo'), Output: '{% $states.context.State.Name %}', End: true });
  expect((await f.ops.TestState({ definition: jsonata, roleArn: ROLE, input: '{}', context: JSON.stringify(GIVEN_CONTEXT), mock })).output).toBe('"MyTaskState"');
});

test("a context's fields are checked as AWS checks them", async () => {
  f = await openFixture();
  const task = JSON.stringify({ Type: 'Task', Resource: fn('echo'), End: true });
  const mock = { result: '{}' };
  const refused = (context: unknown, definition = task) => expect(f!.ops.TestState({ definition, roleArn: ROLE, input: '{}', context: JSON.stringify(context), mock })).rejects;
  await refused({ Execution: { Id: 1 } }).toMatchObject({ code: 'ValidationException', message: 'Invalid Context object provided: Execution.Id must be a string' });
  await refused({ Map: {} }).toMatchObject({ message: "Invalid Context object provided: 'Map' field is not supported when mocking a Context object" });
  await refused({ Execution: { pokemon: 'squirtle' } }).toMatchObject({ message: "Invalid Context object provided: Field 'pokemon' is not allowed" });
  await refused({ Pokedex: {} }).toMatchObject({ message: "Invalid Context object provided: Field 'Pokedex' is not allowed" });
  await refused({ Task: { Token: 'abcd123' } }).toMatchObject({
    message: "Invalid Context object provided: Context object contains 'Task' when state is not a Task state with a '.sync' or '.waitForTaskToken' service integration pattern",
  });
  // A callback task takes a Task.Token, and its parameters read it.
  const callback = JSON.stringify({ Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken', Parameters: { QueueUrl: 'q', MessageBody: { 'TaskToken.$': '$$.Task.Token' } }, ResultPath: '$.SQS', Next: 'NEXT_STATE' });
  const out = await f.ops.TestState({ definition: callback, roleArn: ROLE, input: '{}', context: JSON.stringify({ ...GIVEN_CONTEXT, Task: { Token: 'abcd123' } }), mock: { result: '{"ok":1}' }, inspectionLevel: 'DEBUG' });
  expect(out).toMatchObject({ status: 'SUCCEEDED', nextState: 'NEXT_STATE', output: '{"SQS":{"ok":1}}' });
  expect(JSON.parse(out.inspectionData!.afterParameters!)).toEqual({ QueueUrl: 'q', MessageBody: { TaskToken: 'abcd123' } });
});

test('mocks are refused where AWS refuses them, with its messages', async () => {
  f = await openFixture();
  const map = { Type: 'Map', ItemsPath: '$.items', ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Pass', End: true } } }, End: true };
  const parallel = { Type: 'Parallel', Branches: [0, 1].map((i) => ({ StartAt: `B${i}`, States: { [`B${i}`]: { Type: 'Pass', End: true } } })), End: true };
  const refused = (state: unknown, extra: object) => expect(f!.ops.TestState({ definition: JSON.stringify(state), roleArn: ROLE, input: '{"items":[1]}', ...extra })).rejects;
  for (const type of ['Pass', 'Fail', 'Succeed']) {
    const state = type === 'Pass' ? { Type: 'Pass', End: true } : { Type: type };
    await refused(state, { mock: { result: '{}' } }).toMatchObject({ code: 'ValidationException', message: `State type '${type}' is not supported when a mock is specified` });
  }
  await refused(map, {}).toMatchObject({ code: 'InvalidDefinition', message: 'TestState API does not support Map or Parallel states. Supported state types include: [Task, Wait, Pass, Succeed, Fail, Choice]' });
  await refused(parallel, {}).toMatchObject({ code: 'InvalidDefinition' });
  await refused(map, { mock: { result: '{}', errorOutput: { error: 'E' } } }).toMatchObject({ message: 'A test mock should have only one of the following fields: [result, errorOutput].' });
  await refused(map, { mock: { result: '[1]' }, revealSecrets: true }).toMatchObject({ message: 'TestState does not support RevealSecrets when a mock is specified.' });
  await refused(map, { mock: { result: '{}' } }).toMatchObject({ message: 'Mocked result must be an array.' });
  const distributedWithWriter = { ...map, ItemProcessor: { ...map.ItemProcessor, ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' } }, ResultWriter: { Resource: 'arn:aws:states:::s3:putObject', Parameters: { Bucket: 'b', Prefix: 'p' } } };
  await refused(distributedWithWriter, { mock: { result: '[]' } }).toMatchObject({ message: 'Mocked result must be a JSON object.' });
  await refused(parallel, { mock: { result: '{}' } }).toMatchObject({ message: 'Mocked result must be an array.' });
  await refused(parallel, { mock: { result: '[1]' } }).toMatchObject({ message: 'Mocked result must contain the same number of items as number of Parallel branches.' });
});

test("TestState's own context object, a Pass with a Result, a Map's settings, and which Catch or Retry took an error (as recorded on AWS)", async () => {
  f = await openFixture();
  const ctx = JSON.stringify({ Type: 'Pass', Parameters: { 'ctx.$': '$$' }, End: true });
  const out = JSON.parse((await f.ops.TestState({ definition: ctx, roleArn: ROLE, input: '{"v":1}' })).output!) as { ctx: Record<string, Record<string, unknown>> };
  expect(Object.keys(out.ctx)).toEqual(['Execution', 'StateMachine', 'State']);
  expect(Object.keys(out.ctx.Execution!)).toEqual(['Id', 'Input', 'Name', 'RoleArn', 'StartTime']);
  expect(out.ctx.Execution).toMatchObject({ Input: { v: 1 }, RoleArn: ROLE });
  expect(out.ctx.Execution!.Id).toMatch(/^arn:aws:states:us-east-1:123456789012:express:[^:]+:[^:]+$/);
  expect(out.ctx.State).toEqual({ Name: 'StateName', EnteredTime: expect.any(String) });
  const noRole = JSON.parse((await f.ops.TestState({ definition: ctx, input: '{}' })).output!) as { ctx: { Execution: { RoleArn: unknown } } };
  expect(noRole.ctx.Execution.RoleArn).toBeNull();

  // An input the state leaves as it is keeps its text, spaces and all (localstack's recorded afterInputPath).
  const spaced = await f.ops.TestState({ definition: JSON.stringify({ Type: 'Pass', End: true }), roleArn: ROLE, input: '["fire", "grass"]', inspectionLevel: 'DEBUG' });
  expect(spaced.inspectionData).toMatchObject({ input: '["fire", "grass"]', afterInputPath: '["fire", "grass"]', afterResultPath: '["fire", "grass"]' });
  expect(spaced.output).toBe('["fire", "grass"]');

  const withResult = await f.ops.TestState({ definition: JSON.stringify({ Type: 'Pass', Result: { resultKey: 'result value' }, End: true }), roleArn: ROLE, input: '{"Value":"HelloWorld"}', inspectionLevel: 'DEBUG' });
  expect(withResult.inspectionData).toEqual({ input: '{"Value":"HelloWorld"}', result: '{"resultKey":"result value"}', afterResultSelector: '{"resultKey":"result value"}', afterResultPath: '{"resultKey":"result value"}' });

  const map = { Type: 'Map', ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Pass', End: true } } }, End: true };
  const settings = async (extra: object) => (await f!.ops.TestState({ definition: JSON.stringify({ ...map, ...extra }), roleArn: ROLE, input: '[1,2,3]', mock: { result: '[1,1,1]' }, inspectionLevel: 'DEBUG' })).inspectionData;
  expect(await settings({})).toMatchObject({ maxConcurrency: 0 });
  expect(await settings({ MaxConcurrency: 1, ToleratedFailureCount: 1, ToleratedFailurePercentage: 1 })).toMatchObject({ maxConcurrency: 1, toleratedFailureCount: 1, toleratedFailurePercentage: 1 });

  const task = { Type: 'Task', Resource: fn('echo'), Catch: [{ ErrorEquals: ['MockException'], Next: 'HandleMockError' }, { ErrorEquals: ['States.ALL'], Next: 'HandleThreshold' }], End: true };
  const caught = async (error: string) => f!.ops.TestState({ definition: JSON.stringify(task), roleArn: ROLE, input: '{}', mock: { errorOutput: { error, cause: 'c' } }, inspectionLevel: 'DEBUG' });
  expect(await caught('MockException')).toMatchObject({ status: 'CAUGHT_ERROR', nextState: 'HandleMockError', inspectionData: { errorDetails: { catchIndex: 0 } } });
  expect(await caught('States.TaskFailed')).toMatchObject({ status: 'CAUGHT_ERROR', nextState: 'HandleThreshold', inspectionData: { errorDetails: { catchIndex: 1 } } });
  const retry = { Type: 'Task', Resource: fn('echo'), Retry: [{ ErrorEquals: ['Other'] }, { ErrorEquals: ['MockException'], IntervalSeconds: 3, BackoffRate: 2 }], End: true };
  const retried = await f.ops.TestState({ definition: JSON.stringify(retry), roleArn: ROLE, input: '{}', mock: { errorOutput: { error: 'MockException', cause: 'c' } }, stateConfiguration: { retrierRetryCount: 2 }, inspectionLevel: 'DEBUG' });
  expect(retried).toMatchObject({ status: 'RETRIABLE', inspectionData: { errorDetails: { retryIndex: 1, retryBackoffIntervalSeconds: 12 } } });
});

test("stateConfiguration for a Map: mapIterationFailureCount past the Map's tolerance fails it (caught by its Catch); errorCausedByState names where a mocked error arose", async () => {
  f = await openFixture();
  const inner = { StartAt: 'HandleItem', States: { HandleItem: { Type: 'Pass', End: true } } };
  const catching = { Type: 'Map', ItemsPath: '$.Values', ItemProcessor: inner, ToleratedFailureCount: 1, Catch: [{ ErrorEquals: ['States.ExceedToleratedFailureThreshold'], Next: 'HandleThreshold' }], End: true };
  const run = (state: object, stateConfiguration: object, mock: object = { result: '[1,1,1]' }) =>
    f!.ops.TestState({ definition: JSON.stringify(state), roleArn: ROLE, input: '{"Values":["first","second","third"]}', mock, stateConfiguration });
  expect(await run(catching, { mapIterationFailureCount: 1 })).toMatchObject({ status: 'SUCCEEDED', output: '[1,1,1]' });
  expect(await run(catching, { mapIterationFailureCount: 2 })).toMatchObject({
    status: 'CAUGHT_ERROR',
    nextState: 'HandleThreshold',
    error: 'States.ExceedToleratedFailureThreshold',
    cause: 'The specified tolerated failure threshold was exceeded',
  });
  // A Map that declares no tolerance ignores the count (recorded on AWS).
  const { ToleratedFailureCount: _t, Catch: _c, ...plain } = catching;
  expect(await run(plain, { mapIterationFailureCount: 2 })).toMatchObject({ status: 'SUCCEEDED' });
  const mockError = { errorOutput: { error: 'MockException', cause: 'Mock the error cause.' } };
  expect(await run(plain, { errorCausedByState: 'HandleItem', mapIterationFailureCount: 2 }, mockError)).toMatchObject({ status: 'FAILED', error: 'MockException', cause: 'Mock the error cause.' });
  await expect(run(plain, { errorCausedByState: 'Nowhere' }, mockError)).rejects.toMatchObject({ code: 'ValidationException' });
  await expect(run(plain, { mapItemReaderData: '[1,2,3]' })).rejects.toMatchObject({ code: 'ValidationException' });
});
