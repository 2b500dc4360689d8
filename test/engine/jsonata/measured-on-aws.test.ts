import type { Json } from '../../../lib/asl';
import { evaluateJsonataField } from '../../../lib/engine/jsonata';
import { bindingsFor, failureOf } from './jsonata-fixture';

/**
 * Values and causes that others measured on AWS (TestState and executions in us-east-1), one row
 * per expression, evaluated in the field Output/r as in those measurements.
 */
const run = (expression: string, input: Json = {}) =>
  evaluateJsonataField({ r: `{% ${expression} %}` }, 'Output', bindingsFor({ input })) as Promise<{ r: Json }>;
const causeOf = async (expression: string) => (await failureOf(() => run(expression))).cause;
const threw = (expression: string, tail: string) =>
  `The JSONata expression '${expression}' specified for the field 'Output/r' threw an error during evaluation. ${tail}`;

describe('$parse refuses what AWS refuses (floci-io/floci#2783, measured)', () => {
  it.each([
    ['an empty text', '$parse("")'],
    ['a blank text', '$parse("  ")'],
    ['a second document', '$parse("{\\"a\\":1}{\\"b\\":2}")'],
    ['two arrays', '$parse("[1,2] [3,4]")'],
    ['a repeated key', '$parse("{\\"a\\":1,\\"a\\":2}")'],
    ['a repeated key in a nested object', '$parse("[{\\"o\\":{\\"k\\":1,\\"k\\":2}}]")'],
    ['a number too large for a double', '$parse("1e400")'],
    ['a negative one inside an array', '$parse("[-1e400]")'],
  ])('%s', async (_name, expression) => {
    expect(await causeOf(expression)).toBe(threw(expression, 'D3137: Invalid JSON'));
  });

  it.each<[string, Json]>([
    // The same key in two objects, escaped keys that differ, and a string holding JSON are no repeat.
    ['$parse("{\\"a\\":{\\"b\\":1},\\"c\\":{\\"b\\":2}}")', { a: { b: 1 }, c: { b: 2 } }],
    ['$parse("[{\\"a\\":1},{\\"a\\":2}]")', [{ a: 1 }, { a: 2 }]],
    ['$parse("{\\"k\\\\\\"x\\":1,\\"k\\":2}")', { 'k"x': 1, k: 2 }],
    ['$parse("{\\"s\\":\\"{\\\\\\"a\\\\\\":1,\\\\\\"a\\\\\\":2}\\"}")', { s: '{"a":1,"a":2}' }],
    // Underflow is a number (0), not a refusal; field order and integer values are kept.
    ['$parse("1e-400")', 0],
    ['$parse("{\\"b\\":1,\\"a\\":2}")', { b: 1, a: 2 }],
    ['$parse("1.0")', 1],
    ['$parse("1e2")', 100],
    ['$exists($parse("null"))', true],
    ['$map(["{\\"a\\":1}", "{\\"a\\":2}"], $parse).a', [1, 2]],
  ])('%s is a value', async (expression, expected) => {
    await expect(run(expression)).resolves.toEqual({ r: expected });
  });
});

describe('$base64decode of text that is not base64 (floci-io/floci#2736, measured)', () => {
  it('fails with an internal error ending in a fresh id', async () => {
    const failure = await failureOf(() => run('$base64decode("!!!")'));
    expect(failure.error).toBe('States.QueryEvaluationError');
    expect(failure.cause).toBe(
      `The JSONata expression '$base64decode("!!!")' specified for the field 'Output/r' threw an internal error during evaluation. ` +
        '00000000-0000-4000-8000-000000000000',
    );
    expect(failure.location).toBe('Output/r');
  });

  it('refuses a text of impossible length too', async () => {
    expect(await causeOf('$base64decode("a")')).toMatch(/threw an internal error during evaluation\. [0-9a-f-]{36}$/);
  });

  it.each<[string, Json]>([
    ['$base64decode("aGVsbG8=")', 'hello'],
    ['$base64decode("aGVsbG8")', 'hello'],
    ['$base64decode(" aGVs bG8 ")', 'hello'],
    ['$map(["aGk="], $base64decode)', 'hi'],
  ])('%s decodes', async (expression, expected) => {
    await expect(run(expression)).resolves.toEqual({ r: expected });
  });

  it('keeps the signature check of jsonata', async () => {
    expect(await causeOf('$base64decode(1)')).toBe(
      threw('$base64decode(1)', 'T0410: Argument 1 of function "base64decode" does not match function signature'),
    );
  });
});

describe('values AWS answers (floci-io/floci#2662, #2664, #2669, #2783, measured)', () => {
  it.each<[string, Json, Json]>([
    ['$range(0, 6, 2)', {}, [0, 2, 4, 6]],
    ['$hash("input", "SHA-1")', {}, '140f86aae51ab9e1cda9b4254fe98a74eb54c1a1'],
    ['$parse("{\\"a\\":1}").a', {}, 1],
    ['$random(42)', {}, 0.7275636800328681],
    ['$random(7)', {}, 0.7306990420600421],
    ['$range(5, 1, -1.5)', {}, [5, 4, 3, 2, 1]],
    ['$range(-2.9, 0, 1)', {}, [-2, -1, 0]],
    ['$lookup($states.input, "bar")', { bar: null }, null],
    ['$string(1e20)', {}, '100000000000000000000'],
    ['$string(-1.5e20)', {}, '-150000000000000000000'],
    ['$string(1e21)', {}, '1e+21'],
    ['$string(-1e21)', {}, '-1e+21'],
    ['$string(1e-6)', {}, '0.000001'],
    ['$string(1e-7)', {}, '1e-7'],
    ['$string(1/3)', {}, '0.333333333333333'],
    ['$string({"n": 1e20})', {}, '{"n":100000000000000000000}'],
    ['$map([1e20, 1e21], $string)', {}, ['100000000000000000000', '1e+21']],
    ['1e308 * 10', {}, 'Infinity'],
    ['[$parseInteger("abc", "0")]', {}, ['NaN']],
    ['$parseInteger("123", "0")', {}, 123],
  ])('%s', async (expression, input, expected) => {
    await expect(run(expression, input)).resolves.toEqual({ r: expected });
  });
});

describe('causes AWS gives (floci-io/floci#2668, #2783, measured)', () => {
  it.each<[string, string]>([
    ['$split("a","b",-1)', 'D3020: Third argument of split function must evaluate to a positive number'],
    ['$each("x", function($v){$v})', 'T0410: Argument 1 of function "each" does not match function signature'],
    ['$reduce([1,2], function($a){$a})', 'D3050: The second argument of reduce function must be a function with at least two arguments'],
    ['$single([1,2], function($x){true})', 'D3138: The $single() function expected exactly 1 matching result.  Instead it matched more.'],
    ['$sqrt(-1)', 'D3060: The sqrt function cannot be applied to a negative number: -1'],
    ['1 + {}', 'T2002: The right side of the "+" operator must evaluate to a number'],
    ['$average(["a","b"])', 'T0412: Argument 1 of function "average" must be an array of "numbers"'],
    ['$formatNumber(1, "0.0;0.0;0.0")', 'D3080: The picture string must only contain a maximum of two sub-pictures'],
    ['$formatNumber(1, "0,,0")', "D3089: The sub-picture must not contain two adjacent instances of the 'grouping-separator' character"],
    ['$formatNumber(1, "#0e")', "D3093: The exponent part of the sub-picture must comprise only of one or more characters that are members of the 'decimal digit family'"],
  ])('%s', async (expression, tail) => {
    expect(await causeOf(expression)).toBe(threw(expression, tail));
  });

  it.each<[string, string]>([
    ['$formatNumber(1234.5678, "#,##0.00")', '1,234.57'],
    ['$formatNumber(0.123, "#0.0%")', '12.3%'],
    ['$formatNumber(1234.5678, "$#,##0.00")', '$1,234.57'],
  ])('%s still formats', async (expression, expected) => {
    await expect(run(expression)).resolves.toEqual({ r: expected });
  });
});

describe('evaluation bounds at the values AWS accepts and refuses (floci-io/floci#2737, measured)', () => {
  const nested = (open: string, close: string, n: number) => `${open.repeat(n)}1${close.repeat(n)}`;
  const recursion = (n: number) => `($f := function($x){ $x <= 0 ? 0 : 1 + $f($x-1) }; $f(${n}))`;
  const doubling = (n: number) => `($f := function($s, $n){ $n = 0 ? $s : $f($s & $s, $n - 1) }; $length($f("x", ${n})))`;

  it.each<[string, string, string]>([
    ['parentheses', nested('(', ')', 99), nested('(', ')', 100)],
    ['brackets', nested('[', ']', 99), nested('[', ']', 100)],
    ['the chain operator', `1${'~>$string'.repeat(99)}`, `1${'~>$string'.repeat(100)}`],
    ['non-tail recursion', recursion(31), recursion(32)],
  ])('%s: the last depth AWS accepts evaluates, the next one fails', async (_shape, accepted, refused) => {
    await expect(run(accepted)).resolves.toBeDefined();
    expect(await causeOf(refused)).toMatch(/threw an error during evaluation: Stack overflow error: .* Depth=101 max=100$/);
  });

  it('a string of 2^22 characters evaluates and one of 2^23 fails on the memory bound', async () => {
    await expect(run(doubling(22))).resolves.toEqual({ r: 4194304 });
    expect(await causeOf(doubling(23))).toMatch(/threw an error during evaluation: Expression evaluation memory limit exceeded/);
  });

  it('accepts what AWS accepts below the bounds', async () => {
    await expect(run('$sum($map([1..200000], function($v){$v * 2}))')).resolves.toEqual({ r: 40000200000 });
    await expect(run('$count($range(1, 200000, 1))')).resolves.toEqual({ r: 200000 });
  });
});
