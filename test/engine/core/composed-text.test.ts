import { memoText, withTextMemo } from '../../../lib/engine/core/composed-text';
import { jsonText, parseJson } from '../../../lib/engine/core/json-text';
import { applyResultPath } from '../../../lib/engine/jsonpath';
import { SeededRandom } from '../../../lib/engine/core/seeded-random';

/** A composed text must be byte for byte what JSON.stringify writes, shared parts or not. */
describe('composed texts', () => {
  test('outside a withTextMemo scope there is no memo', () => {
    expect(memoText({ a: { b: 1 } })).toBeUndefined();
  });

  const samples: unknown[] = [
    {},
    [],
    { a: { b: [1, { c: 'x' }, null, [true, false]] } },
    { '2': 'two', b: { x: 1 }, '1': { y: 2 }, a: [] },
    { quote: { 'k"e\\y': 'v"\n\u0001é😀' }, nested: [[[{}]]] },
    { skipped: undefined, fn: () => 1, sym: Symbol('s'), kept: { v: -0, nan: NaN, inf: -Infinity, big: 1e21, tiny: 5e-324 } },
    [undefined, () => 1, Symbol('s'), { a: 1 }, 'x'],
    { date: new Date(0), inner: { toJSON: () => ({ replaced: true }) }, boxed: [new Number(3), new String('s'), new Boolean(false)] },
    { nullProto: Object.assign(Object.create(null) as object, { a: { b: 1 } }) },
    { toJSON: 'not a function', child: { x: 1 } },
    Object.assign([{ a: 1 }, 2], { extra: 'arrays write their items only' }),
    { sparse: [1, , { a: 1 }] },
  ];
  test.each(samples.map((s, i) => [i, s]))('sample %i', (_i, value) => {
    expect(withTextMemo(() => memoText(value as object))).toBe(JSON.stringify(value));
  });

  test('random values, and copies along paths that share their parts, write as JSON.stringify does', () => {
    const random = new SeededRandom('composed-text');
    const leaf = (): unknown => {
      const r = random.next();
      return r < 0.2 ? null : r < 0.4 ? Math.floor(random.next() * 1e6) / 100 : r < 0.6 ? random.next() < 0.5 : `s${Math.floor(random.next() * 1e4)}"\\é`;
    };
    const build = (depth: number): unknown => {
      if (depth === 0 || random.next() < 0.25) return leaf();
      const n = Math.floor(random.next() * 5);
      if (random.next() < 0.4) return Array.from({ length: n }, () => build(depth - 1));
      const o: Record<string, unknown> = {};
      for (let i = 0; i < n; i++) o[random.next() < 0.2 ? String(i) : `k${i}`] = build(depth - 1);
      return o;
    };
    for (let round = 0; round < 200; round++) {
      const base = { data: build(5), results: {} as Record<string, unknown> };
      withTextMemo(() => {
        let state: Record<string, unknown> = base;
        for (let step = 0; step < 10; step++) {
          expect(jsonText(state as never)).toBe(JSON.stringify(state));
          state = applyResultPath(`$.results.s${step}`, state as never, build(3) as never) as Record<string, unknown>;
        }
        expect(jsonText(state as never)).toBe(JSON.stringify(state));
      });
    }
  });

  test('a payload kept with its given text keeps it; its parts are written compactly in a new payload', () => {
    const given = parseJson('{ "order" : { "id" : 1 , "items" : [ 1.0 ] } }') as Record<string, unknown>;
    withTextMemo(() => {
      expect(jsonText(given as never)).toBe('{ "order" : { "id" : 1 , "items" : [ 1.0 ] } }');
      const next = { ...given, done: true };
      expect(jsonText(next as never)).toBe(JSON.stringify(next));
    });
  });

  test('the memo is dropped when the scope ends, even when it throws', () => {
    expect(() => withTextMemo(() => { throw new Error('boom'); })).toThrow('boom');
    expect(memoText({ a: {} })).toBeUndefined();
    const value = { a: { b: 'x'.repeat(100) } };
    withTextMemo(() => jsonText(value));
    (value.a as { b: string }).b = 'changed';
    expect(withTextMemo(() => jsonText(value))).toBe(JSON.stringify(value));
  });
});
