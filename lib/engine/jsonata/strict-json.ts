/**
 * Reads JSON text the way AWS's `$parse` does: stricter than JSON.parse. Besides a syntax error
 * (an empty text, a second document after the first), AWS refuses a repeated key in one object and
 * a number too large for a double, all with D3137 "Invalid JSON" (floci-io/floci#2783, measured;
 * JSON.parse keeps the last key and reads 1e400 as Infinity).
 */
export type StrictJsonResult = { ok: true; value: unknown } | { ok: false };

export function parseStrictJson(text: string): StrictJsonResult {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    return { ok: false };
  }
  return refusedBeyondSyntax(text) ? { ok: false } : { ok: true, value };
}

const NUMBER_CHARACTERS = /[-+0-9.eE]/;

/**
 * Scans text JSON.parse accepted for a repeated key or an infinite number. The text is valid JSON,
 * so a string right after `{` or an object's `,` is a key, and a number is a run of number characters.
 */
function refusedBeyondSyntax(text: string): boolean {
  /** One entry per open container: an object's keys so far, or null for an array. */
  const open: Array<Set<string> | null> = [];
  let expectKey = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '{') {
      open.push(new Set());
      expectKey = true;
    } else if (c === '[') {
      open.push(null);
      expectKey = false;
    } else if (c === '}' || c === ']') {
      open.pop();
      expectKey = false;
    } else if (c === ',') {
      expectKey = open[open.length - 1] instanceof Set;
    } else if (c === '"') {
      const end = stringEnd(text, i);
      const keys = open[open.length - 1];
      if (expectKey && keys) {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        if (keys.has(key)) return true;
        keys.add(key);
      }
      expectKey = false;
      i = end;
    } else if (c === '-' || (c >= '0' && c <= '9')) {
      let end = i;
      while (end < text.length && NUMBER_CHARACTERS.test(text[end])) end++;
      if (!Number.isFinite(Number(text.slice(i, end)))) return true;
      i = end - 1;
    }
    i++;
  }
  return false;
}

/** The index of the quote that closes the string opening at `start`. */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
  return i;
}
