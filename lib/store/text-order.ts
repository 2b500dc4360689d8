/**
 * Orders strings as SQLite's BINARY collation does (by UTF-8 bytes, i.e. by code point), so that
 * both backends list in the same order. JavaScript's `<` compares UTF-16 units, which differs
 * only when a surrogate pair meets a character in U+E000–U+FFFF.
 */
export function compareText(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys && (xs ? y >= 0xe000 : x >= 0xe000)) return xs ? 1 : -1;
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}
