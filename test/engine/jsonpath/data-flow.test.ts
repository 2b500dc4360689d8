import type { Json } from '../../../lib/asl';
import { applyInputPath, applyOutputPath, applyPayloadTemplate, applyResultPath, evaluateChoiceRules, evaluateJsonPathAssign, queryPath, readPath, type JsonPathScope } from '../../../lib/engine/jsonpath';
import { StatesFailure } from '../../../lib/engine/states-failure';

const random = { next: () => 0.25, uuid: () => '00000000-0000-4000-8000-000000000000' };
function scope(input: Json, vars: Record<string, Json> = {}): JsonPathScope {
  return {
    input,
    context: { Execution: { Id: 'arn:exec', Input: { orig: true } }, Map: { Item: { Index: 3, Value: 'v' } } },
    variables: { get: (n) => vars[n] },
    random,
    state: { name: 'S', enteredEventId: 2 },
  };
}
function failure(f: () => unknown): StatesFailure {
  try {
    f();
  } catch (e) {
    if (e instanceof StatesFailure) return e;
    throw e;
  }
  throw new Error('expected a StatesFailure');
}
const PREFIX = "An error occurred while executing the state 'S' (entered at the event id #2). ";

describe('reference paths (Jayway semantics)', () => {
  const data = { a: { b: [1, 2, 3], 'k y': 'spaced' }, items: [{ p: 1, n: 'x' }, { p: 5, n: 'y' }], z: null };
  test.each<[string, Json | undefined]>([
    ['$', data],
    ['$.a.b[0]', 1],
    ['$.a.b[-1]', 3],
    ["$['a']['k y']", 'spaced'],
    ['$.a.b[0:2]', [1, 2]],
    ['$.a.b[1:]', [2, 3]],
    ['$.items[*].n', ['x', 'y']],
    ['$..p', [1, 5]],
    ['$.items[?(@.p > 2)].n', ['y']],
    ["$.items[?(@.n == 'x')].p", [1]],
    // No path functions on AWS: length() is a name like any other (see jsonpath-filter-operators.json).
    ['$.a.b.length()', undefined],
    ['$.z', null],
    ['$.missing', undefined],
    // Jayway over Jackson: an index past the end as the last step is null (measured on AWS).
    ['$.a.b[9]', null],
    ['$.a.b[9].x', undefined],
  ])('%s', (path, expected) => {
    expect(queryPath(path, scope(data))).toEqual(expected);
  });

  test('Jayway specifics: a union of names at the end merges into an object, a filter tests an object itself, $.[...] is $[...]', () => {
    expect(queryPath("$.a['b','k y','none']", scope(data))).toEqual({ b: [1, 2, 3], 'k y': 'spaced' });
    expect(queryPath("$.items[*]['p','n']", scope(data))).toEqual([{ p: 1, n: 'x' }, { p: 5, n: 'y' }]);
    expect(queryPath('$.a[?(@.b)]', scope(data))).toEqual([data.a]);
    expect(queryPath('$.items.[?(@.p > 2)].n', scope(data))).toEqual(['y']);
  });

  test("Jayway's lexical operators are refused, but members named like them are read as members", () => {
    const sized: Json = { items: [{ size: 'M', in: true }, { size: 'L' }] };
    expect(failure(() => queryPath("$.items[?(@.size in ['M'])]", scope(sized))).cause).toBe(`${PREFIX}Invalid path '$.items[?(@.size in ['M'])]' : unsupported operator 'in' in a filter`);
    expect(queryPath("$.items[?(@.size == 'M')]", scope(sized))).toEqual([{ size: 'M', in: true }]);
    expect(queryPath('$.items[?(@.in)]', scope(sized))).toEqual([{ size: 'M', in: true }]);
    expect(queryPath('$.items[?(!@.in)].size', scope(sized))).toEqual(['L']);
  });

  test("members an object does not own (Object.prototype's) match nothing; an own __proto__ member matches", () => {
    const own = JSON.parse('{"__proto__": {"x": 1}, "constructor": "mine", "plain": {}}') as Json;
    for (const path of ['$.constructor', '$.toString', '$.hasOwnProperty', '$.__proto__', '$.valueOf', '$.a.__proto__', '$.a.constructor']) {
      expect(queryPath(path, scope(data))).toBeUndefined();
    }
    expect(queryPath('$.__proto__', scope(own))).toEqual({ x: 1 });
    expect(queryPath('$.__proto__.x', scope(own))).toBe(1);
    expect(queryPath('$.constructor', scope(own))).toBe('mine');
    expect(queryPath('$.plain.constructor', scope(own))).toBeUndefined();
    expect(queryPath('$.plain.__proto__', scope(own))).toBeUndefined();
  });

  test('a path that does not parse fails the state with States.Runtime', () => {
    const f = failure(() => queryPath('$.a[', scope(data)));
    expect(f).toMatchObject({ error: 'States.Runtime', cause: `${PREFIX}Invalid path '$.a[' : unclosed [ in $.a[` });
  });

  test('$$ reads the context object and $name a variable', () => {
    expect(queryPath('$$.Map.Item.Index', scope({}))).toBe(3);
    expect(queryPath('$total.count', scope({}, { total: { count: 7 } }))).toBe(7);
    expect(queryPath('$unknown', scope({}))).toBeUndefined();
  });
});

describe('InputPath and OutputPath', () => {
  test('undefined keeps the input, null gives {}, a path selects', () => {
    expect(applyInputPath(undefined, scope({ a: 1 }))).toEqual({ a: 1 });
    expect(applyInputPath(null, scope({ a: 1 }))).toEqual({});
    expect(applyOutputPath('$.a', scope({ a: 1 }))).toBe(1);
  });
  test('a path that matches nothing fails with States.Runtime and AWS cause', () => {
    const f = failure(() => applyInputPath('$.a.y', scope({ a: {} })));
    expect(f.error).toBe('States.Runtime');
    expect(f.cause).toBe(`${PREFIX}Invalid path '$.a.y' : No results for path: $['a']['y']`);
    // Jayway names a property missing before the last step by the path up to it.
    expect(failure(() => applyInputPath('$.x.y', scope({ a: 1 }))).cause).toBe(`${PREFIX}Invalid path '$.x.y' : Missing property in path $['x']`);
  });
  test('readPath fails the same way for reference fields', () => {
    expect(readPath('$.s', scope({ s: 5 }), 'SecondsPath')).toBe(5);
    expect(failure(() => readPath('$.t', scope({}), 'SecondsPath')).error).toBe('States.Runtime');
  });
});

describe('payload templates', () => {
  test('.$ keys take paths, context, variables and intrinsics; other values are copied', () => {
    const out = applyPayloadTemplate(
      { 'id.$': '$.id', nested: { 'ctx.$': '$$.Execution.Id', fixed: [1, { 'v.$': '$v' }] }, 'msg.$': "States.Format('Hello, {}!', $.name)", lit: 'x.$' },
      scope({ id: 7, name: 'Ana' }, { v: true }),
      'Parameters',
    );
    expect(out).toEqual({ id: 7, nested: { ctx: 'arn:exec', fixed: [1, { v: true }] }, msg: 'Hello, Ana!', lit: 'x.$' });
  });
  test('a path that matches nothing names the field and the input', () => {
    const f = failure(() => applyPayloadTemplate({ 'JobName.$': '$.JobName' }, scope({}), 'Parameters'));
    expect(f).toMatchObject({ error: 'States.Runtime', cause: `${PREFIX}The JSONPath '$.JobName' specified for the field 'JobName.$' could not be found in the input '{}'` });
  });
  test('an intrinsic whose argument is missing reports the whole expression', () => {
    const f = failure(() => applyPayloadTemplate({ 'v.$': "States.Format('{}', $.nope)" }, scope({ other: 1 }), 'Parameters'));
    expect(f.cause).toBe(`${PREFIX}The function 'States.Format('{}', $.nope)' had the following error: The JsonPath argument for the field '$.nope' could not be found in the input '{"other":1}'`);
  });
  test('a template without .$ keys is its own value; static parts are shared, not copied', () => {
    const fixed = { a: [1, { b: 2 }] };
    const template = { fixed, 'v.$': '$.v' };
    expect(applyPayloadTemplate(fixed, scope({}), 'Parameters')).toBe(fixed);
    const out = applyPayloadTemplate(template, scope({ v: 1 }), 'Parameters') as { fixed: unknown; v: number };
    expect(out).toEqual({ fixed: { a: [1, { b: 2 }] }, v: 1 });
    expect(out.fixed).toBe(fixed);
  });

  test('the context object is read only when a path names $$', () => {
    let reads = 0;
    const s = scope({ v: 1 });
    const lazy: JsonPathScope = { ...s, get context() { reads++; return s.context; } };
    applyPayloadTemplate({ 'v.$': '$.v' }, lazy, 'Parameters');
    expect(reads).toBe(0);
    applyPayloadTemplate({ 'id.$': '$$.Execution.Id' }, lazy, 'Parameters');
    expect(reads).toBe(1);
  });

  test('JSONPath Assign evaluates like a template', () => {
    expect(evaluateJsonPathAssign({ 'total.$': '$.n', flag: true }, scope({ n: 3 }))).toEqual({ total: 3, flag: true });
  });
});

describe('ResultPath', () => {
  test('"$"/undefined replaces, null discards, a path merges into a copy', () => {
    const input = { a: { keep: 1 } };
    expect(applyResultPath(undefined, input, 5)).toBe(5);
    expect(applyResultPath(null, input, 5)).toBe(input);
    const out = applyResultPath('$.a.r', input, 5);
    expect(out).toEqual({ a: { keep: 1, r: 5 } });
    expect(input).toEqual({ a: { keep: 1 } });
    expect(applyResultPath('$.new.deep', input, 'x')).toEqual({ a: { keep: 1 }, new: { deep: 'x' } });
  });
  test('a path through a non-object fails with States.ResultPathMatchFailure', () => {
    expect(failure(() => applyResultPath('$.a.b', { a: 'text' }, 1)).error).toBe('States.ResultPathMatchFailure');
  });
  test('only the spine along the path is copied; siblings are shared', () => {
    const input = { keep: { big: [1, 2] }, a: { b: { old: 1 }, c: { shared: true } } };
    const out = applyResultPath('$.a.b.new', input, 5) as typeof input & { a: { b: { new: number } } };
    expect(out).toEqual({ keep: { big: [1, 2] }, a: { b: { old: 1, new: 5 }, c: { shared: true } } });
    expect(out.keep).toBe(input.keep);
    expect(out.a.c).toBe(input.a.c);
    expect(input.a.b).toEqual({ old: 1 });
    expect(applyResultPath('$.list[-1]', { list: [1, 2] }, 'x')).toEqual({ list: [1, 'x'] });
  });
});

describe('intrinsics', () => {
  const run = (expr: string, input: Json = {}) => applyPayloadTemplate({ 'v.$': expr }, scope(input), 'Parameters') as { v: Json };
  test.each<[string, Json]>([
    ["States.Format('{} and {}', 'a', 2)", 'a and 2'],
    ["States.Format('\\{literal\\} {}', 'x')", '{literal} x'],
    ["States.Format('\\\\{}', 'x')", '\\x'],
    ["States.Format('{} is {}', $.o, $.l)", '{k=[1]} is [1, 2, 3, 4, 5]'],
    ["States.Array('it\\'s', '\\{\\}')", ["it's", '{}']],
    ['States.MathAdd(1.49, 1.5)', 3],
    ['States.MathAdd(-1.5, -1.51)', -3],
    ["States.StringToJson('  ')", null],
    ['States.MathRandom(0, 1000, 42)', 130],
    ['States.ArrayPartition($.l, 2.4)', [[1, 2], [3, 4], [5]]],
    ["States.StringToJson('{\"a\":1}')", { a: 1 }],
    ['States.JsonToString($.o)', '{"k":[1]}'],
    ["States.Array(1, 'two', $.o)", [1, 'two', { k: [1] }]],
    ['States.ArrayPartition($.l, 2)', [[1, 2], [3, 4], [5]]],
    ['States.ArrayContains($.l, 3)', true],
    ['States.ArrayRange(1, 9, 2)', [1, 3, 5, 7, 9]],
    ['States.ArrayGetItem($.l, 1)', 2],
    ['States.ArrayLength($.l)', 5],
    ['States.ArrayUnique($.d)', [1, 2, { x: 1 }]],
    ["States.Base64Encode('Data to encode')", 'RGF0YSB0byBlbmNvZGU='],
    ["States.Base64Decode('RGF0YSB0byBlbmNvZGU=')", 'Data to encode'],
    ["States.Hash('input data', 'SHA-1')", 'aaff4a450a104cd177d28d18d74485e8cae074b7'],
    ['States.JsonMerge($.o, $.p, false)', { k: [1], m: 2 }],
    ['States.MathAdd(111, -1)', 110],
    ["States.StringSplit('1,2;3', ',;')", ['1', '2', '3']],
    ['States.UUID()', '00000000-0000-4000-8000-000000000000'],
    ['States.MathRandom(10, 20)', 12],
    ['States.ArrayLength(States.Array(1, 2))', 2],
  ])('%s', (expr, expected) => {
    expect(run(expr, { o: { k: [1] }, p: { m: 2 }, l: [1, 2, 3, 4, 5], d: [1, 2, 1, { x: 1 }, { x: 1 }] }).v).toEqual(expected);
  });
  test('MathRandom with a seed is repeatable', () => {
    expect(run('States.MathRandom(1, 1000, 7)').v).toBe(run('States.MathRandom(1, 1000, 7)').v);
  });
  test.each([
    "States.ArrayGetItem($.l, 9)",
    "States.JsonMerge($.o, $.o, true)",
    "States.Format('{} {}', 'one')",
    "States.ArrayRange(1, 2000, 1)",
    "States.MathAdd('a', 1)",
    "States.Hash('x', 'SHA-999')",
  ])('%s fails with States.Runtime naming the function', (expr) => {
    const f = failure(() => run(expr, { l: [1], o: {} }));
    expect(f.error).toBe('States.Runtime');
    expect(f.cause.startsWith(`${PREFIX}The function '${expr}' had the following error: `)).toBe(true);
  });
});

describe('Choice rules', () => {
  const rules = (r: object[]) => r.map((x, i) => ({ ...x, Next: `N${i}` })) as never;
  test('comparisons, And/Or/Not, type tests and StringMatches', () => {
    const s = scope({ n: 5, s: 'log-2024.txt', t: '2024-01-02T00:00:00Z', b: true, z: null });
    expect(evaluateChoiceRules(rules([{ Variable: '$.n', NumericGreaterThan: 9 }, { Variable: '$.n', NumericLessThanEquals: 5 }]), s)).toBe(1);
    expect(evaluateChoiceRules(rules([{ Variable: '$.s', StringMatches: 'log-*.txt' }]), s)).toBe(0);
    expect(evaluateChoiceRules(rules([{ And: [{ Variable: '$.b', BooleanEquals: true }, { Not: { Variable: '$.z', IsNull: false } }] }]), s)).toBe(0);
    expect(evaluateChoiceRules(rules([{ Variable: '$.t', TimestampGreaterThan: '2023-12-31T23:59:59Z' }]), s)).toBe(0);
    expect(evaluateChoiceRules(rules([{ Variable: '$.missing', IsPresent: false }]), s)).toBe(0);
    expect(evaluateChoiceRules(rules([{ Variable: '$.n', NumericEqualsPath: '$.n' }]), s)).toBe(0);
    expect(evaluateChoiceRules(rules([{ Variable: '$.n', StringEquals: '5' }]), s)).toBe(-1);
  });
  test('a Variable that matches nothing fails the state', () => {
    const f = failure(() => evaluateChoiceRules(rules([{ Variable: '$.missing', NumericEquals: 1 }]), scope({})));
    expect(f.error).toBe('States.Runtime');
    expect(f.cause).toBe(`${PREFIX}Invalid path '$.missing': The choice state's condition path references an invalid value.`);
  });
});
