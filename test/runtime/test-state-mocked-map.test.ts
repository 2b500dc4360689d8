import { fileFixture, ROLE } from './service-fixture';

/**
 * A mocked Map's items and its configuration: an ItemReader's items are mapItemReaderData (its
 * ItemsPath is ignored), tolerated failure percentages count the items (not the mock, which a
 * ResultWriter makes an object), and errorCausedByState may name the tested state itself.
 */

const f = fileFixture();

const T = (o: unknown) => JSON.stringify(o);
const THRESHOLD = { error: 'States.ExceedToleratedFailureThreshold', cause: 'The specified tolerated failure threshold was exceeded' };
const distributed = { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'HandleItem', States: { HandleItem: { Type: 'Pass', End: true } } };
const reader = { Resource: 'arn:aws:states:::s3:getObject', ReaderConfig: { InputType: 'JSON' }, Parameters: { 'Bucket.$': '$.bucket', Key: 'items.json' } };

test('a JSONPath Distributed Map with an ItemReader reads mapItemReaderData, not its ItemsPath', async () => {
  const map = T({ Type: 'Map', ItemReader: reader, ItemProcessor: distributed, End: true });
  const out = await f.ops.TestState({ definition: map, roleArn: ROLE, input: '{"bucket":"x"}', stateConfiguration: { mapItemReaderData: '[1, 2, 3]' }, mock: { result: '[1, 2, 3]' } });
  expect(out).toEqual({ status: 'SUCCEEDED', output: '[1, 2, 3]' });
});

test('ToleratedFailurePercentage counts the items read through ItemsPath, also when a ResultWriter makes the mock an object', async () => {
  const map = (tolerance: number) =>
    T({
      Type: 'Map',
      ItemsPath: '$.items',
      ItemProcessor: distributed,
      ResultWriter: { Resource: 'arn:aws:states:::s3:putObject', Parameters: { Bucket: 'b', Prefix: 'p' } },
      ToleratedFailurePercentage: tolerance,
      End: true,
    });
  const run = (tolerance: number, failures: number) =>
    f.ops.TestState({ definition: map(tolerance), roleArn: ROLE, input: '{"items":[1,2,3]}', stateConfiguration: { mapIterationFailureCount: failures }, mock: { result: '{"MapRunArn":"arn"}' } });
  expect(await run(10, 3)).toEqual({ status: 'FAILED', ...THRESHOLD });
  // 1 of 3 is 33.3%: within 50%.
  expect(await run(50, 1)).toEqual({ status: 'SUCCEEDED', output: '{"MapRunArn":"arn"}' });
});

test("ToleratedFailurePercentage counts a JSONata Map's Items and an ItemReader's data, not the mock's length", async () => {
  const items = T({ Type: 'Map', QueryLanguage: 'JSONata', Items: '{% $states.input.values %}', ItemProcessor: distributed, ToleratedFailurePercentage: 20, End: true });
  const input = T({ values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] });
  // 1 failure of 10 items is 10%; of the mock's one entry it would be 100%.
  expect(await f.ops.TestState({ definition: items, roleArn: ROLE, input, stateConfiguration: { mapIterationFailureCount: 1 }, mock: { result: '[0]' } })).toEqual({ status: 'SUCCEEDED', output: '[0]' });
  expect(await f.ops.TestState({ definition: items, roleArn: ROLE, input, stateConfiguration: { mapIterationFailureCount: 3 }, mock: { result: '[0]' } })).toEqual({ status: 'FAILED', ...THRESHOLD });

  const read = T({ Type: 'Map', ItemReader: reader, ItemProcessor: distributed, ToleratedFailurePercentage: 20, End: true });
  const withData = (failures: number) =>
    f.ops.TestState({ definition: read, roleArn: ROLE, input: '{"bucket":"x"}', stateConfiguration: { mapItemReaderData: '[1,2,3,4,5,6,7,8,9,10]', mapIterationFailureCount: failures }, mock: { result: '[0]' } });
  expect(await withData(1)).toEqual({ status: 'SUCCEEDED', output: '[0]' });
  expect(await withData(3)).toEqual({ status: 'FAILED', ...THRESHOLD });
});

describe('errorCausedByState names the tested state by its own name', () => {
  const mock = { errorOutput: { error: 'MockException', cause: 'Mock the error cause.' } };
  const failed = { status: 'FAILED', error: 'MockException', cause: 'Mock the error cause.' };
  const inner = { Type: 'Map', ItemsPath: '$.items', ItemProcessor: distributed, End: true };

  test('in a state machine, the name stateName gives it; "StateName" is then no state of it', async () => {
    const machine = T({ StartAt: 'State0', States: { State0: inner } });
    const run = (errorCausedByState: string) => f.ops.TestState({ definition: machine, stateName: 'State0', roleArn: ROLE, input: '{"items":[1]}', stateConfiguration: { errorCausedByState }, mock });
    expect(await run('State0')).toEqual(failed);
    await expect(run('StateName')).rejects.toMatchObject({ code: 'ValidationException', message: "errorCausedByState 'StateName' is not a state of the tested state" });
  });

  test('a lone state is "StateName", as AWS names it', async () => {
    expect(await f.ops.TestState({ definition: T(inner), roleArn: ROLE, input: '{"items":[1]}', stateConfiguration: { errorCausedByState: 'StateName' }, mock })).toEqual(failed);
  });
});
