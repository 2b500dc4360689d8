import { fn, fileFixture } from './service-fixture';
import { CONTEXT_TASK_INPUT, contextTask, contextTaskTrace, RECORDED_CONTEXT as CONTEXT } from './test-state-context-object';

/**
 * A given context object read by a mocked lambda:invoke, each stage of it, as recorded on AWS in
 * localstack's tests/aws/services/stepfunctions/v2/test_state/test_state_context_object.snapshot.json
 * (test_state_task_context_object, test_state_context_object_invalid_states).
 */

const f = fileFixture();

const T = (o: unknown) => JSON.stringify(o);
const INPUT = CONTEXT_TASK_INPUT;
const RESULT = T({ pokemon: ['charizard', 'pikachu', 'bulbasaur'] });
const task = (contextPath: string) => T(contextTask(contextPath));

test.each<[string, string, unknown]>([
  ['ALL', '$$', CONTEXT],
  ['EXECUTION_INPUT', '$$.Execution.Input', CONTEXT.Execution.Input],
  ['EXECUTION_INPUT_VALUES', '$$.Execution.Input.values', CONTEXT.Execution.Input.values],
])('test_state_task_context_object[%s]: every stage, the context value as given', async (_id, path, value) => {
  const out = await f.ops.TestState({ definition: task(path), input: INPUT, inspectionLevel: 'TRACE', context: T(CONTEXT), mock: { result: RESULT } });
  expect(out).toEqual(contextTaskTrace(value, RESULT));
});

test('test_state_context_object_invalid_states: a Pass with a context and a mock is refused for its mock; a Task token needs a callback task', async () => {
  const pass = T({ Type: 'Pass', Parameters: { 'ctx.$': '$$' }, End: true });
  await expect(f.ops.TestState({ definition: pass, input: '{}', context: T(CONTEXT), mock: { result: '{}' } })).rejects.toMatchObject({
    code: 'ValidationException',
    message: "State type 'Pass' is not supported when a mock is specified",
  });
  const plain = T({ Type: 'Task', Resource: fn('echo'), End: true });
  await expect(f.ops.TestState({ definition: plain, input: '{}', context: T({ ...CONTEXT, Task: { Token: 'abcd123' } }), mock: { result: '{}' } })).rejects.toMatchObject({
    code: 'ValidationException',
    message: "Invalid Context object provided: Context object contains 'Task' when state is not a Task state with a '.sync' or '.waitForTaskToken' service integration pattern",
  });
});
