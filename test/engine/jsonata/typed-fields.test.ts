import type { Json } from '../../../lib/asl';
import {
  evaluateJsonataArray,
  evaluateJsonataCondition,
  evaluateJsonataInteger,
  evaluateJsonataNumber,
  evaluateJsonataString,
} from '../../../lib/engine/jsonata';
import { bindingsFor, failureOf } from './jsonata-fixture';

const input = { n: 5, s: 'abc', obj: { a: 1 }, list: [1, 2], t: '2024-01-01T00:00:00Z', yes: true };
const b = () => bindingsFor({ input, state: { name: 'E', enteredEventId: 2 } });
const PREFIX = "An error occurred while executing the state 'E' (entered at the event id #2). ";

describe('evaluateJsonataCondition', () => {
  it.each<[string | boolean, boolean]>([
    [true, true],
    [false, false],
    ['{% $states.input.n > 3 %}', true],
    ['{% $states.input.n > 30 %}', false],
    ['{% $states.input.yes %}', true],
  ])('%j -> %s', async (condition, expected) => {
    await expect(evaluateJsonataCondition(condition, b())).resolves.toBe(expected);
  });

  it('fails on nothing, naming the rule (AWS, recorded: floci-io/floci#2665)', async () => {
    const failure = await failureOf(() => evaluateJsonataCondition('{% $states.input.missing %}', b(), 'Choices[1]/Condition'));
    expect(failure).toEqual({
      error: 'States.QueryEvaluationError',
      cause: `${PREFIX}The JSONata expression '$states.input.missing' specified for the field 'Choices[1]/Condition' returned nothing (undefined).`,
      location: 'Choices[1]/Condition',
    });
  });

  it.each<[string, string]>([
    ['$states.input.n', "'number' for value: 5"],
    ['$states.input.s', `'string' for value: "abc"`],
    ['$states.input.obj', `'object' for value: {"a":1}`],
    ['$states.input.list', "'array' for value: [1,2]"],
    ['null', "'null' for value: null"],
  ])('fails on the non-boolean %s', async (expression, was) => {
    const failure = await failureOf(() => evaluateJsonataCondition(`{% ${expression} %}`, b()));
    expect(failure.cause).toBe(
      `${PREFIX}The JSONata expression '${expression}' specified for the field 'Condition' returned an unexpected result type. Expected 'boolean', but was ${was}`,
    );
  });
});

describe('evaluateJsonataArray (Map Items)', () => {
  it('returns the array an expression yields', async () => {
    await expect(evaluateJsonataArray('{% $states.input.list %}', 'Items', b())).resolves.toEqual([1, 2]);
  });

  it('evaluates a literal array template', async () => {
    await expect(evaluateJsonataArray(['{% $states.input.n %}', 'x'], 'Items', b())).resolves.toEqual([5, 'x']);
  });

  // The wording AWS answered on a real execution ("... Expected 'array', but was 'object'"), with the value as localstack records it.
  it.each<[string, string]>([
    ['$states.input.obj', `'object' for value: {"a":1}`],
    ['$states.input.s', `'string' for value: "abc"`],
    ['$states.input.n', "'number' for value: 5"],
    ['null', "'null' for value: null"],
  ])('fails on the non-array %s', async (expression, was) => {
    const failure = await failureOf(() => evaluateJsonataArray(`{% ${expression} %}`, 'Items', b()));
    expect(failure.cause).toBe(
      `${PREFIX}The JSONata expression '${expression}' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was ${was}`,
    );
    expect(failure.location).toBe('Items');
  });

  it('fails on nothing (AWS, recorded)', async () => {
    const failure = await failureOf(() => evaluateJsonataArray('{% $states.input.missing %}', 'Items', b()));
    expect(failure.cause).toBe(`${PREFIX}The JSONata expression '$states.input.missing' specified for the field 'Items' returned nothing (undefined).`);
  });
});

describe('evaluateJsonataInteger and evaluateJsonataNumber', () => {
  it.each<[Json, string, number]>([
    [30, 'TimeoutSeconds', 30],
    ['{% $states.input.n * 2 %}', 'TimeoutSeconds', 10],
    ['{% $states.input.n %}', 'HeartbeatSeconds', 5],
    ['{% 0 %}', 'Seconds', 0],
    ['{% 0 %}', 'MaxConcurrency', 0],
    ['{% 3 %}', 'ToleratedFailureCount', 3],
  ])('%j in %s -> %d', async (value, field, expected) => {
    await expect(evaluateJsonataInteger(value, field, b())).resolves.toBe(expected);
  });

  it('accepts a fractional ToleratedFailurePercentage', async () => {
    await expect(evaluateJsonataNumber('{% 12.5 %}', 'ToleratedFailurePercentage', b())).resolves.toBe(12.5);
  });

  it.each<[string, string, string]>([
    ['TimeoutSeconds', '"5"', `returned an unexpected result type. Expected 'integer', but was 'string' for value: "5"`],
    ['TimeoutSeconds', '2.5', "returned an unexpected result type. Expected 'integer', but was 'number' for value: 2.5"],
    ['TimeoutSeconds', '0', 'returned an out of range value. Expected an integer between 1 and 99999999, but was: 0'],
    ['HeartbeatSeconds', '-1', 'returned an out of range value. Expected an integer between 1 and 99999999, but was: -1'],
    ['Seconds', '-1', 'returned an out of range value. Expected an integer between 0 and 99999999, but was: -1'],
    ['MaxConcurrency', '-1', 'returned an out of range value. Expected an integer greater than or equal to 0, but was: -1'],
    ['ToleratedFailureCount', 'true', "returned an unexpected result type. Expected 'integer', but was 'boolean' for value: true"],
  ])('%s = {%% %s %%} fails', async (field, expression, problem) => {
    const failure = await failureOf(() => evaluateJsonataInteger(`{% ${expression} %}`, field, b()));
    expect(failure).toEqual({
      error: 'States.QueryEvaluationError',
      cause: `${PREFIX}The JSONata expression '${expression}' specified for the field '${field}' ${problem}`,
      location: field,
    });
  });

  it('takes bounds from the last segment of a nested field, or from the caller', async () => {
    const nested = await failureOf(() => evaluateJsonataInteger('{% -3 %}', 'ItemReader/ReaderConfig/MaxItems', b()));
    expect(nested.cause).toContain('Expected an integer greater than or equal to 0, but was: -3');
    await expect(evaluateJsonataInteger('{% 7 %}', 'Custom', b(), { min: 7, max: 7 })).resolves.toBe(7);
    const custom = await failureOf(() => evaluateJsonataInteger('{% 8 %}', 'Custom', b(), { max: 7 }));
    expect(custom.cause).toContain('Expected an integer less than or equal to 7, but was: 8');
  });

  it('fails on percentages over 100', async () => {
    const failure = await failureOf(() => evaluateJsonataNumber('{% 100.5 %}', 'ToleratedFailurePercentage', b()));
    expect(failure.cause).toContain('returned an out of range value. Expected a number between 0 and 100, but was: 100.5');
  });

  it('fails on nothing (AWS, recorded for Seconds and MaxConcurrency)', async () => {
    for (const field of ['Seconds', 'MaxConcurrency']) {
      const failure = await failureOf(() => evaluateJsonataInteger('{% $states.input.missing %}', field, b()));
      expect(failure.cause).toBe(`${PREFIX}The JSONata expression '$states.input.missing' specified for the field '${field}' returned nothing (undefined).`);
    }
  });

  it('refuses a literal of the wrong type as an engine bug (definition validation rejects it)', async () => {
    await expect(evaluateJsonataInteger('ten', 'TimeoutSeconds', b())).rejects.toBeInstanceOf(TypeError);
  });
});

describe('evaluateJsonataString', () => {
  it('evaluates a Fail state Error and Cause', async () => {
    await expect(evaluateJsonataString('{% "Err." & $states.input.s %}', 'Error', b())).resolves.toBe('Err.abc');
    await expect(evaluateJsonataString('Literal', 'Cause', b())).resolves.toBe('Literal');
    const failure = await failureOf(() => evaluateJsonataString('{% $states.input.obj %}', 'Cause', b()));
    expect(failure.cause).toBe(
      `${PREFIX}The JSONata expression '$states.input.obj' specified for the field 'Cause' returned an unexpected result type. Expected 'string', but was 'object' for value: {"a":1}`,
    );
  });
});
