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
