import { TestStateCommand } from '@aws-sdk/client-sfn';
import { recordedService, ROLE } from './recorded-service';
import { pythonJson } from './python-json';
import { CONTEXT_TASK_INPUT, contextTask, contextTaskTrace, RECORDED_CONTEXT, START_EXECUTION_TASK } from '../../runtime/test-state-context-object';

/**
 * TestState answers recorded on AWS that the other TestState tests do not assert, driven through
 * the HTTP API and @aws-sdk/client-sfn. Source: localstack/localstack,
 * tests/aws/services/stepfunctions/v2/test_state/*.snapshot.json and
 * tests/aws/services/stepfunctions/v2/test_case/test_test_case_scenarios.snapshot.json.
 * The snapshots hold the answers parsed, so a JSON text is compared as the recorded value written
 * compactly, members in the recorded order.
 */

const { send, failure } = recordedService();

type Input = ConstructorParameters<typeof TestStateCommand>[0];
const T = (o: unknown) => JSON.stringify(o);
const testState = (input: Input) => send(new TestStateCommand(input));
/** The answer without the SDK's $metadata. */
const answer = async (input: Input) => {
  const { $metadata: _m, ...rest } = await testState(input);
  return rest;
};

describe('test_state_context_object', () => {
  // localstack test_state_context_object.snapshot.json, test_state_wait_task_context_object, recorded on AWS 03-12-2025
  test('test_state_wait_task_context_object: a mocked sqs .waitForTaskToken reads the given Task.Token; no input is {}', async () => {
    const IO_SQS_SERVICE_TASK_WAIT = {
      Comment: 'IO_SQS_SERVICE_TASK_WAIT',
      Type: 'Task',
      Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
      Parameters: { QueueUrl: 'https://sqs.us-east-2.amazonaws.com/123456789012/myQueue', MessageBody: { Message: 'Hello from Step Functions!', 'TaskToken.$': '$$.Task.Token' } },
      ResultPath: '$.SQS',
      Next: 'NEXT_STATE',
    };
    const result = T({ pokemon: ['charizard', 'pikachu', 'bulbasaur'] });
    const out = await answer({ definition: T(IO_SQS_SERVICE_TASK_WAIT), inspectionLevel: 'TRACE', context: pythonJson({ ...RECORDED_CONTEXT, Task: { Token: 'abcd123' } }), mock: { result } });
    expect(out).toEqual({
      status: 'SUCCEEDED',
      nextState: 'NEXT_STATE',
      output: T({ SQS: JSON.parse(result) }),
      inspectionData: {
        input: '{}',
        afterInputPath: '{}',
        afterParameters: T({ QueueUrl: 'https://sqs.us-east-2.amazonaws.com/123456789012/myQueue', MessageBody: { Message: 'Hello from Step Functions!', TaskToken: 'abcd123' } }),
        result,
        afterResultSelector: result,
        afterResultPath: T({ SQS: JSON.parse(result) }),
      },
    });
  });

  // CONTEXT_OBJECT_RESULT_SELECTOR's TestState with "$$" for the placeholder.
  const RESULT_SELECTOR_TASK = contextTask('$$');
  const INPUT = CONTEXT_TASK_INPUT;

  // localstack test_state_context_object.snapshot.json, test_state_context_object_edge_cases[EMPTY_OBJECTS] and [EMPTY], recorded on AWS 03-12-2025
  test.each<[string, object]>([
    ['EMPTY_OBJECTS', { Execution: {}, State: {}, StateMachine: {} }],
    ['EMPTY', {}],
  ])('test_state_context_object_edge_cases[%s]: every stage, the context as given, no role', async (_id, context) => {
    const result = T({ pokemon: 'pikachu' });
    const out = await answer({ definition: T(RESULT_SELECTOR_TASK), input: INPUT, inspectionLevel: 'TRACE', context: T(context), mock: { result } });
    expect(out).toEqual(contextTaskTrace(context, result));
  });

  // localstack test_state_context_object.snapshot.json, test_state_context_object_validation_failures[*], recorded on AWS 03-12-2025
  test.each<[string, object, string]>([
    ['INVALID_EXECUTION_ID_TYPE', { Execution: { Id: 1 } }, 'Invalid Context object provided: Execution.Id must be a string'],
    ['INVALID_MAP', { Map: {} }, "Invalid Context object provided: 'Map' field is not supported when mocking a Context object"],
    ['INVALID_EXECUTION_FIELD', { Execution: { pokemon: 'squirtle' } }, "Invalid Context object provided: Field 'pokemon' is not allowed"],
    ['INVALID_FIELD', { Pokedex: {} }, "Invalid Context object provided: Field 'Pokedex' is not allowed"],
  ])('test_state_context_object_validation_failures[%s]: a mocked JSONata startExecution without a role', async (_id, context, message) => {
    const err = await failure(
      testState({
        definition: T(START_EXECUTION_TASK),
        input: pythonJson({ stateMachineArn: 'arn', targetInput: null, name: 'exec_name' }),
        inspectionLevel: 'TRACE',
        context: T(context),
        mock: { result: T({ ExecutionArn: 'exec_arn', StartDate: '2025-12-03T12:32:48.123456' }) },
      }),
    );
    expect(err).toEqual({ name: 'ValidationException', message });
  });

  // localstack test_state_context_object.snapshot.json, test_state_context_object_invalid_states[TOKEN_TASK_NOT_SYNC] and [INVALID_STATE_PASS], recorded on AWS 03-12-2025
  test('test_state_context_object_invalid_states: without a role, through the API', async () => {
    const mock = { result: T({ pokemon: ['CHARIZARD', 'PIKACHU', 'BULBASAUR'] }) };
    const input = pythonJson(['fire', 'electricity', 'grass']);
    const token = await failure(testState({ definition: T(RESULT_SELECTOR_TASK), input, inspectionLevel: 'TRACE', context: pythonJson({ ...RECORDED_CONTEXT, Task: { Token: 'abcd123' } }), mock }));
    expect(token).toEqual({
      name: 'ValidationException',
      message: "Invalid Context object provided: Context object contains 'Task' when state is not a Task state with a '.sync' or '.waitForTaskToken' service integration pattern",
    });
    // CONTEXT_OBJECT_INPUT_PATH's TestState: a Pass state.
    const pass = { Type: 'Pass', InputPath: '$$', End: true };
    const passed = await failure(testState({ definition: T(pass), input, inspectionLevel: 'TRACE', context: pythonJson(RECORDED_CONTEXT), mock }));
    expect(passed).toEqual({ name: 'ValidationException', message: "State type 'Pass' is not supported when a mock is specified" });
  });
});

describe('test_state_mock_validation', () => {
  // localstack test_state_mock_validation.snapshot.json, test_state_type_does_not_accept_mock[*], recorded on AWS 10-12-2025
  const NOT_MOCKABLE: Record<string, object> = {
    PassState: { Type: 'Pass', End: true },
    FailState: { Type: 'Fail', Error: 'SomeFailure', Cause: "This state machines raises a 'SomeFailure' failure." },
    SucceedState: { Type: 'Succeed' },
  };
  const MOCKS: Record<string, object> = {
    mock_result: { result: T({ mock: 'the unmockable' }) },
    mock_error_output: { errorOutput: { error: 'Error', cause: 'Cause' } },
  };
  test.each(Object.keys(MOCKS).flatMap((m) => Object.keys(NOT_MOCKABLE).map((s) => [m, s] as const)))('test_state_type_does_not_accept_mock[%s-%s]: no input, no role', async (m, s) => {
    const err = await failure(testState({ definition: T(NOT_MOCKABLE[s]), inspectionLevel: 'TRACE', mock: MOCKS[m] }));
    expect(err).toEqual({ name: 'ValidationException', message: `State type '${(NOT_MOCKABLE[s] as { Type: string }).Type}' is not supported when a mock is specified` });
  });

  // localstack test_state_mock_validation.snapshot.json, test_state_type_requires_mock[MapState] and [MapTaskState] (recorded on AWS 10-12-2025), [ParallelState] (25-02-2026)
  const LAMBDA_FOO = { Type: 'Task', QueryLanguage: 'JSONata', Resource: 'arn:aws:states:::lambda:invoke', Arguments: { FunctionName: 'foo', Payload: 'bar' }, End: true };
  const PROCESSOR = { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'TestState', States: { TestState: LAMBDA_FOO } };
  const REQUIRES_MOCK: Record<string, object> = {
    MapState: { Comment: 'BASE_MAP_STATE', Type: 'Map', QueryLanguage: 'JSONata', Items: '{% $states.input.Values %}', ItemProcessor: PROCESSOR, Output: '{% $states %}', End: true },
    MapTaskState: {
      Comment: 'MAP_TASK_STATE',
      Type: 'Map',
      QueryLanguage: 'JSONata',
      Items: '{% $states.input.Values %}',
      ItemProcessor: PROCESSOR,
      Output: {
        result: "{% $map($states.result, function($v) { $v = 1 ? 'pass' : 'failed' }) %}",
        successCount: '{% $count($states.result[$ = 1]) %}',
        failedCount: '{% $count($states.result[$ = 0]) %}',
      },
      ToleratedFailureCount: 1,
      Retry: [
        { ErrorEquals: ['MockException'], MaxAttempts: 3 },
        { ErrorEquals: ['States.ExceedToleratedFailureThreshold'], MaxAttempts: 2 },
      ],
      Catch: [
        { ErrorEquals: ['States.ExceedToleratedFailureThreshold'], Output: '{% $states %}', Next: 'HandleThresholdExceeded' },
        { ErrorEquals: ['MockException'], Output: '{% $states %}', Next: 'HandleMockException' },
      ],
      End: true,
    },
    ParallelState: {
      Comment: 'BASE_PARALLEL_STATE',
      Type: 'Parallel',
      Branches: [
        { StartAt: 'Branch1', States: { Branch1: LAMBDA_FOO } },
        { StartAt: 'Branch2', States: { Branch2: LAMBDA_FOO } },
      ],
      End: true,
    },
  };
  test.each(Object.keys(REQUIRES_MOCK))('test_state_type_requires_mock[%s]: no input, no role', async (s) => {
    const err = await failure(testState({ definition: T(REQUIRES_MOCK[s]), inspectionLevel: 'TRACE' }));
    expect(err).toEqual({ name: 'InvalidDefinition', message: 'TestState API does not support Map or Parallel states. Supported state types include: [Task, Wait, Pass, Succeed, Fail, Choice]' });
  });
});

// localstack test_case/test_test_case_scenarios.snapshot.json, test_test_case_info, recorded on AWS 03-01-2024
test('test_test_case_info: a lone Pass state with a role and an input', async () => {
  expect(await answer({ definition: T({ Type: 'Pass', End: true }), roleArn: ROLE, input: T({ Value: 'HelloWorld' }) })).toEqual({ status: 'SUCCEEDED', output: '{"Value":"HelloWorld"}' });
});
