import type { Json } from '../../../lib/asl';
import { jsonBytes, jsonBytesAlong, jsonBytesFrom, handAhead, LazyJson, parseJson, SizeMemo, withLazyTexts, type PathStep } from '../../../lib/engine/core/json-text';
import { applyResultPath, compilePath } from '../../../lib/engine/jsonpath';

/** The 256 KiB quota is measured in UTF-8 bytes of the JSON text: jsonBytes must agree with it exactly. */
describe('jsonBytes', () => {
  const samples: Json[] = [
    0, 7, 9, 10, 99, 100, 123456789, 999999999, 1e9, 12345678901, -1, -0, 0.5, 16.990000000000002, 1e21, 1e-7, -3.25e-10,
    '', 'plain', 'quote " and backslash \\', 'tab\tnew\nline', 'é', '日本語', '😀', '\u0001\u001f', '\u007f', 'x'.repeat(600),
    true, false, null, [], {}, [1, 'a', null, [true]], { a: 1, 'ké y': 'vä lue', nested: { deep: [{ x: -1.5 }] } },
    { 'x"y': '\\', '': '' },
  ];
  test.each(samples.map((s) => [JSON.stringify(s).slice(0, 40), s]))('%s', (_label, value) => {
    expect(jsonBytes(value as Json)).toBe(Buffer.byteLength(JSON.stringify(value), 'utf8'));
  });

  test('fractions and large numbers measure the same the second time (their lengths are remembered)', () => {
    const numbers = [16.990000000000002, 0.1, -2.5, 1e21, 1.5e-7, -123456789012, 2 ** 53 + 2, Number.MIN_VALUE, -Number.MAX_VALUE];
    for (let round = 0; round < 2; round++) for (const n of numbers) expect(jsonBytes(n)).toBe(JSON.stringify(n).length);
    expect(jsonBytes(numbers)).toBe(JSON.stringify(numbers).length);
  });

  test('a copy that shares children is measured right, and so is the shared child afterwards', () => {
    const child = { items: [1, 2, 3], name: 'ñame' };
    const a = { child, n: 1 };
    const b = { ...a, extra: 'é' };
    expect(jsonBytes(a)).toBe(Buffer.byteLength(JSON.stringify(a)));
    expect(jsonBytes(b)).toBe(Buffer.byteLength(JSON.stringify(b)));
    expect(jsonBytes(child)).toBe(Buffer.byteLength(JSON.stringify(child)));
  });

  test('a memo shared by copies along a path (as ResultPath builds them) gives the exact size of each', () => {
    const memo = new SizeMemo();
    let state: Json = { order: { id: 'order-0001', customer: { name: 'Ådа Lovelace' }, items: Array.from({ length: 12 }, (_, i) => ({ sku: `SKU-${i}`, price: i + 0.99 })) }, results: {} };
    for (let i = 0; i < 20; i++) {
      const s = state as { results: Record<string, Json> };
      state = { ...s, results: { ...s.results, [`s${i}`]: { step: i, label: `step ${i} — é` } } };
      expect(jsonBytes(state, memo)).toBe(Buffer.byteLength(JSON.stringify(state)));
    }
    memo.clear();
    expect(jsonBytes(state, memo)).toBe(Buffer.byteLength(JSON.stringify(state)));
  });
});

describe('jsonBytesFrom', () => {
  const exact = (v: unknown) => Buffer.byteLength(JSON.stringify(v), 'utf8');
  const big = { text: 'é'.repeat(40), list: [1, 2.5, 'x', null, { deep: true }], nested: { a: { b: { c: 'ünïcode ✓' } } } };

  test.each<[string, (base: Record<string, Json>) => Json]>([
    ['a member replaced', (b) => ({ ...b, n: 12345 })],
    ['a member added', (b) => ({ ...b, added: { fresh: 'é' } })],
    ['a member removed', ({ n: _n, ...rest }) => rest],
    ['a nested member replaced (a ResultPath copy)', (b) => ({ ...b, nested: { ...(b.nested as object), a: 'flat' } })],
    ['a nested member added', (b) => ({ ...b, nested: { ...(b.nested as object), z: [] } })],
    ['a nested member removed', (b) => ({ ...b, nested: {} })],
    ['an undefined member next to the others', (b) => ({ ...b, skipped: undefined as unknown as Json })],
    ['everything replaced', () => ({ other: 1 })],
    ['an empty object', () => ({})],
    ['not an object', () => [1, 2, 3]],
  ])('%s', (_label, change) => {
    const memo = new SizeMemo();
    const base: Record<string, Json> = { n: 1, big, s: 'plain' };
    expect(jsonBytes(base, memo)).toBe(exact(base));
    const value = change(base);
    expect(jsonBytesFrom(value, base, memo)).toBe(exact(value));
    // Remembered, and right when asked again.
    expect(jsonBytesFrom(value, base, memo)).toBe(exact(value));
  });

  test('a chain of copies, each measured from the one before, stays exact', () => {
    const memo = new SizeMemo();
    let prev: Json = { order: big, results: {} };
    jsonBytes(prev, memo);
    for (let i = 0; i < 30; i++) {
      const p = prev as { results: Record<string, Json> };
      const results = i % 7 === 6 ? {} : { ...p.results, [`s${i}`]: { step: i, label: `stép ${i}` } };
      const next: Json = { ...p, results };
      expect(jsonBytesFrom(next, prev, memo)).toBe(exact(next));
      prev = next;
    }
  });

  test('a base that was never measured is no shortcut', () => {
    const memo = new SizeMemo();
    const base = { a: 'x'.repeat(100) };
    const value = { ...base, b: 2 };
    expect(jsonBytesFrom(value, base, memo)).toBe(exact(value));
  });
});

describe('jsonBytesAlong', () => {
  const exact = (v: unknown) => Buffer.byteLength(JSON.stringify(v), 'utf8');
  const steps = (path: string) => compilePath(path).segments as PathStep[];
  const input: Json = {
    order: { id: 'ördér-1', items: [{ sku: 'a', price: 16.990000000000002 }, { sku: 'b', price: 1 }], tags: [] },
    results: {},
    empty: {},
    list: [1, 'two', { three: 3 }],
    'kéy': 'välue',
  };

  test.each<[string, Json]>([
    ['$.results.s00', { step: 0, label: 'stép 0' }],
    ['$.order.id', 'replaced ✓'],
    ['$.order', 7],
    ['$.empty.first', [1, 2]],
    ['$.missing', { fresh: true }],
    ['$.missing.deeper.still', 'x'],
    ['$.list[1]', { replaced: 'ü' }],
    ['$.list[-1]', null],
    ['$.order.items[0].price', 2.5],
    ["$['kéy']", 'shorter'],
    ['$.__proto__', { odd: 'key' }],
    ['$.results', {}],
  ])('ResultPath %s: the copy is measured exactly, and each copy on the path is remembered exactly', (path, result) => {
    for (const measured of [false, true]) {
      const memo = new SizeMemo();
      // The input measured before (as the previous state's output is) or not at all.
      if (measured) jsonBytes(input, memo);
      const output = applyResultPath(path, input, result);
      expect(jsonBytesAlong(output, input, steps(path), memo)).toBe(exact(output));
      expect(jsonBytes(output, memo)).toBe(exact(output));
      const top = output as Record<string, Json>;
      for (const key of Object.keys(top)) expect(jsonBytes(top[key]!, memo)).toBe(exact(top[key]));
    }
  });

  test('a chain of ResultPath copies, each measured from the one before, stays exact', () => {
    const memo = new SizeMemo();
    let state: Json = input;
    for (let i = 0; i < 40; i++) {
      const path = i % 9 === 8 ? '$.results' : `$.results.s${i % 13}`;
      const next = applyResultPath(path, state, i % 9 === 8 ? {} : { step: i, label: `stép ${i}`, items: [i, 'é'] });
      expect(jsonBytesAlong(next, state, steps(path), memo)).toBe(exact(next));
      state = next;
    }
  });
});

describe('LazyJson', () => {
  test('builds the text on first read, once, and a written text wins', () => {
    const value = { a: [1, 'é'] };
    const lazy = new LazyJson(value);
    const first = lazy.text;
    expect(first).toBe('{"a":[1,"é"]}');
    expect(lazy.text).toBe(first);
    lazy.text = 'other';
    expect(lazy.text).toBe('other');
    expect(new LazyJson('s').text).toBe('"s"');
    expect(new LazyJson(null).text).toBe('null');
  });

  test('two events backed by one LazyJson record the same text', () => {
    const lazy = new LazyJson({ shared: true });
    const exited = withLazyTexts<Record<string, unknown>>({ name: 'A', output: lazy });
    const entered = withLazyTexts<Record<string, unknown>>({ name: 'B', input: lazy });
    expect(entered.input).toBe('{"shared":true}');
    expect(exited.output).toBe('{"shared":true}');
    expect(Object.keys(entered)).toEqual(['name', 'input']);
  });
});

describe('withLazyTexts', () => {
  test('LazyJson members read as their texts (property reads, JSON.stringify, spreads, entries), and the text is built once', () => {
    const value = { a: [1, 'é'] };
    const lazy = new LazyJson(value);
    const stringify = jest.spyOn(JSON, 'stringify');
    const details = withLazyTexts<{ name: string; input: string; inputDetails: { truncated: boolean } }>({ name: 'S', input: lazy, inputDetails: { truncated: false } });
    expect(stringify).not.toHaveBeenCalled();
    expect(details.input).toBe('{"a":[1,"é"]}');
    stringify.mockRestore();
    expect(Object.keys(details)).toEqual(['name', 'input', 'inputDetails']);
    expect(JSON.stringify(details)).toBe('{"name":"S","input":"{\\"a\\":[1,\\"é\\"]}","inputDetails":{"truncated":false}}');
    expect({ ...details }).toStrictEqual({ name: 'S', input: '{"a":[1,"é"]}', inputDetails: { truncated: false } });
    expect(Object.entries(details)).toEqual([['name', 'S'], ['input', '{"a":[1,"é"]}'], ['inputDetails', { truncated: false }]]);
    expect(Object.getOwnPropertyDescriptor(details, 'input')?.enumerable).toBe(true);
    expect(typeof details.input).toBe('string');
    // The LazyJson itself built the text once and let the value go; a second object sharing it reads the same text.
    const next = withLazyTexts<{ name: string; output: string }>({ name: 'T', output: lazy });
    expect(next.output).toBe(details.input);
  });

  test('a written text wins, and members that are not LazyJson are as given', () => {
    const details = withLazyTexts<{ output: string; n: number; nested: object }>({ output: new LazyJson([1]), n: 2, nested: { x: 1 } });
    details.output = 'replaced';
    expect(details.output).toBe('replaced');
    expect(details.n).toBe(2);
    expect(details.nested).toEqual({ x: 1 });
    expect(JSON.parse(JSON.stringify(details))).toEqual({ output: 'replaced', n: 2, nested: { x: 1 } });
  });
});

describe('SizeMemo', () => {
  test('recent copies are found until eight newer ones replace them, and clear() forgets everything', () => {
    const memo = new SizeMemo();
    const big = (i: number) => ({ text: 'x'.repeat(100), i });
    const first = big(0);
    memo.rememberRecent(first, 500, 2);
    expect(memo.get(first)).toBe(500);
    expect(memo.count(first)).toBe(2);
    const later = Array.from({ length: 8 }, (_, i) => big(i + 1));
    later.forEach((o, i) => memo.rememberRecent(o, 600 + i, 2));
    expect(memo.get(first)).toBeUndefined();
    later.forEach((o, i) => expect(memo.get(o)).toBe(600 + i));
    const kept = big(99);
    memo.remember(kept, 700, 2);
    memo.clear();
    expect(memo.get(later[7]!)).toBeUndefined();
    expect(memo.get(kept)).toBeUndefined();
  });

  test('small objects are not remembered (measuring them again is cheaper)', () => {
    const memo = new SizeMemo();
    const small = { a: 1 };
    memo.rememberRecent(small, 7, 1);
    memo.remember(small, 7, 1);
    expect(memo.get(small)).toBeUndefined();
  });
});

describe('handAhead', () => {
  test('the engine takes the value the service parsed, once; later reads parse afresh', () => {
    const text = JSON.stringify({ order: { id: 'ahead-1', items: [1, 2] } });
    const value = JSON.parse(text);
    handAhead(text, value);
    expect(parseJson(text)).toBe(value);
    const again = parseJson(text);
    expect(again).not.toBe(value);
    expect(again).toEqual(value);
  });

  test('one slot: a later hand-over replaces the earlier one, and another text does not take it', () => {
    const first = '{"n":1}';
    const second = '{"n":2}';
    const kept = { n: 2 };
    handAhead(first, { n: 1 });
    handAhead(second, kept);
    expect(parseJson(first)).toEqual({ n: 1 });
    expect(parseJson(second)).toBe(kept);
  });
});
