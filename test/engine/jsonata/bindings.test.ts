import { evaluateJsonataField, jsonataSyntaxError } from '../../../lib/engine/jsonata';
import { bindingsFor, failureOf } from './jsonata-fixture';

describe('$states and workflow variables', () => {
  it('reads $states.input, $states.context, $states.result and $states.errorOutput', async () => {
    const bindings = bindingsFor({
      input: { a: 1 },
      result: { r: 2 },
      errorOutput: { Error: 'E', Cause: 'C' },
    });
    await expect(
      evaluateJsonataField(
        { i: '{% $states.input.a %}', c: '{% $states.context.State.Name %}', r: '{% $states.result.r %}', e: '{% $states.errorOutput.Error %}' },
        'Output',
        bindings,
      ),
    ).resolves.toEqual({ i: 1, c: 'E', r: 2, e: 'E' });
  });

  it('has no $states.result or $states.errorOutput where the interpreter gives none', async () => {
    for (const name of ['result', 'errorOutput']) {
      const failure = await failureOf(() => evaluateJsonataField(`{% $states.${name} %}`, 'Arguments', bindingsFor()));
      expect(failure.cause).toBe(`The JSONata expression '$states.${name}' specified for the field 'Arguments' returned nothing (undefined).`);
    }
  });

  it('binds a null result: $states.result is null, not missing', async () => {
    await expect(evaluateJsonataField('{% $states.result %}', 'Output', bindingsFor({ result: null }))).resolves.toBeNull();
  });

  it('reads workflow variables as $name, null included', async () => {
    const bindings = bindingsFor({ vars: { total: 40, label: 'x', none: null } });
    await expect(evaluateJsonataField('{% [$total + 2, $label, $none] %}', 'Output', bindings)).resolves.toEqual([42, 'x', null]);
  });

  it('reads only the variables the expression names', async () => {
    const bindings = bindingsFor({ vars: { a: 1, b: 2, c: 3 } });
    await evaluateJsonataField('{% $a + $states.input.n %}', 'Output', { ...bindings, input: { n: 1 } });
    expect(bindings.reads.sort()).toEqual(['a']);
  });

  it('fails on an undeclared variable as AWS does on anything that returns nothing', async () => {
    const failure = await failureOf(() => evaluateJsonataField({ x: '{% $undeclared %}' }, 'Assign', bindingsFor()));
    expect(failure.cause).toBe("The JSONata expression '$undeclared' specified for the field 'Assign/x' returned nothing (undefined).");
  });

  it('keeps $states reserved even if a variable is called states', async () => {
    const bindings = bindingsFor({ input: { a: 1 }, vars: { states: { input: { a: 99 } } } });
    await expect(evaluateJsonataField('{% $states.input.a %}', 'Output', bindings)).resolves.toBe(1);
  });

  it('lets local JSONata bindings shadow variables inside the expression', async () => {
    const bindings = bindingsFor({ vars: { x: 1 } });
    await expect(evaluateJsonataField('{% ($x := 5; $x * 2) %}', 'Output', bindings)).resolves.toBe(10);
    await expect(evaluateJsonataField('{% $x %}', 'Output', bindings)).resolves.toBe(1);
  });

  it('keeps a function callable beside a variable of the same name', async () => {
    const bindings = bindingsFor({ vars: { count: 3, items: [1, 2], partition: 'p' } });
    await expect(
      evaluateJsonataField(['{% $count($items) %}', '{% $items ~> $count() %}', '{% $count %}', '{% $partition($items, 1) %}'], 'Output', bindings),
    ).resolves.toEqual([2, 2, 3, [[1], [2]]]);
  });

  it('has no context item: a bare field name reads nothing', async () => {
    const failure = await failureOf(() => evaluateJsonataField('{% name %}', 'Output', bindingsFor({ input: { name: 'x' } })));
    expect(failure.cause).toBe("The JSONata expression 'name' specified for the field 'Output' returned nothing (undefined).");
  });

  it('keeps concurrent evaluations of one cached expression apart', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        evaluateJsonataField('{% $map([1, 2, 3], function($v){ $v * $k + $states.input.n }) %}', 'Output', bindingsFor({ input: { n: i }, vars: { k: i } })),
      ),
    );
    results.forEach((result, i) => expect(result).toEqual([i + i, 2 * i + i, 3 * i + i]));
  });

  it('does not mutate the input or variables it reads', async () => {
    const input = { list: [3, 1, 2], obj: { a: 1 } };
    const vars = { v: { nested: [1] } };
    const snapshot = JSON.stringify({ input, vars });
    await evaluateJsonataField(
      { s: '{% $sort($states.input.list) %}', m: '{% $merge([$states.input.obj, {"b": 2}]) %}', t: '{% $states.input ~> |obj|{"a": 5}| %}', v: '{% $append($v.nested, 2) %}' },
      'Output',
      bindingsFor({ input, vars }),
    );
    expect(JSON.stringify({ input, vars })).toBe(snapshot);
  });
});

describe('jsonataSyntaxError', () => {
  // floci-io/floci#2745: AWS refuses these at creation with the parser's message, its code stripped.
  it.each<[string, string | undefined]>([
    ['{% a[1,2) %}', 'Expected "]", got ","'],
    ['{% "unterminated %}', 'String literal must be terminated by a matching quote'],
    ['{% 1 + %}', 'Unexpected end of expression'],
    ['{% $x := %}', 'Unexpected end of expression'],
    ['{% $match("a", /abc %}', 'No terminating / in regular expression'],
    ['{% $states.input.a %}', undefined],
  ])('%s', (source, message) => {
    expect(jsonataSyntaxError(source)).toBe(message);
  });
});
