import type { Json } from '../../../lib/asl';
import { evaluateJsonataField, isJsonataExpression, JsonataFailure } from '../../../lib/engine/jsonata';
import { isStatesFailure } from '../../../lib/engine/states-failure';
import { bindingsFor, failureOf } from './jsonata-fixture';

const PREFIX = "An error occurred while executing the state 'E' (entered at the event id #2). ";
const state = { name: 'E', enteredEventId: 2 };

describe('isJsonataExpression', () => {
  it.each<[unknown, boolean]>([
    ['{% $x %}', true],
    ['{%$x%}', true],
    [' {% $x %}', false],
    ['{% $x %} ', false],
    ['{% $x', false],
    ['$x %}', false],
    ['{%}', false],
    [42, false],
    [null, false],
  ])('%j -> %s', (value, expected) => expect(isJsonataExpression(value)).toBe(expected));
});

describe('evaluateJsonataField: values', () => {
  // Each row: field value, state input, expected result.
  it.each<[string, Json, Json, Json]>([
    ['a literal string stays a literal', 'hello', {}, 'hello'],
    ['a JSONPath-looking string stays a literal', '$.name', { name: 'x' }, '$.name'],
    ['a whole-field expression', '{% $states.input.a + 1 %}', { a: 1 }, 2],
    ['nested expressions in objects and arrays', { a: ['{% $states.input.n %}', 'lit', 3], b: { c: '{% $states.input.n * 2 %}' } }, { n: 4 }, { a: [4, 'lit', 3], b: { c: 8 } }],
    // floci-io/floci docs (measured on AWS): a JSON null is a value and keeps its key.
    ['a null result keeps its key', { v: '{% $states.input.bar %}' }, { bar: null }, { v: null }],
    ['$exists on null is true', '{% $exists($states.input.bar) %}', { bar: null }, true],
    ['$type of null is "null"', '{% $type($states.input.bar) %}', { bar: null }, 'null'],
    ['$count(null) is 1, as on AWS', '{% $count($states.input.bar) %}', { bar: null }, 1],
    // AWS writes non-finite numbers as the strings JavaScript names them by (measured).
    ['1/0 is "Infinity"', '{% 1/0 %}', {}, 'Infinity'],
    ['-1/0 is "-Infinity"', '{% -1/0 %}', {}, '-Infinity'],
    ['0/0 is "NaN"', '{% 0/0 %}', {}, 'NaN'],
    ['[1/0] is ["Infinity"]', '{% [1/0] %}', {}, ['Infinity']],
    ['{"k": 1/0} is {"k": "Infinity"}', '{% {"k": 1/0} %}', {}, { k: 'Infinity' }],
    ['$parseInteger on an unreadable value is "NaN"', '{% $parseInteger("abc", "0") %}', {}, 'NaN'],
    ['$string(1e20) is written in full', '{% $string(1e20) %}', {}, '100000000000000000000'],
    ['$string(1e21) is exponent notation', '{% $string(1e21) %}', {}, '1e+21'],
    // Sequences come back as plain arrays; a singleton path result is the bare value.
    ['a path through arrays is a plain array', '{% $states.input.objs.o.z %}', { objs: [{ o: { z: 1 } }, { o: { z: 2 } }] }, [1, 2]],
    ['a one-element match is the bare value', '{% $states.input.items[$ > 2] %}', { items: [1, 3] }, 3],
    ['[] keeps a one-element match an array', '{% $states.input.items[$ > 2][] %}', { items: [1, 3] }, [3]],
    ['an undefined member of a constructed object is dropped', '{% {"a": $states.input.missing, "b": 1} %}', {}, { b: 1 }],
    ['-0 is 0', '{% -0 %}', {}, 0],
  ])('%s', async (_name, value, input, expected) => {
    await expect(evaluateJsonataField(value, 'Output', bindingsFor({ input }))).resolves.toEqual(expected);
  });

  // localstack tests/aws/services/stepfunctions/v2/outputdecl/test_output.py, validated on AWS.
  it.each<[string, Json, Json]>([
    ['NULL', null, null],
    ['INT', 0, 0],
    ['FLOAT', 0.1, 0.1],
    ['BOOL', true, true],
    ['STR_LIT', 'string literal', 'string literal'],
    ['JSONATA_EXPR', '{% $states.input %}', { input_value: 'stringliteral' }],
    ['LIST_EMPY', [], []],
    [
      'LIST_RICH',
      [null, 0, 0.1, true, 'string', [], '$nosuchvar', '$.no.such.path', '{% $states.input %}', { key: '{% true %}' }],
      [null, 0, 0.1, true, 'string', [], '$nosuchvar', '$.no.such.path', { input_value: 'stringliteral' }, { key: true }],
    ],
  ])('Output of any type: %s', async (_id, output, expected) => {
    await expect(evaluateJsonataField(output, 'Output', bindingsFor({ input: { input_value: 'stringliteral' } }))).resolves.toEqual(expected);
  });

  it('Output from a variable and the input (localstack outputdecl BASE_DIRECT_EXPR)', async () => {
    const bindings = bindingsFor({ input: { input_value: 'string literal', input_values: [1, 2, 3] }, vars: { var_constant_1: 1 } });
    await expect(evaluateJsonataField('{% $sum($states.input.input_values) + $var_constant_1 %}', 'Output', bindings)).resolves.toBe(7);
  });

  it('returns fresh JSON, not the input it read', async () => {
    const input = { list: [1, 2], obj: { a: 1 } };
    const out = (await evaluateJsonataField('{% $states.input %}', 'Output', bindingsFor({ input }))) as typeof input;
    expect(out).toEqual(input);
    expect(out).not.toBe(input);
    expect(out.list).not.toBe(input.list);
  });

  it('evaluates expressions in document order', async () => {
    const out = await evaluateJsonataField({ a: '{% $random() %}', b: ['{% $random() %}', '{% $random() %}'] }, 'Output', bindingsFor());
    expect(out).toEqual({ a: 0.125, b: [0.5, 0.875] });
  });
});

describe('evaluateJsonataField: failures recorded on AWS', () => {
  // floci-io/floci#2665: seven definitions run on real AWS, each FAILED with these causes.
  it.each<[string, Json, string, string]>([
    ['Output/v', { v: '{% $states.input.missing %}' }, 'Output', 'Output/v'],
    ['Output/a/b', { a: { b: '{% $states.input.missing %}' } }, 'Output', 'Output/a/b'],
    ['the whole Output', '{% $states.input.missing %}', 'Output', 'Output'],
    ['Assign/x', { x: '{% $states.input.missing %}' }, 'Assign', 'Assign/x'],
    ['an array index', { a: ['{% 1 %}', '{% $states.input.missing %}'] }, 'Output', 'Output/a[1]'],
    ['a Task argument', { Input: { pushLocation: '{% $states.input.missing %}' } }, 'Arguments', 'Arguments/Input/pushLocation'],
    ['a matched Choice rule Output', { v: '{% $states.input.missing %}' }, 'Choices[1]/Output', 'Choices[1]/Output/v'],
  ])('an expression returning nothing in %s', async (_name, value, field, location) => {
    const failure = await failureOf(() => evaluateJsonataField(value, field, bindingsFor({ state })));
    expect(failure).toEqual({
      error: 'States.QueryEvaluationError',
      cause: `${PREFIX}The JSONata expression '$states.input.missing' specified for the field '${location}' returned nothing (undefined).`,
      location,
    });
  });

  // floci-io/floci#2736 and #2737: `cause` fields of AWS TestState responses, field 'Output/r' or 'Output/v'.
  it.each<[string, string]>([
    ['$abs("x")', 'T0410: Argument 1 of function "abs" does not match function signature'],
    ['$eval("1+1")', 'T1006: Attempted to invoke a non-function'],
    ['$sum(["a"])', 'T0412: Argument 1 of function "sum" must be an array of "numbers"'],
    // jsonata-js catalogue messages, which AWS reproduces word for word (floci-io/floci#2668).
    ['$error("boom")', 'D3137: boom'],
    ['$assert(false, "bad")', 'D3141: bad'],
    ['$number("x")', 'D3030: Unable to cast value to a number: "x"'],
    ['1 + "a"', 'T2002: The right side of the "+" operator must evaluate to a number'],
  ])('%s threw an error with a JSONata code', async (expression, tail) => {
    const failure = await failureOf(() => evaluateJsonataField({ r: `{% ${expression} %}` }, 'Output', bindingsFor()));
    expect(failure.cause).toBe(`The JSONata expression '${expression}' specified for the field 'Output/r' threw an error during evaluation. ${tail}`);
    expect(failure.location).toBe('Output/r');
  });

  it.each<[string, string]>([
    ['[1..900000] ~> $count()', 'Expression evaluation memory limit exceeded: Check for excessive memory usage'],
    ['$sum([1..900000])', 'Expression evaluation memory limit exceeded: Check for excessive memory usage'],
  ])('%s exceeds the memory bound (a message without a code follows a colon)', async (expression, tail) => {
    const failure = await failureOf(() => evaluateJsonataField({ r: `{% ${expression} %}` }, 'Output', bindingsFor()));
    expect(failure.cause).toBe(`The JSONata expression '${expression}' specified for the field 'Output/r' threw an error during evaluation: ${tail}`);
  });

  it('accepts [1..873782], the largest range AWS accepts', async () => {
    await expect(evaluateJsonataField('{% $count([1..873782]) %}', 'Output', bindingsFor())).resolves.toBe(873782);
  });

  it('fails past depth 100 and accepts depth 100, as AWS does for 1+1+...', async () => {
    const sum = (terms: number) => Array.from({ length: terms }, () => '1').join('+');
    await expect(evaluateJsonataField(`{% ${sum(100)} %}`, 'Output', bindingsFor())).resolves.toBe(100);
    const failure = await failureOf(() => evaluateJsonataField(`{% ${sum(200)} %}`, 'Output', bindingsFor()));
    expect(failure.cause).toMatch(
      /threw an error during evaluation: Stack overflow error: Check for non-terminating recursive function\. Consider rewriting as tail-recursive\./,
    );
  });

  it('stops a non-terminating tail-recursive expression instead of hanging', async () => {
    const failure = await failureOf(() =>
      evaluateJsonataField('{% ($f := function($x){ $f($x+1) }; $f(1)) %}', 'Output', bindingsFor({ maxEvaluationSteps: 20_000 })),
    );
    expect(failure.error).toBe('States.QueryEvaluationError');
    expect(failure.cause).toBe(
      "The JSONata expression '($f := function($x){ $f($x+1) }; $f(1))' specified for the field 'Output' " +
        'threw an error during evaluation: Expression evaluation timeout: Check for infinite loop',
    );
  });

  it('lets a long but terminating expression finish within the default budget', async () => {
    await expect(evaluateJsonataField('{% $count($map([1..20000], function($x){ $x * 2 })) %}', 'Output', bindingsFor())).resolves.toBe(20000);
  });

  it('reports the expression trimmed of the space inside the delimiters', async () => {
    const failure = await failureOf(() => evaluateJsonataField('{%   $states.input.x.y   %}', 'Output', bindingsFor()));
    expect(failure.cause).toBe("The JSONata expression '$states.input.x.y' specified for the field 'Output' returned nothing (undefined).");
  });

  it('reports a syntax error (AWS refuses these at creation) with its code', async () => {
    const failure = await failureOf(() => evaluateJsonataField('{% a[1,2) %}', 'Output', bindingsFor()));
    expect(failure.cause).toBe(`The JSONata expression 'a[1,2)' specified for the field 'Output' threw an error during evaluation. S0202: Expected "]", got ","`);
  });

  it('refuses a function as a result', async () => {
    const failure = await failureOf(() => evaluateJsonataField({ f: '{% $sum %}' }, 'Output', bindingsFor()));
    expect(failure.cause).toBe("The JSONata expression '$sum' specified for the field 'Output/f' returned an unsupported result type.");
  });

  it('throws StatesFailure (JsonataFailure) with the cause unprefixed when no state is given', async () => {
    let thrown: unknown;
    try {
      await evaluateJsonataField('{% $states.input.none %}', 'Output', bindingsFor());
    } catch (e) {
      thrown = e;
    }
    expect(isStatesFailure(thrown)).toBe(true);
    expect(thrown).toBeInstanceOf(JsonataFailure);
    expect((thrown as JsonataFailure).detail).toBe((thrown as JsonataFailure).cause);
  });

  it('prefixes the cause, keeping the bare sentence in detail, when the state is given', async () => {
    let thrown: JsonataFailure | undefined;
    try {
      await evaluateJsonataField('{% $states.input.none %}', 'Output', bindingsFor({ state: { name: 'Run S3 Data Push', enteredEventId: 6 } }));
    } catch (e) {
      thrown = e as JsonataFailure;
    }
    expect(thrown?.cause).toBe(
      "An error occurred while executing the state 'Run S3 Data Push' (entered at the event id #6). " +
        "The JSONata expression '$states.input.none' specified for the field 'Output' returned nothing (undefined).",
    );
    expect(thrown?.detail).toBe("The JSONata expression '$states.input.none' specified for the field 'Output' returned nothing (undefined).");
  });
});
