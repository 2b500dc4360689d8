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

/** Printable ASCII without `"` and `\` is written by JSON as is, one byte per char; anything else is measured. */
function stringBytes(s: string): number {
  const n = s.length;
  if (n < 512) {
    let i = 0;
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x5c) break;
    }
    if (i === n) return n + 2;
  }
  return Buffer.byteLength(JSON.stringify(s), 'utf8');
}

/** Object keys repeat across payloads: their sizes are remembered (bounded, cleared when full). */
const keySizes = new Map<string, number>();

function keyBytes(key: string): number {
  let size = keySizes.get(key);
  if (size === undefined) {
    size = stringBytes(key);
    if (keySizes.size > 4096) keySizes.clear();
    keySizes.set(key, size);
  }
  return size;
}

/** Digits of small integers by comparison; other numbers as JSON writes them. */
function numberBytes(n: number): number {
  if (Number.isInteger(n) && n >= 0 && n < 1e9) return n < 10 ? 1 : n < 100 ? 2 : n < 1e3 ? 3 : n < 1e4 ? 4 : n < 1e5 ? 5 : n < 1e6 ? 6 : n < 1e7 ? 7 : n < 1e8 ? 8 : 9;
  return Number.isFinite(n) ? String(n).length : 4;
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
      return numberBytes(value);
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
      size += keyBytes(key) + 1 + jsonBytes(v);
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

interface LazySlot {
  value: Json;
  text?: string;
}

/** One shared accessor per key: defining a lazy text allocates no closures (hot path: every event). */
const lazyKeys = new Map<string, { descriptor: PropertyDescriptor; slots: WeakMap<object, LazySlot> }>();

function lazyKey(key: string) {
  let entry = lazyKeys.get(key);
  if (!entry) {
    const slots = new WeakMap<object, LazySlot>();
    entry = {
      slots,
      descriptor: {
        enumerable: true,
        configurable: true,
        get(this: object): string {
          const slot = slots.get(this)!;
          return (slot.text ??= jsonText(slot.value));
        },
        set(this: object, text: string): void {
          slots.get(this)!.text = text;
        },
      },
    };
    lazyKeys.set(key, entry);
  }
  return entry;
}

/**
 * Defines `key` on `target` as an enumerable property whose JSON text is computed on first read:
 * history events carry their payloads lazily, so an execution nobody reads never serialises them.
 */
export function defineLazyText(target: object, key: string, value: Json): void {
  const { descriptor, slots } = lazyKey(key);
  slots.set(target, { value });
  Object.defineProperty(target, key, descriptor);
}
