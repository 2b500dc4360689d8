import type { Json } from '../../asl';

/**
 * JSON text of immutable values, cached per object: data flows through states by reference
 * (structural sharing), so the same payload is serialised once however many events carry it.
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

/** UTF-8 byte length of the JSON text, as AWS measures its 256 KiB payload quota. */
export function jsonBytes(value: Json): number {
  if (value === null || typeof value !== 'object') return Buffer.byteLength(JSON.stringify(value), 'utf8');
  let size = sizeCache.get(value);
  if (size === undefined) {
    size = Buffer.byteLength(jsonText(value), 'utf8');
    sizeCache.set(value, size);
  }
  return size;
}

/** Parses JSON text the runtime or a caller handed in; the result is treated as immutable. */
export function parseJson(text: string): Json {
  return JSON.parse(text) as Json;
}
