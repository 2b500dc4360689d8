import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtureLambdas, fn, openFixture, ROLE, type Fixture } from './service-fixture';
import { RECORDED_CONTEXT as CONTEXT } from './test-state-context-object';
import { pythonJson } from '../api/recorded/python-json';

/**
 * TestState on one state at each inspection level, as recorded on AWS in localstack's
 * tests/aws/services/stepfunctions/v2/test_state/test_test_state_scenarios.snapshot.json (the
 * recordings of November 2025 and later; those of April 2024 show the same for the states both have).
 */

let f: Fixture;
let dir: string;
beforeAll(async () => {
  // The recorded functions: one returns the string "HelloWorld!", one returns its event.
  dir = mkdtempSync(join(tmpdir(), 'test-state-scenarios-'));
  writeFileSync(join(dir, 'hello.js'), 'exports.handler = async () => "HelloWorld!";\n');
  writeFileSync(join(dir, 'identity.js'), 'exports.handler = async (event) => event;\n');
  f = await openFixture({
    lambdas: [
      ...fixtureLambdas(),
      { functionName: 'hello', modulePath: join(dir, 'hello.js'), isolation: 'inline' },
      { functionName: 'identity', modulePath: join(dir, 'identity.js'), isolation: 'inline' },
    ],
  });
});
afterAll(async () => {
  await f.close();
  rmSync(dir, { recursive: true, force: true });
});

const T = (o: unknown) => JSON.stringify(o);
const LEVELS = ['INFO', 'DEBUG', 'TRACE'] as const;
const HELLO = '{"Value":"HelloWorld"}';
const NESTED = T({ initialData: { fieldFromInput: 'value from input', otherField: 'other' }, unrelatedData: { someOtherField: 1234 } });
const MODIFIED = T({ initialData: { fieldFromInput: 'value from input', otherField: 'other' }, unrelatedData: { someOtherField: 1234 }, modifiedData: { staticValue: 'some value', inputValue: 'value from input' } });
const RESULT_MODIFIED = T({ initialData: { fieldFromInput: 'value from input', otherField: 'other' }, unrelatedData: { someOtherField: 1234 }, modifiedData: { resultKey: 'result value' } });
const CHOICE_INPUT = '{"type":"Private","value":22}';

/** Each recorded template: its state, input, and the response at INFO plus the inspectionData DEBUG and TRACE add. */
const BASE_CASES: Record<string, { state: object; input: string; info: object; data: object }> = {
  BASE_PASS_STATE: {
    state: { Type: 'Pass', End: true },
    input: HELLO,
    info: { status: 'SUCCEEDED', output: HELLO },
    data: { afterInputPath: HELLO, afterParameters: HELLO, afterResultSelector: HELLO, afterResultPath: HELLO },
  },
  BASE_RESULT_PASS_STATE: {
    state: { Type: 'Pass', Result: { resultKey: 'result value' }, End: true },
    input: HELLO,
    info: { status: 'SUCCEEDED', output: '{"resultKey":"result value"}' },
    data: { result: '{"resultKey":"result value"}', afterResultSelector: '{"resultKey":"result value"}', afterResultPath: '{"resultKey":"result value"}' },
  },
  IO_PASS_STATE: {
    state: { Type: 'Pass', InputPath: '$.initialData', Parameters: { staticValue: 'some value', 'inputValue.$': '$.fieldFromInput' }, ResultPath: '$.modifiedData', End: true },
    input: NESTED,
    info: { status: 'SUCCEEDED', output: MODIFIED },
    data: {
      afterInputPath: '{"fieldFromInput":"value from input","otherField":"other"}',
      afterParameters: '{"staticValue":"some value","inputValue":"value from input"}',
      afterResultSelector: '{"staticValue":"some value","inputValue":"value from input"}',
      afterResultPath: MODIFIED,
    },
  },
  IO_RESULT_PASS_STATE: {
    state: { Type: 'Pass', InputPath: '$.initialData', Parameters: { staticValue: 'some value', 'inputValue.$': '$.fieldFromInput' }, Result: { resultKey: 'result value' }, ResultPath: '$.modifiedData', End: true },
    input: NESTED,
    info: { status: 'SUCCEEDED', output: RESULT_MODIFIED },
    data: { result: '{"resultKey":"result value"}', afterResultSelector: '{"resultKey":"result value"}', afterResultPath: RESULT_MODIFIED },
  },
  BASE_FAIL_STATE: {
    state: { Type: 'Fail', Error: 'SomeFailure', Cause: "This state machines raises a 'SomeFailure' failure." },
    input: HELLO,
    info: { status: 'FAILED', error: 'SomeFailure', cause: "This state machines raises a 'SomeFailure' failure." },
    data: { afterInputPath: HELLO },
  },
  BASE_SUCCEED_STATE: { state: { Type: 'Succeed' }, input: HELLO, info: { status: 'SUCCEEDED', output: HELLO }, data: { afterInputPath: HELLO } },
  BASE_CHOICE_STATE: {
    state: {
      Type: 'Choice',
      Choices: [
        { Not: { Variable: '$.type', StringEquals: 'Private' }, Next: 'Public' },
        { Variable: '$.value', NumericEquals: 0, Next: 'ValueIsZero' },
        { And: [{ Variable: '$.value', NumericGreaterThanEquals: 20 }, { Variable: '$.value', NumericLessThan: 30 }], Next: 'ValueInTwenties' },
      ],
      Default: 'DefaultState',
    },
    input: CHOICE_INPUT,
    info: { status: 'SUCCEEDED', nextState: 'ValueInTwenties', output: CHOICE_INPUT },
    data: { afterInputPath: CHOICE_INPUT },
  },
};

describe.each(LEVELS)('test_base_inspection_level [%s]', (level) => {
  test.each(Object.keys(BASE_CASES))('%s', async (name) => {
    const c = BASE_CASES[name]!;
    const out = await f.ops.TestState({ definition: T(c.state), roleArn: ROLE, input: c.input, inspectionLevel: level });
    expect(out).toEqual({ ...c.info, ...(level === 'INFO' ? {} : { inspectionData: { input: c.input, ...c.data } }) });
  });
});

describe.each(LEVELS)('Lambda tasks [%s]', (level) => {
  test('test_base_lambda_task_state: a function ARN whose function returns a string', async () => {
    const out = await f.ops.TestState({ definition: T({ Type: 'Task', Resource: fn('hello'), End: true }), roleArn: ROLE, input: '{"inputData":"HelloWorld"}', inspectionLevel: level });
    const result = '"HelloWorld!"';
    const data = { input: '{"inputData":"HelloWorld"}', afterInputPath: '{"inputData":"HelloWorld"}', afterParameters: '{"inputData":"HelloWorld"}', result, afterResultSelector: result, afterResultPath: result };
    expect(out).toEqual({ status: 'SUCCEEDED', output: result, ...(level === 'INFO' ? {} : { inspectionData: data }) });
  });

  test('test_base_lambda_service_task_state: lambda:invoke of an identity function with a null Payload', async () => {
    const input = T({ FunctionName: 'identity', Payload: null });
    const out = await f.ops.TestState({ definition: T({ Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true }), roleArn: ROLE, input, inspectionLevel: level });
    expect(out.status).toBe('SUCCEEDED');
    expect(JSON.parse(out.output!)).toMatchObject({ ExecutedVersion: '$LATEST', Payload: {}, StatusCode: 200 });
    if (level === 'INFO') return expect(out.inspectionData).toBeUndefined();
    expect(out.inspectionData).toMatchObject({ input, afterInputPath: input, afterParameters: input, result: out.output, afterResultSelector: out.output, afterResultPath: out.output });
  });
});

test('test_base_lambda_service_task_state_no_role_arn_validation: a Task that would call its integration needs a role', async () => {
  const definition = T({ Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true });
  await expect(f.ops.TestState({ definition, input: T({ FunctionName: 'identity', Payload: null }), inspectionLevel: 'TRACE' })).rejects.toMatchObject({
    code: 'ValidationException',
    message: 'RoleArn must be specified when testing a Task state',
  });
});

/** BASE_MAP_STATE: a JSONata Distributed Map whose Output is all of $states. */
const BASE_MAP_STATE = {
  Comment: 'BASE_MAP_STATE',
  Type: 'Map',
  QueryLanguage: 'JSONata',
  Items: '{% $states.input.Values %}',
  ItemProcessor: {
    ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
    StartAt: 'TestState',
    States: { TestState: { Type: 'Task', QueryLanguage: 'JSONata', Resource: 'arn:aws:states:::lambda:invoke', Arguments: { FunctionName: 'foo', Payload: 'bar' }, End: true } },
  },
  Output: '{% $states %}',
  End: true,
};

describe.each(LEVELS)('test_base_map_state_inspect [%s]: a setting given as a JSONata expression is reported evaluated', (level) => {
  test.each<[string, object]>([
    ['MaxConcurrency', { maxConcurrency: 1 }],
    ['ToleratedFailurePercentage', { maxConcurrency: 0, toleratedFailurePercentage: 1 }],
    ['ToleratedFailureCount', { maxConcurrency: 0, toleratedFailureCount: 1 }],
  ])('%s', async (field, settings) => {
    const input = '{"Values": [1, 2, 3]}';
    const out = await f.ops.TestState({ definition: T({ ...BASE_MAP_STATE, [field]: '{% $variable := 1 %}' }), roleArn: ROLE, input, inspectionLevel: level, mock: { result: '[1, 1, 1]' } });
    expect(out.status).toBe('SUCCEEDED');
    expect(out.inspectionData).toEqual(level === 'INFO' ? undefined : { input, ...settings });
    const states = JSON.parse(out.output!) as { input: unknown; context: { State: unknown }; result: unknown };
    expect(Object.keys(states)).toEqual(['input', 'context', 'result']);
    expect(states).toMatchObject({ input: { Values: [1, 2, 3] }, result: [1, 1, 1] });
    expect(states.context.State).toEqual({ Name: 'StateName', EnteredTime: expect.any(String), RetryCount: 0 });
  });
});

describe.each(LEVELS)('test_state_task_catch_error [%s]', (level) => {
  const BASE_TASK_STATE_CATCH = {
    Type: 'Task',
    QueryLanguage: 'JSONata',
    Resource: 'arn:aws:states:::lambda:invoke',
    Arguments: { FunctionName: 'foo', Payload: 'bar' },
    Catch: [
      { ErrorEquals: ['MockException'], Output: '{% $states %}', Next: 'HandleMockError' },
      { ErrorEquals: ['States.ALL'], Output: '{% $states %}', Next: 'HandleThreshold' },
    ],
    End: true,
  };
  test.each<[string, string, string, number]>([
    ['MockException', 'Mock the cause of the error.', 'HandleMockError', 0],
    ['States.TaskFailed', 'The task failed.', 'HandleThreshold', 1],
  ])('%s is caught', async (error, cause, nextState, catchIndex) => {
    const out = await f.ops.TestState({ definition: T(BASE_TASK_STATE_CATCH), roleArn: ROLE, input: HELLO, inspectionLevel: level, mock: { errorOutput: { error, cause } } });
    const data = { input: HELLO, afterArguments: '{"FunctionName":"foo","Payload":"bar"}', errorDetails: { catchIndex } };
    expect(out).toEqual({ status: 'CAUGHT_ERROR', error, cause, nextState, output: out.output, ...(level === 'INFO' ? {} : { inspectionData: data }) });
    const states = JSON.parse(out.output!) as Record<string, { State?: unknown }>;
    expect(Object.keys(states)).toEqual(['input', 'context', 'errorOutput']);
    expect(states).toMatchObject({ input: { Value: 'HelloWorld' }, errorOutput: { Error: error, Cause: cause } });
    expect(states.context!.State).toEqual({ Name: 'StateName', EnteredTime: expect.any(String), RetryCount: 0 });
  });
});

describe('test_state_with_variables', () => {
  const input = '{"input_values":[1,2,3]}';

  test('base_expressions: a JSONata Pass reads $states and the variables given; inspectionData shows them', async () => {
    const state = {
      Type: 'Pass',
      QueryLanguage: 'JSONata',
      Output: { ja_states_context: '{% $states.context %}', ja_states_input: '{% $states.input %}', ja_var_access: '{% $var_input_value %}', ja_expr: '{% $var_constant_1 + $sum($states.input.input_values) %}' },
      End: true,
    };
    const out = await f.ops.TestState({ definition: T(state), input, variables: '{"var_input_value":"test_value","var_constant_1":10}', inspectionLevel: 'DEBUG' });
    expect(out.inspectionData).toEqual({ input, variables: '{"var_input_value":"test_value","var_constant_1":10}' });
    const output = JSON.parse(out.output!) as { ja_states_context: { Execution: Record<string, unknown>; State: unknown } };
    expect(output).toMatchObject({ ja_states_input: { input_values: [1, 2, 3] }, ja_var_access: 'test_value', ja_expr: 16 });
    expect(Object.keys(output.ja_states_context)).toEqual(['Execution', 'StateMachine', 'State']);
    expect(output.ja_states_context.Execution).toMatchObject({ Input: { input_values: [1, 2, 3] }, RoleArn: null });
    // A Pass state's context has no RetryCount.
    expect(output.ja_states_context.State).toEqual({ Name: 'StateName', EnteredTime: expect.any(String) });
  });

  test('empty_variables: constants are output as they are, and no variables are shown', async () => {
    const constants = {
      constant_null: null,
      constant_int: 0,
      constant_float: 0.1,
      constant_bool: true,
      constant_str: 'constant string',
      constant_not_jsonata: ' {% states.input %} ',
      constant_varpath_states: '$states.input',
      constant_varpath: '$no.such.var.path',
      constant_jp_input: '$',
      'constant_jp_input.$': '$',
      constant_jp_input_path: '$.input_value',
      constant_jp_context: '$$',
      constant_if: "States.Format('Format:{}', 101)",
      constant_lst_empty: [],
      constant_lst: [null, 0, 0.1, true, [], { constant: 0 }, ' {% states.input %} ', '$states.input', '$no.such.var.path'],
      constant_obj_empty: {},
      constant_obj: { in_obj_constant_null: null, in_obj_constant_int: 0, in_obj_constant_float: 0.1, in_obj_constant_bool: true, in_obj_constant_str: 'constant string' },
    };
    const out = await f.ops.TestState({ definition: T({ Type: 'Pass', QueryLanguage: 'JSONata', Output: constants, End: true }), input, inspectionLevel: 'DEBUG' });
    expect(out).toEqual({ status: 'SUCCEEDED', output: T(constants), inspectionData: { input } });
  });
});

describe('test_state_map_context_object: a mocked JSONPath Map reads its ItemsPath from the given context', () => {
  const input = '["fire", "electricity", "grass"]';
  const mock = { result: '["CHARIZARD", "PIKACHU", "BULBASAUR"]' };
  const map = (itemsPath: string) => T({ Type: 'Map', ItemsPath: itemsPath, ItemProcessor: { StartAt: 'Upper', States: { Upper: { Type: 'Pass', End: true } } }, MaxConcurrency: 1, End: true });
  // Sent as the recorded test sends it: Python's json.dumps, with its spaces.
  const contextText = pythonJson(CONTEXT);
  const at = (itemsPath: string) => f.ops.TestState({ definition: map(itemsPath), input, inspectionLevel: 'TRACE', context: contextText, mock });

  test.each([
    ['$$', '$'],
    ['$$.Execution.Input', '$.Execution.Input'],
  ])('%s is no array: States.Runtime naming %s', async (itemsPath, shown) => {
    expect(await at(itemsPath)).toEqual({ status: 'FAILED', error: 'States.Runtime', cause: `Reference path "${shown}" must point to array.`, inspectionData: { input, afterInputPath: input } });
  });

  test('$$.Execution.Input.values: the mock text is the result and the output', async () => {
    const out = await at('$$.Execution.Input.values');
    expect(out).toEqual({
      status: 'SUCCEEDED',
      output: mock.result,
      // afterItemsPath keeps the given context's own spaces.
      inspectionData: { input, afterInputPath: input, afterItemsPath: '["charizard", "pikachu", "bulbasaur"]', afterResultSelector: mock.result, afterResultPath: mock.result, maxConcurrency: 1 },
    });
  });
});
