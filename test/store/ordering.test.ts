import { checkLimit, decodeCursor, encodeCursor } from '../../lib/store/page-cursor';
import { StoreCursorError } from '../../lib/store';
import { compareText } from '../../lib/store/text-order';

describe('compareText orders as SQLite BINARY (UTF-8 bytes)', () => {
  const utf8 = (a: string, b: string) => Math.sign(Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')));
  test.each([
    ['a', 'b'],
    ['B', 'a'],
    ['abc', 'ab'],
    ['', 'a'],
    ['same', 'same'],
    ['é', 'z'],
    ['\uffff', '😀'], // U+FFFF vs a surrogate pair: UTF-16 units and UTF-8 bytes disagree here
    ['\ue000', '\ud83d\ude00'],
    ['x😀', 'x\uffee'],
  ])('%j vs %j', (a, b) => {
    expect(Math.sign(compareText(a, b))).toBe(utf8(a, b));
    expect(Math.sign(compareText(b, a))).toBe(utf8(b, a));
  });
});

describe('paging cursors', () => {
  test('round-trip the key of their own list only', () => {
    const cursor = encodeCursor('executions', [1700000000000, 'arn:x']);
    expect(decodeCursor('executions', cursor)).toEqual([1700000000000, 'arn:x']);
    expect(() => decodeCursor('mapRuns', cursor)).toThrow(StoreCursorError);
    expect(() => decodeCursor('versions', encodeCursor('versions', [3]).slice(0, -2))).toThrow(StoreCursorError);
    expect(() => decodeCursor('versions', Buffer.from('["versions","3"]').toString('base64url'))).toThrow(/not a paging cursor of versions/);
  });

  test('limits are whole numbers from 1, or Infinity', () => {
    expect(checkLimit(1)).toBe(1);
    expect(checkLimit(Infinity)).toBe(Infinity);
    for (const bad of [0, -3, 2.5, NaN]) expect(() => checkLimit(bad)).toThrow(RangeError);
  });
});
