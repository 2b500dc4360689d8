import { excessNesting, nestingDepthMessage, unreadableJson } from '../../../lib/engine/core/json-nesting';
import { parseJson } from '../../../lib/engine/core/json-text';

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('unreadableJson', () => {
  test('1,000 levels are read; 1,001 (2,002 characters, the shortest such text) are refused in Jackson words', () => {
    expect(unreadableJson(nested(1000))).toBeUndefined();
    expect(nested(1001)).toHaveLength(2002);
    expect(unreadableJson(nested(1001))).toBe(nestingDepthMessage(1001));
  });

  test("a text that is no JSON gives the parser's message", () => {
    expect(unreadableJson('{"a":')).toMatch(/JSON/);
  });

  test('a readable text is handed ahead: the engine reads it without parsing again; a refused one is not', () => {
    const parse = jest.spyOn(JSON, 'parse');
    try {
      const ok = '{"checked":true}';
      expect(unreadableJson(ok)).toBeUndefined();
      parse.mockClear();
      expect(parseJson(ok)).toEqual({ checked: true });
      expect(parse).not.toHaveBeenCalled();
      const deep = nested(1001);
      expect(unreadableJson(deep)).toBeDefined();
      parse.mockClear();
      parseJson(deep);
      expect(parse).toHaveBeenCalledTimes(1);
    } finally {
      parse.mockRestore();
    }
  });
});

describe('excessNesting', () => {
  test('texts no longer than the maximum are not scanned (they cannot nest deeper); longer ones are', () => {
    expect(excessNesting('['.repeat(1000))).toBeUndefined();
    expect(excessNesting('['.repeat(1001))).toEqual({ depth: 1001, offset: 1000 });
    expect(excessNesting(`"${'['.repeat(2000)}"`)).toBeUndefined(); // inside a string
  });
});
