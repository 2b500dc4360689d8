import { createHash } from 'node:crypto';
import type { Json } from '../../../lib/asl';
import { AwsJsonataFunctions, evaluateJsonataField } from '../../../lib/engine/jsonata';
import { bindingsFor, failureOf } from './jsonata-fixture';

/** AWS's added functions; behaviours beyond the AWS page were measured on AWS (floci-io/floci docs). */
const run = (expression: string, input: Json = {}) => evaluateJsonataField(`{% ${expression} %}`, 'Output', bindingsFor({ input }));
const causeOf = async (expression: string, input: Json = {}) => (await failureOf(() => run(expression, input))).cause;
const threw = (expression: string, tail: string) =>
  `The JSONata expression '${expression}' specified for the field 'Output' threw an error during evaluation. ${tail}`;
const nothing = (expression: string) => `The JSONata expression '${expression}' specified for the field 'Output' returned nothing (undefined).`;

describe('AWS JSONata functions', () => {
  it('declares the six functions AWS documents', () => {
    expect(Object.keys(AwsJsonataFunctions).sort()).toEqual(['hash', 'parse', 'partition', 'random', 'range', 'uuid']);
  });

  it.each<[string, Json, Json]>([
    // AWS docs examples.
    ['$partition([1,2,3,4], 2)', {}, [[1, 2], [3, 4]]],
    ['$partition([1,2,3,4,5], 2)', {}, [[1, 2], [3, 4], [5]]],
    ['$range(0, 10, 2)', {}, [0, 2, 4, 6, 8, 10]],
    ['$range(0, 5, 3)', {}, [0, 3]],
    ['$range(10, 0, -5)', {}, [10, 5, 0]],
    // Measured: arguments truncate towards zero; a missing chunk size is one chunk.
    ['$range(-1.7, 2, 1)', {}, [-1, 0, 1, 2]],
    ['$partition($states.input.items, 2.9)', { items: [1, 2, 3] }, [[1, 2], [3]]],
    ['$partition($states.input.items)', { items: [1, 2, 3] }, [[1, 2, 3]]],
    ['$partition([1,2,3], 10)', {}, [[1, 2, 3]]],
    // Measured: a one-element range is the bare number.
    ['$range(5, 5, 1)', {}, 5],
    ['$range(1, 2, 5)', {}, 1],
    ['$states.input.items ~> $partition(2)', { items: [1, 2, 3] }, [[1, 2], [3]]],
    ['$hash("input data", "MD5")', {}, createHash('md5').update('input data').digest('hex')],
    ['$hash("input data", "SHA-1")', {}, createHash('sha1').update('input data').digest('hex')],
    ['$hash("input data", "SHA-256")', {}, createHash('sha256').update('input data').digest('hex')],
    ['$hash("input data", "SHA-384")', {}, createHash('sha384').update('input data').digest('hex')],
    ['$hash("input data", "SHA-512")', {}, createHash('sha512').update('input data').digest('hex')],
    ['$hash("é", "MD5")', {}, createHash('md5').update('é', 'utf8').digest('hex')],
    ['$parse(\'{"a": [1, null, "x"]}\')', {}, { a: [1, null, 'x'] }],
    ['$parse("null")', {}, null],
    ['$parse($states.input.body).id', { body: '{"id": 7}' }, 7],
    // Measured on AWS: java.util.Random under the seed.
    ['$random(42)', {}, 0.7275636800328681],
    ['$random(42.9)', {}, 0.7275636800328681],
    ['$random(0)', {}, 0.730967787376657],
    ['$type($partition)', {}, 'function'],
  ])('%s', async (expression, input, expected) => {
    await expect(run(expression, input)).resolves.toEqual(expected);
  });

  it('draws unseeded $random() and $uuid() from the execution random source', async () => {
    const bindings = bindingsFor();
    await expect(evaluateJsonataField(['{% $random() %}', '{% $uuid() %}', '{% $random() %}'], 'Output', bindings)).resolves.toEqual([
      0.125,
      '00000000-0000-4000-8000-000000000001',
      0.875,
    ]);
  });

  it.each([
    // Measured: these evaluate to nothing, so the field fails.
    '$partition([1,2,3], 0)',
    '$partition([1,2,3], -0.5)',
    '$partition([], 2)',
    '$range(1, 5)',
    '$range(1, 5, 0)',
    '$range(5, 1, 1)',
    '$range(1, 5, -1)',
    '$hash("abc")',
    '$parse($states.input.missing)',
    '$eval',
  ])('%s returns nothing', async (expression) => {
    expect(await causeOf(expression)).toBe(nothing(expression));
  });

  it.each<[string, string]>([
    ['$partition("abc", 2)', 'T0412: Argument 1 of function "partition" must be an array of undefined'],
    ['$partition([1], -2)', 'D3137: Second argument must be zero or greater'],
    ['$partition([1], "2")', 'T0410: Argument 2 of function "partition" does not match function signature'],
    ['$partition([1], 2, 3)', 'T0410: Argument 3 of function "partition" does not match function signature'],
    ['$range("a", 2, 1)', 'T0410: Argument 1 of function "range" does not match function signature'],
    ['$range(1, 2, 1, 4)', 'T0410: Argument 4 of function "range" does not match function signature'],
    ['$range(1, 360146, 1)', ''],
    ['$hash(1, "MD5")', 'T0410: Argument 1 of function "hash" does not match function signature'],
    ['$hash("a", 5)', 'T0410: Argument 2 of function "hash" does not match function signature'],
    ['$hash("a", "sha256")', "D3137: Hash algorithm 'sha256' must be one of SHA-1, SHA-384, SHA-256, SHA-512, MD5"],
    ['$uuid(1)', 'T0410: Argument 1 of function "uuid" does not match function signature'],
    ['$random("x")', 'T0410: Argument 1 of function "random" does not match function signature'],
    ['$parse(1)', 'T0410: Argument 1 of function "parse" does not match function signature'],
    ['$parse("{")', 'D3137: Invalid JSON'],
    ['$parse("")', 'D3137: Invalid JSON'],
    ['$eval("1+1")', 'T1006: Attempted to invoke a non-function'],
  ])('%s fails', async (expression, tail) => {
    const expected = tail
      ? threw(expression, tail)
      : `The JSONata expression '${expression}' specified for the field 'Output' threw an error during evaluation: Expression evaluation memory limit exceeded: Check for excessive memory usage`;
    expect(await causeOf(expression)).toBe(expected);
  });

  it('builds the largest range AWS accepts', async () => {
    await expect(run('$count($range(1, 360145, 1))')).resolves.toBe(360145);
  });
});

describe('$formatNumber', () => {
  it('formats as jsonata does', async () => {
    await expect(run('$formatNumber(1234.5, "#,##0.00")')).resolves.toBe('1,234.50');
  });

  // floci-io/floci#2737: AWS answers D3086 for a picture without digits, where jsonata-js crashes.
  it.each<[string, string]>([
    ['$formatNumber(1, "x")', 'D3086: The sub-picture must not contain a passive character that is preceded by an active character and that is followed by another active character'],
    ['$formatNumber(1, "#;x")', 'D3086: The sub-picture must not contain a passive character that is preceded by an active character and that is followed by another active character'],
    ['$formatNumber(1, "")', "D3085: The mantissa part of a sub-picture must contain at least one character that is either an 'optional digit character' or a member of the 'decimal digit family'"],
  ])('%s fails', async (expression, tail) => {
    expect(await causeOf(expression)).toBe(threw(expression, tail));
  });
});

describe('Java long conversion of numeric arguments', () => {
  it('reads NaN as 0, as Java casts it', async () => {
    await expect(run('$random(0/0)')).resolves.toBe(0.730967787376657);
    expect(await causeOf('$partition([1,2], 0/0)')).toBe(nothing('$partition([1,2], 0/0)'));
  });
});

describe('$now() and $millis()', () => {
  it('report the state entered time from the context object, never the wall clock', async () => {
    const bindings = bindingsFor();
    await expect(evaluateJsonataField(['{% $now() %}', '{% $millis() %}'], 'Output', bindings)).resolves.toEqual([
      '2024-05-06T07:08:09.123Z',
      Date.parse('2024-05-06T07:08:09.123Z'),
    ]);
  });

  it('report bindings.now when the interpreter passes one', async () => {
    await expect(evaluateJsonataField('{% $now() %}', 'Output', bindingsFor({ now: '2030-01-01T00:00:00.000Z' }))).resolves.toBe(
      '2030-01-01T00:00:00.000Z',
    );
  });

  it('keep jsonata picture and timezone arguments', async () => {
    await expect(evaluateJsonataField('{% $now("[Y0001]-[M01]-[D01]", "+0100") %}', 'Output', bindingsFor())).resolves.toBe('2024-05-06');
  });

  it('also fill the date a partial $toMillis picture leaves out', async () => {
    await expect(evaluateJsonataField('{% $fromMillis($toMillis("10:30", "[H01]:[m01]")) %}', 'Output', bindingsFor())).resolves.toBe(
      '2024-05-06T10:30:00.000Z',
    );
  });

  it('keep jsonata signature checks', async () => {
    const { cause } = await failureOf(() => evaluateJsonataField('{% $now(1) %}', 'Output', bindingsFor()));
    expect(cause).toBe(threw('$now(1)', 'T0410: Argument 1 of function "now" does not match function signature'));
  });
});

describe('$shuffle', () => {
  it('draws from the execution random source, so a replay shuffles the same way', async () => {
    const first = await evaluateJsonataField('{% $shuffle([1, 2, 3, 4, 5]) %}', 'Output', bindingsFor());
    const again = await evaluateJsonataField('{% $shuffle([1, 2, 3, 4, 5]) %}', 'Output', bindingsFor());
    expect(again).toEqual(first);
    expect([...(first as number[])].sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('keeps jsonata behaviour for a single value and an empty array', async () => {
    await expect(run('$shuffle(5)')).resolves.toEqual([5]);
    await expect(run('$shuffle([])')).resolves.toEqual([]);
  });
});
