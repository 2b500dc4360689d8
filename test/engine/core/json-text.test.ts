import type { Json } from '../../../lib/asl';
import { defineLazyText, jsonBytes, jsonText, LazyJson, SizeMemo } from '../../../lib/engine/core/json-text';

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
    const exited: Record<string, unknown> = { name: 'A' };
    const entered: Record<string, unknown> = { name: 'B' };
    defineLazyText(exited, 'output', lazy);
    defineLazyText(entered, 'input', lazy);
    expect(entered.input).toBe('{"shared":true}');
    expect(exited.output).toBe('{"shared":true}');
    expect(Object.keys(entered)).toEqual(['name', 'input']);
  });
});

describe('defineLazyText', () => {
  test('the property is enumerable, serialises its value once, and can be overwritten', () => {
    const value = { a: [1, 2] };
    const target: Record<string, unknown> = { name: 'S' };
    defineLazyText(target, 'input', value);
    const other: Record<string, unknown> = {};
    defineLazyText(other, 'input', 'second');
    expect(Object.keys(target)).toEqual(['name', 'input']);
    expect(JSON.stringify(target)).toBe('{"name":"S","input":"{\\"a\\":[1,2]}"}');
    expect(target.input).toBe(jsonText(value));
    expect(other.input).toBe('"second"');
    target.input = 'replaced';
    expect(target.input).toBe('replaced');
    expect({ ...target }).toEqual({ name: 'S', input: 'replaced' });
  });
});
