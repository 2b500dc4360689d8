import { fileFixture, ROLE } from './service-fixture';

/**
 * TestState's stateConfiguration (mapIterationFailureCount, errorCausedByState, mapItemReaderData,
 * retrierRetryCount) with mocked Maps and Tasks, as recorded on AWS in localstack's
 * tests/aws/services/stepfunctions/v2/test_state/test_state_configuration.snapshot.json.
 */

const f = fileFixture();

const T = (o: unknown) => JSON.stringify(o);
/** The input as the tests send it (Python's json.dumps, with its spaces). */
const DEFAULT_INPUT = '{"Values": ["first", "second", "third"]}';
const LEVELS = ['INFO', 'DEBUG', 'TRACE'] as const;
type Level = (typeof LEVELS)[number];

const distributed = (inner: object, start = 'TestState') => ({ ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: start, States: { [start]: inner } });
const lambdaFoo = { Type: 'Task', QueryLanguage: 'JSONata', Resource: 'arn:aws:states:::lambda:invoke', Arguments: { FunctionName: 'foo', Payload: 'bar' }, End: true };
const helloFunction = { Type: 'Task', Resource: 'arn:aws:lambda:your-region:your-account-id:function:yourHelloWorldFunction', End: true };

const BASE_MAP_STATE = { Comment: 'BASE_MAP_STATE', Type: 'Map', QueryLanguage: 'JSONata', Items: '{% $states.input.Values %}', ItemProcessor: distributed(lambdaFoo), Output: '{% $states %}', End: true };
const BASE_MAP_STATE_CATCH = {
  Comment: 'BASE_MAP_STATE_CATCH',
  Type: 'Map',
  QueryLanguage: 'JSONata',
  Items: '{% $states.input.Values %}',
  ItemProcessor: distributed(helloFunction),
  Catch: [
    { ErrorEquals: ['MockException'], Output: '{% $states %}', Next: 'HandleMockError' },
    { ErrorEquals: ['States.ExceedToleratedFailureThreshold'], Output: '{% $states %}', Next: 'HandleThreshold' },
  ],
  ToleratedFailureCount: 1,
  End: true,
};
const BASE_MAP_STATE_RETRY = {
  Comment: 'BASE_MAP_STATE_RETRY',
  Type: 'Map',
  QueryLanguage: 'JSONata',
  Items: '{% $states.input.Values %}',
  ItemProcessor: distributed(helloFunction),
  Retry: [
    { ErrorEquals: ['MockException'], MaxAttempts: 3 },
    { ErrorEquals: ['States.ExceedToleratedFailureThreshold'], MaxAttempts: 2 },
  ],
  ToleratedFailureCount: 1,
  End: true,
};
const MAP_TASK_STATE = {
  Comment: 'MAP_TASK_STATE',
  Type: 'Map',
  QueryLanguage: 'JSONata',
  Items: '{% $states.input.Values %}',
  ItemProcessor: distributed(lambdaFoo),
  Output: {
    result: "{% $map($states.result, function($v) { $v = 1 ? 'pass' : 'failed' }) %}",
    successCount: '{% $count($states.result[$ = 1]) %}',
    failedCount: '{% $count($states.result[$ = 0]) %}',
  },
  ToleratedFailureCount: 1,
  Retry: BASE_MAP_STATE_RETRY.Retry,
  Catch: [
    { ErrorEquals: ['States.ExceedToleratedFailureThreshold'], Output: '{% $states %}', Next: 'HandleThresholdExceeded' },
    { ErrorEquals: ['MockException'], Output: '{% $states %}', Next: 'HandleMockException' },
  ],
  End: true,
};

const run = (state: object, level: Level, extra: object) => f.ops.TestState({ definition: T(state), roleArn: ROLE, input: DEFAULT_INPUT, inspectionLevel: level, ...extra });
const inspected = (level: Level, data: object) => (level === 'INFO' ? {} : { inspectionData: { input: DEFAULT_INPUT, ...data } });
const THRESHOLD = { error: 'States.ExceedToleratedFailureThreshold', cause: 'The specified tolerated failure threshold was exceeded' };
const VALUES = ['first', 'second', 'third'];

/** $states after a mocked Map: its input, TestState's own context object (with a RetryCount, as for a Task), and the result or error. */
function expectStates(output: string | undefined, last: Record<string, unknown>): void {
  const states = JSON.parse(output!) as { input: unknown; context: { Execution: Record<string, unknown>; StateMachine: Record<string, unknown>; State: Record<string, unknown> } };
  expect(Object.keys(states)).toEqual(['input', 'context', ...Object.keys(last)]);
  expect(states).toMatchObject({ input: { Values: VALUES }, ...last });
  expect(Object.keys(states.context)).toEqual(['Execution', 'StateMachine', 'State']);
  expect(states.context.Execution).toMatchObject({ Input: { Values: VALUES }, RoleArn: ROLE });
  expect(states.context.State).toEqual({ Name: 'StateName', EnteredTime: expect.any(String), RetryCount: 0 });
}

describe.each(LEVELS)('test_map_state_failure_count[%s]', (level) => {
  const below = { stateConfiguration: { mapIterationFailureCount: 0 }, mock: { result: '[1, 1, 1]' } };
  const exceeds = { stateConfiguration: { mapIterationFailureCount: 2 }, mock: { result: '[0, 0, 1]' } };

  test('BASE_MAP_STATE: no tolerance declared, so no count exceeds it', async () => {
    for (const [config, result] of [[below, [1, 1, 1]], [exceeds, [0, 0, 1]]] as const) {
      const out = await run(BASE_MAP_STATE, level, config);
      expect(out).toMatchObject({ status: 'SUCCEEDED', ...inspected(level, { maxConcurrency: 0 }) });
      expect(out.inspectionData ?? null).toEqual(level === 'INFO' ? null : { input: DEFAULT_INPUT, maxConcurrency: 0 });
      expectStates(out.output, { result });
    }
  });

  test('BASE_MAP_STATE_CATCH: the mock text is the output; past the tolerance the second Catch takes it', async () => {
    expect(await run(BASE_MAP_STATE_CATCH, level, below)).toEqual({ status: 'SUCCEEDED', output: '[1, 1, 1]', ...inspected(level, { maxConcurrency: 0, toleratedFailureCount: 1 }) });
    const caught = await run(BASE_MAP_STATE_CATCH, level, exceeds);
    expect(caught).toEqual({ status: 'CAUGHT_ERROR', ...THRESHOLD, nextState: 'HandleThreshold', output: caught.output, ...inspected(level, { maxConcurrency: 0, toleratedFailureCount: 1, errorDetails: { catchIndex: 1 } }) });
    expectStates(caught.output, { errorOutput: { Error: THRESHOLD.error, Cause: THRESHOLD.cause } });
  });

  test('BASE_MAP_STATE_RETRY and MAP_TASK_STATE: past the tolerance the second Retry will retry it in a second', async () => {
    const retriable = { status: 'RETRIABLE', ...THRESHOLD, ...inspected(level, { maxConcurrency: 0, toleratedFailureCount: 1, errorDetails: { retryIndex: 1, retryBackoffIntervalSeconds: 1 } }) };
    expect(await run(BASE_MAP_STATE_RETRY, level, below)).toEqual({ status: 'SUCCEEDED', output: '[1, 1, 1]', ...inspected(level, { maxConcurrency: 0, toleratedFailureCount: 1 }) });
    expect(await run(BASE_MAP_STATE_RETRY, level, exceeds)).toEqual(retriable);
    expect(await run(MAP_TASK_STATE, level, below)).toEqual({
      status: 'SUCCEEDED',
      output: '{"result":["pass","pass","pass"],"successCount":3,"failedCount":0}',
      ...inspected(level, { maxConcurrency: 0, toleratedFailureCount: 1 }),
    });
    expect(await run(MAP_TASK_STATE, level, exceeds)).toEqual(retriable);
  });
});

describe.each(LEVELS)('errorCausedByState [%s]', (level) => {
  const mockError = { errorOutput: { error: 'MockException', cause: 'Mock the error cause.' } };
  const failed = { status: 'FAILED', error: 'MockException', cause: 'Mock the error cause.' };

  test('test_map_state_error_caused_by_state: the error of a state inside the Map fails it', async () => {
    const out = await f.ops.TestState({
      definition: T(BASE_MAP_STATE),
      roleArn: ROLE,
      input: '{"Values": [1, 1, 1]}',
      stateConfiguration: { errorCausedByState: 'TestState' },
      inspectionLevel: level,
      mock: { errorOutput: { error: 'MockException', cause: 'Mock the cause of the error.' } },
    });
    expect(out).toEqual({ status: 'FAILED', error: 'MockException', cause: 'Mock the cause of the error.', ...(level === 'INFO' ? {} : { inspectionData: { input: '{"Values": [1, 1, 1]}', maxConcurrency: 0 } }) });
  });

  test('test_state_configuration_map_iteration_failure_count_with_state_error: the count does not change a mocked error', async () => {
    for (const count of [0, 2]) {
      expect(await run(BASE_MAP_STATE, level, { stateConfiguration: { mapIterationFailureCount: count, errorCausedByState: 'TestState' }, mock: mockError })).toEqual({
        ...failed,
        ...inspected(level, { maxConcurrency: 0 }),
      });
    }
  });

  test('test_state_machine_with_state_error: a JSONPath Map of a state machine reports its input path and items', async () => {
    const machine = {
      StartAt: 'State0',
      States: { State0: { Type: 'Map', ItemsPath: '$.Values', ItemProcessor: distributed({ Type: 'Pass', End: true }, 'HandleItem'), ToleratedFailureCount: 2, End: true } },
    };
    for (const count of [0, 2]) {
      const out = await f.ops.TestState({ stateName: 'State0', definition: T(machine), roleArn: ROLE, input: DEFAULT_INPUT, stateConfiguration: { mapIterationFailureCount: count, errorCausedByState: 'HandleItem' }, inspectionLevel: level, mock: mockError });
      expect(out).toMatchObject(failed);
      if (level === 'INFO') expect(out.inspectionData).toBeUndefined();
      // afterItemsPath keeps the input's own spaces.
      else expect(out.inspectionData).toEqual({ input: DEFAULT_INPUT, afterInputPath: DEFAULT_INPUT, afterItemsPath: '["first", "second", "third"]', maxConcurrency: 0, toleratedFailureCount: 2 });
    }
  });
});

describe.each(LEVELS)('mapItemReaderData [%s]', (level) => {
  const READER_MACHINE = {
    Comment: 'MAP_ITEM_READER_STATE_MACHINE',
    QueryLanguage: 'JSONata',
    StartAt: 'State0',
    States: {
      State0: {
        Type: 'Map',
        MaxConcurrency: 1,
        ItemReader: { ReaderConfig: { InputType: 'JSON' }, Resource: 'arn:aws:states:::s3:getObject', Arguments: { Bucket: '{% $states.input.Bucket %}', Key: '{% $states.input.Key %}' } },
        ItemProcessor: distributed({ Type: 'Pass', End: true }, 'HandleItem'),
        End: true,
      },
    },
  };
  const input = '{"Bucket": "test-bucket", "Key": "test-key"}';
  const at = (extra: object) => f.ops.TestState({ stateName: 'State0', definition: T(READER_MACHINE), roleArn: ROLE, input, inspectionLevel: level, ...extra });
  const data = level === 'INFO' ? {} : { inspectionData: { input, maxConcurrency: 1 } };

  test('test_state_machine_configuration_map_iteration_item_reader: the mock text is the output', async () => {
    expect(await at({ stateConfiguration: { mapItemReaderData: '[1, 2, 3]' }, mock: { result: '[1, 4, 9]' } })).toEqual({ status: 'SUCCEEDED', output: '[1, 4, 9]', ...data });
  });

  test('test_state_machine_configuration_item_reader_with_error', async () => {
    for (const count of [0, 2]) {
      expect(
        await at({ stateConfiguration: { mapIterationFailureCount: count, errorCausedByState: 'HandleItem', mapItemReaderData: '[1, 2, 3]' }, mock: { errorOutput: { error: 'MockException', cause: 'Mock the error cause.' } } }),
      ).toEqual({ status: 'FAILED', error: 'MockException', cause: 'Mock the error cause.', ...data });
    }
  });
});

describe.each(['DEBUG', 'TRACE'] as const)('test_state_configuration_retrier_retry_count[%s]', (level) => {
  const BASE_TASK_STATE_RETRY = {
    Comment: 'BASE_TASK_STATE_RETRY',
    QueryLanguage: 'JSONata',
    Type: 'Task',
    Resource: 'arn:aws:states:::lambda:invoke',
    Arguments: { FunctionName: 'foo', Payload: 'bar' },
    Retry: [{ ErrorEquals: ['MockException'], IntervalSeconds: 1, MaxAttempts: 5, BackoffRate: 2.0 }],
    End: true,
  };
  const error = { error: 'MockException', cause: 'Mock the cause of the error.' };
  const at = (retrierRetryCount: number) => run(BASE_TASK_STATE_RETRY, level, { stateConfiguration: { retrierRetryCount }, mock: { errorOutput: error } });
  const data = (errorDetails: object) => ({ input: DEFAULT_INPUT, afterArguments: '{"FunctionName":"foo","Payload":"bar"}', errorDetails });

  test('four retries spent: the fifth waits 1 × 2^4 seconds; five spent: the Retry gives up', async () => {
    expect(await at(4)).toEqual({ status: 'RETRIABLE', ...error, inspectionData: data({ retryIndex: 0, retryBackoffIntervalSeconds: 16 }) });
    expect(await at(5)).toEqual({ status: 'FAILED', ...error, inspectionData: data({ retryIndex: 0 }) });
  });
});
