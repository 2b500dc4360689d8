import { fn, fileFixture, ROLE } from './service-fixture';
import { RECORDED_CONTEXT } from './test-state-context-object';

/**
 * What a mock reports: an errorOutput without an error fails the task unnamed, as SendTaskFailure
 * without an error does ("Error": null for a Catch); a given context's Task.Token is for the tasks
 * the engine gives a token to, by the engine's own rule; a task that really runs is waited for.
 */

const f = fileFixture();

const T = (o: unknown) => JSON.stringify(o);

test('a mocked errorOutput with a cause and no error: a Catch hands on "Error": null, as after SendTaskFailure without an error', async () => {
  const task = T({ Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'f' }, Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.err', Next: 'Handle' }], End: true });
  const out = await f.ops.TestState({ definition: task, input: '{"a":1}', inspectionLevel: 'DEBUG', mock: { errorOutput: { cause: 'c' } } });
  expect(out).toMatchObject({ status: 'CAUGHT_ERROR', cause: 'c', nextState: 'Handle' });
  expect(out.error).toBeUndefined();
  expect(JSON.parse(out.output!)).toEqual({ a: 1, err: { Error: null, Cause: 'c' } });
  expect(out.inspectionData?.errorDetails).toEqual({ catchIndex: 0 });
});

test('an unnamed mocked failure that nothing catches fails the state without an error name', async () => {
  const task = T({ Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'f' }, End: true });
  const out = await f.ops.TestState({ definition: task, roleArn: ROLE, input: '{}', mock: { errorOutput: { cause: 'c' } } });
  expect(out.status).toBe('FAILED');
  expect(out.error).toBeUndefined();
});

test("an activity has a task token, as the engine gives it one: a mocked activity may be given a context's Task.Token and reads it", async () => {
  const activity = T({
    Type: 'Task',
    Resource: 'arn:aws:states:us-east-1:123456789012:activity:approve',
    Parameters: { 'token.$': '$$.Task.Token' },
    ResultPath: null,
    End: true,
  });
  const context = T({ ...RECORDED_CONTEXT, Task: { Token: 'abcd123' } });
  const out = await f.ops.TestState({ definition: activity, input: '{}', inspectionLevel: 'DEBUG', context, mock: { result: '{}' } });
  expect(out).toMatchObject({ status: 'SUCCEEDED', output: '{}' });
  expect(JSON.parse(out.inspectionData!.afterParameters!)).toEqual({ token: 'abcd123' });
});

test('an unmocked task that takes a while is waited for: a Lambda past its timeout fails the state, never SUCCEEDED without an output', async () => {
  const slow = T({ Type: 'Task', Resource: fn('slow'), End: true });
  const out = await f.ops.TestState({ definition: slow, roleArn: ROLE, input: '{}' });
  expect(out).toMatchObject({ status: 'FAILED', error: 'Sandbox.Timedout' });
  expect(out.cause).toContain('Task timed out after 1.00 seconds');
});

test.each([
  ['an activity', 'arn:aws:states:us-east-1:123456789012:activity:approve'],
  ['a .sync start', 'arn:aws:states:::states:startExecution.sync'],
  ['a .sync:2 start', 'arn:aws:states:::states:startExecution.sync:2'],
  ['a .waitForTaskToken callback', 'arn:aws:states:::lambda:invoke.waitForTaskToken'],
])('%s is tested only with a mock, as the API reference says: unmocked it is InvalidDefinition', async (_what, resource) => {
  const task = T({ Type: 'Task', Resource: resource, Parameters: { FunctionName: 'f', StateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:child' }, End: true });
  await expect(f.ops.TestState({ definition: task, roleArn: ROLE, input: '{}' })).rejects.toMatchObject({
    code: 'InvalidDefinition',
    message: 'TestState API does not support Activity tasks, .sync or .waitForTaskToken service integration patterns without a mock',
  });
  const mocked = await f.ops.TestState({ definition: task, input: '{}', mock: { result: '{}', fieldValidationMode: 'NONE' } });
  expect(mocked).toMatchObject({ status: 'SUCCEEDED', output: '{}' });
});
