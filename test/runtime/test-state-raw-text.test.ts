import { rawTextAt } from '../../lib/runtime/operations/test-state-raw-text';

/** rawTextAt: the text a simple path selects, as it is written in the JSON text. */

const TEXT = '{"Values": ["first", "second", "third"], "nested" : { "a\\"b": [ {"x": 1.50} , 2 ] }, "dup": 1, "dup": {"k": true}}';

test('a member, an element and the whole text keep their spaces', () => {
  expect(rawTextAt(TEXT, '$.Values')).toBe('["first", "second", "third"]');
  expect(rawTextAt(TEXT, '$.Values[1]')).toBe('"second"');
  expect(rawTextAt(TEXT, "$.nested['a\"b'][0]")).toBe('{"x": 1.50}');
  expect(rawTextAt(TEXT, "$.nested['a\"b'][1]")).toBe('2');
  expect(rawTextAt(TEXT, '$')).toBe(TEXT);
  expect(rawTextAt('  [1, 2]  ', '$')).toBe('[1, 2]');
  // A context path reads the context's text the same way.
  expect(rawTextAt('{"Execution": {"Input": {"values": [1, 2]}}}', '$$.Execution.Input.values')).toBe('[1, 2]');
});

test('the last of duplicate keys, as a parser keeps it', () => {
  expect(rawTextAt(TEXT, '$.dup')).toBe('{"k": true}');
});

test('nothing for a path that selects nothing, or is not a simple one', () => {
  expect(rawTextAt(TEXT, '$.missing')).toBeUndefined();
  expect(rawTextAt(TEXT, '$.Values[3]')).toBeUndefined();
  expect(rawTextAt(TEXT, '$.Values[*]')).toBeUndefined();
  expect(rawTextAt(TEXT, '$..x')).toBeUndefined();
  expect(rawTextAt(TEXT, '$var')).toBeUndefined();
  expect(rawTextAt(TEXT, 'not a path')).toBeUndefined();
  expect(rawTextAt('{"a": [1, 2', '$.a')).toBeUndefined();
});
