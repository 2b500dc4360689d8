/** The context object localstack's TestState recordings hand in (test_state_context_object and test_test_state_scenarios snapshots, recorded on AWS). */
export const RECORDED_CONTEXT = {
  Execution: {
    Id: 'arn:aws:states:us-east-1:123456789012:execution:MyStateMachine:execution-name-12345',
    Input: { 'input-value': 0, message: 'test data', values: ['charizard', 'pikachu', 'bulbasaur'] },
    Name: 'execution-name-12345',
    RoleArn: 'arn:aws:iam::123456789012:role/StepFunctionsRole',
    StartTime: '2025-01-15T10:30:00.000Z',
  },
  State: { EnteredTime: '2025-01-15T10:30:01.500Z', Name: 'MyTaskState', RetryCount: 0 },
  StateMachine: { Id: 'arn:aws:states:us-east-1:123456789012:stateMachine:MyStateMachine', Name: 'MyStateMachine' },
};

/**
 * The Task of localstack's CONTEXT_OBJECT_RESULT_SELECTOR template, as its TestState recordings
 * use it: a mocked lambda:invoke whose ResultSelector reads `contextPath` of the context object
 * beside the function's output (the template's member order).
 */
export const contextTask = (contextPath: string) => ({
  Type: 'Task',
  Resource: 'arn:aws:states:::lambda:invoke',
  Parameters: { 'FunctionName.$': '$.FunctionName', Payload: { 'Input.$': '$' } },
  ResultSelector: { 'LambdaOutput.$': '$', 'ContextObjectValue.$': contextPath },
  End: true,
});

/** The input those recordings give it. */
export const CONTEXT_TASK_INPUT = JSON.stringify({ FunctionName: 'lambda_function_name', Payload: { 'input-value': 0 } });

/** TestState's TRACE answer, as recorded, for contextTask on CONTEXT_TASK_INPUT with the mocked `result` (JSON text). */
export function contextTaskTrace(contextValue: unknown, result: string) {
  const selected = JSON.stringify({ ContextObjectValue: contextValue, LambdaOutput: JSON.parse(result) });
  return {
    status: 'SUCCEEDED',
    output: selected,
    inspectionData: {
      input: CONTEXT_TASK_INPUT,
      afterInputPath: CONTEXT_TASK_INPUT,
      // Payload before FunctionName, as AWS orders a template with .$ fields.
      afterParameters: JSON.stringify({ Payload: { Input: JSON.parse(CONTEXT_TASK_INPUT) }, FunctionName: 'lambda_function_name' }),
      result,
      afterResultSelector: selected,
      afterResultPath: selected,
    },
  };
}

/** BASE_SFN_START_EXECUTION_TASK_STATE of the recordings: a JSONata states:startExecution. */
export const START_EXECUTION_TASK = {
  Type: 'Task',
  QueryLanguage: 'JSONata',
  Resource: 'arn:aws:states:::states:startExecution',
  Arguments: { Input: '{% $states.input.targetInput %}', StateMachineArn: '{% $states.input.stateMachineArn %}', Name: '{% $states.input.name %}' },
  Output: { targetExecutionResult: '{% $states.result %}' },
  End: true,
};
