import { fileFixture } from './service-fixture';

/**
 * TestState on a whole state machine, the state named by stateName, as recorded on AWS in
 * localstack's tests/aws/services/stepfunctions/v2/test_state/test_test_state_machine_scenarios.snapshot.json
 * and test_test_state_scenarios.snapshot.json (test_localstack_blogpost_scenario).
 */

const f = fileFixture();

const T = (o: unknown) => JSON.stringify(o);
const HELLO = '{"Value":"HelloWorld"}';
const LEVELS = ['INFO', 'DEBUG', 'TRACE'] as const;

const PASS_MACHINE = { Comment: 'BASE_PASS_STATE_MACHINE', StartAt: 'State0', States: { State0: { Type: 'Pass', End: true } } };
const FAIL_MACHINE = { Comment: 'BASE_FAIL_STATE_MACHINE', QueryLanguage: 'JSONata', StartAt: 'State0', States: { State0: { Type: 'Fail', Error: 'SomeFailure', Cause: "This state machines raises a 'SomeFailure' failure." } } };
const MAP_MACHINE = {
  Comment: 'BASE_MAP_STATE_MACHINE',
  StartAt: 'State0',
  States: {
    State0: {
      Type: 'Map',
      ItemsPath: '$.Values',
      ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'HandleItem', States: { HandleItem: { Type: 'Pass', End: true } } },
      ToleratedFailureCount: 2,
      End: true,
    },
  },
};
const MULTI_MACHINE = {
  Comment: 'BASE_MULTI_STATE_MACHINE',
  QueryLanguage: 'JSONata',
  StartAt: 'State0',
  States: { State0: { Type: 'Pass', Next: 'State1' }, State1: { Type: 'Fail', Error: 'SomeFailure', Cause: "This state machines raises a 'SomeFailure' failure." } },
};
const FAILURE = { status: 'FAILED', error: 'SomeFailure', cause: "This state machines raises a 'SomeFailure' failure." };
/** A JSONPath Pass's stages, each the input unchanged. */
const PASS_STAGES = { input: HELLO, afterInputPath: HELLO, afterParameters: HELLO, afterResultSelector: HELLO, afterResultPath: HELLO };

const run = (definition: object, stateName: string, inspectionLevel: (typeof LEVELS)[number], input = HELLO) => f.ops.TestState({ definition: T(definition), stateName, input, inspectionLevel });

test.each(LEVELS)('test_base_state_name[%s]: a Pass, a JSONata Fail, and a Pass inside a Map, each named by stateName', async (level) => {
  const inspected = level !== 'INFO';
  expect(await run(PASS_MACHINE, 'State0', level)).toEqual({ status: 'SUCCEEDED', output: HELLO, ...(inspected ? { inspectionData: PASS_STAGES } : {}) });
  expect(await run(FAIL_MACHINE, 'State0', level)).toEqual({ ...FAILURE, ...(inspected ? { inspectionData: { input: HELLO } } : {}) });
  expect(await run(MAP_MACHINE, 'HandleItem', level)).toEqual({ status: 'SUCCEEDED', output: HELLO, ...(inspected ? { inspectionData: PASS_STAGES } : {}) });
});

test.each(LEVELS)('test_base_state_name_multi_state[%s]: a JSONata Pass reports its next state; the Fail after it fails', async (level) => {
  const inspected = level !== 'INFO' ? { inspectionData: { input: HELLO } } : {};
  expect(await run(MULTI_MACHINE, 'State0', level)).toEqual({ status: 'SUCCEEDED', nextState: 'State1', output: HELLO, ...inspected });
  expect(await run(MULTI_MACHINE, 'State1', level)).toEqual({ ...FAILURE, ...inspected });
});

test('test_base_state_name_validation_failures: a state that is not in the definition', async () => {
  for (const stateName of ['dne', '"invalid"']) {
    await expect(run(PASS_MACHINE, stateName, 'INFO')).rejects.toMatchObject({ code: 'ValidationException', message: 'State not found in definition' });
  }
});

/** The cost approval machine as recorded (its HTTP task's Arguments as they show in afterArguments). */
const BLOGPOST = {
  Comment: 'Cost approval workflow',
  QueryLanguage: 'JSONata',
  StartAt: 'Approval Required',
  States: {
    'Approval Required': { Type: 'Choice', Choices: [{ Condition: '{% $states.input.cost < 10 %}', Next: 'Purchase Approved' }], Default: 'Ask for Approval' },
    'Purchase Approved': { Type: 'Succeed' },
    'Ask for Approval': {
      Type: 'Task',
      Resource: 'arn:aws:states:::http:invoke',
      Arguments: { Method: 'POST', ApiEndpoint: 'example.execute-api.us-east-1.amazonaws.com', Path: '/approval', RequestBody: { cost: '{% $states.input.cost %}', dept_id: '12345678' }, AuthType: 'NO_AUTH' },
      Retry: [{ ErrorEquals: ['States.ALL'], BackoffRate: 2, IntervalSeconds: 1, MaxAttempts: 3, JitterStrategy: 'FULL' }],
      Next: 'Check Approval',
      Output: { approval: '{% $states.result.approval %}', approval_code: '2387462', approved_by: 'Mary' },
    },
    'Check Approval': { Type: 'Choice', Choices: [{ Next: 'Purchase Approved', Condition: '{% $states.input.approval %}' }], Default: 'Not Approved' },
    'Not Approved': { Type: 'Fail' },
  },
};

test('test_localstack_blogpost_scenario: each state of a JSONata machine on its own, the HTTP task mocked and without a role', async () => {
  const at = (stateName: string, input: object, mock?: { result: string }) => f.ops.TestState({ definition: T(BLOGPOST), input: T(input), stateName, inspectionLevel: 'TRACE', ...(mock ? { mock } : {}) });
  expect(await at('Approval Required', { cost: 9 })).toEqual({ status: 'SUCCEEDED', nextState: 'Purchase Approved', output: '{"cost":9}', inspectionData: { input: '{"cost":9}' } });
  expect(await at('Approval Required', { cost: 10 })).toEqual({ status: 'SUCCEEDED', nextState: 'Ask for Approval', output: '{"cost":10}', inspectionData: { input: '{"cost":10}' } });
  const asked = await at('Ask for Approval', { cost: 10 }, { result: '{"approval": true }' });
  expect(asked).toMatchObject({ status: 'SUCCEEDED', nextState: 'Check Approval', output: '{"approval":true,"approval_code":"2387462","approved_by":"Mary"}' });
  expect(JSON.parse(asked.inspectionData!.afterArguments!)).toEqual({ Method: 'POST', ApiEndpoint: 'example.execute-api.us-east-1.amazonaws.com', Path: '/approval', RequestBody: { cost: 10, dept_id: '12345678' }, AuthType: 'NO_AUTH' });
  expect(JSON.parse(asked.inspectionData!.result!)).toEqual({ approval: true });
  expect(Object.keys(asked.inspectionData!).sort()).toEqual(['afterArguments', 'input', 'result']);
  const granted = { approval: true, approval_code: '2387462', approved_by: 'Mary' };
  expect(await at('Check Approval', granted)).toEqual({ status: 'SUCCEEDED', nextState: 'Purchase Approved', output: T(granted), inspectionData: { input: T(granted) } });
  expect(await at('Check Approval', { approval: false })).toEqual({ status: 'SUCCEEDED', nextState: 'Not Approved', output: '{"approval":false}', inspectionData: { input: '{"approval":false}' } });
});
