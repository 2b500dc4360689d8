/**
 * Compact JSON texts built from the texts of shared parts. The engine's values are immutable and
 * flow between states by reference: a state's output is its input copied along the ResultPath,
 * so consecutive payloads share every subtree off that path. Writing a whole history (the SQLite
 * store writes each decision's events) would stringify each payload from scratch, the shared
 * parts again and again: W1's 20 states wrote 20 growing copies of the same order. Within a
 * withTextMemo scope, a subtree written once is reused by identity, so each payload costs its new
 * parts and a concatenation.
 *
 * The memo lives for one synchronous scope and is then dropped: no global cache to burden the
 * garbage collector, and no way for a value changed later to be written from a stale text.
 */

/** Leaf objects with shorter texts are not remembered: writing them again costs less than a map entry. */
const MEMO_MIN_LENGTH = 64;

let memo: Map<object, string> | undefined;

/** Runs `fn` with a text memo (or within the one already open), then drops it. */
export function withTextMemo<T>(fn: () => T): T {
  if (memo) return fn();
  memo = new Map();
  try {
    return fn();
  } finally {
    memo = undefined;
  }
}

/** JSON.stringify(value) of an object, from the memo's parts; undefined outside a withTextMemo scope. */
export function memoText(value: object): string | undefined {
  return memo && composed(value, memo);
}

const OBJECT_PROTOTYPE = Object.prototype;

/** Exactly JSON.stringify(value) for a plain object or array; anything else is handed to it. */
function composed(value: object, m: Map<object, string>): string {
  const known = m.get(value);
  if (known !== undefined) return known;
  let text: string;
  if (Array.isArray(value)) text = hasObjectItem(value) ? arrayText(value, m) : JSON.stringify(value);
  else {
    const proto = Object.getPrototypeOf(value) as unknown;
    // toJSON, boxed primitives and class instances follow JSON.stringify's own rules.
    if ((proto !== OBJECT_PROTOTYPE && proto !== null) || typeof (value as { toJSON?: unknown }).toJSON === 'function') return JSON.stringify(value);
    const obj = value as Record<string, unknown>;
    let nested = false;
    for (const key in obj) {
      const v = obj[key];
      if (v !== null && typeof v === 'object') {
        nested = true;
        break;
      }
    }
    if (!nested) {
      text = JSON.stringify(value);
      if (text.length >= MEMO_MIN_LENGTH) m.set(value, text);
      return text;
    }
    text = objectText(obj, m);
  }
  m.set(value, text);
  return text;
}

function hasObjectItem(items: readonly unknown[]): boolean {
  for (let i = 0; i < items.length; i++) {
    const v = items[i];
    if (v !== null && typeof v === 'object') return true;
  }
  return false;
}

function arrayText(items: readonly unknown[], m: Map<object, string>): string {
  let text = '[';
  for (let i = 0; i < items.length; i++) {
    if (i > 0) text += ',';
    text += itemText(items[i], m) ?? 'null';
  }
  return text + ']';
}

function objectText(obj: Record<string, unknown>, m: Map<object, string>): string {
  let text = '{';
  let first = true;
  // Object.keys is the order JSON.stringify writes (integer-like keys first, then insertion order).
  for (const key of Object.keys(obj)) {
    const member = itemText(obj[key], m);
    if (member === undefined) continue;
    text += (first ? '' : ',') + keyText(key) + ':' + member;
    first = false;
  }
  return text + '}';
}

/** Keys repeat across payloads: their texts are remembered (bounded, cleared when full). */
const keyTexts = new Map<string, string>();

function keyText(key: string): string {
  let text = keyTexts.get(key);
  if (text === undefined) {
    text = JSON.stringify(key);
    if (keyTexts.size >= 4096) keyTexts.clear();
    keyTexts.set(key, text);
  }
  return text;
}

/** A member's text, or undefined where JSON.stringify leaves it out (undefined, functions, symbols). */
function itemText(v: unknown, m: Map<object, string>): string | undefined {
  return v !== null && typeof v === 'object' ? composed(v, m) : (JSON.stringify(v) as string | undefined);
}
