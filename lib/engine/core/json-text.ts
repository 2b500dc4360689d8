import type { Json, JsonObject } from '../../asl';

/**
 * JSON text and exact UTF-8 sizes of immutable values, cached per object. Data flows through
 * states by reference (structural sharing), so a payload is measured once however many states
 * carry it, and a ResultPath copy re-measures only the objects along its path.
 */
const textCache = new WeakMap<object, string>();
const sizeCache = new WeakMap<object, number>();

export function jsonText(value: Json): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  let text = textCache.get(value);
  if (text === undefined) {
    text = JSON.stringify(value);
    textCache.set(value, text);
  }
  return text;
}

/** Printable ASCII without `"` and `\`: JSON writes such a string as is, one byte per char. */
const PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

function stringBytes(s: string): number {
  if (s.length < 256 ? PLAIN.test(s) : false) return s.length + 2;
  return Buffer.byteLength(JSON.stringify(s), 'utf8');
}

/**
 * The UTF-8 byte length of `JSON.stringify(value)`, as AWS measures its 256 KiB payload quota,
 * computed without building the text.
 */
export function jsonBytes(value: Json): number {
  switch (typeof value) {
    case 'string':
      return stringBytes(value);
    case 'number':
      return Number.isFinite(value) ? String(value).length : 4;
    case 'boolean':
      return value ? 4 : 5;
    default:
      break;
  }
  if (value === null) return 4;
  let size = sizeCache.get(value);
  if (size !== undefined) return size;
  const text = textCache.get(value);
  if (text !== undefined) size = Buffer.byteLength(text, 'utf8');
  else if (Array.isArray(value)) {
    size = value.length === 0 ? 2 : value.length + 1;
    for (const item of value) size += item === undefined ? 4 : jsonBytes(item);
  } else {
    size = 2;
    let n = 0;
    const obj = value as JsonObject;
    for (const key in obj) {
      const v = obj[key];
      if (v === undefined || typeof v === 'function') continue;
      size += stringBytes(key) + 1 + jsonBytes(v);
      n++;
    }
    if (n > 1) size += n - 1;
  }
  sizeCache.set(value, size);
  return size;
}

/** Parses JSON text the runtime or a caller handed in; the result is treated as immutable. */
export function parseJson(text: string): Json {
  return JSON.parse(text) as Json;
}

/**
 * Defines `key` on `target` as an enumerable property whose JSON text is computed on first read:
 * history events carry their payloads lazily, so an execution nobody reads never serialises them.
 */
export function defineLazyText(target: object, key: string, value: Json): void {
  let text: string | undefined;
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get: () => (text ??= jsonText(value)),
    set: (v: string) => {
      text = v;
    },
  });
}
