import type { Json, JsonObject } from '../../asl';
import { memoText } from './composed-text';

/**
 * JSON texts and exact UTF-8 sizes of the engine's immutable values. No global cache: a WeakMap
 * entry per payload object cost more than measuring it (and burdened every garbage collection).
 * Sizes are remembered per decision in a SizeMemo; texts are built at most once, by LazyJson, and
 * from their shared parts inside a withTextMemo scope (composed-text.ts).
 */

export function jsonText(value: Json): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  return givenTexts.get(value) || memoText(value) || JSON.stringify(value);
}

/**
 * The texts objects were parsed from, where writing the object again gives another text (spaces,
 * line breaks, `1.0`, escapes). AWS keeps a payload's text as it was given for as long as no state
 * changes the payload: an input started with spaces shows them in the first states' events and in
 * the causes that quote it (localstack#11953; an EventBridge event of 2023 quoting a console input
 * two states in). A changed payload is a new object, written compactly. One exception: since 2024-07
 * a Distributed Map records its input written anew (see WrittenJson and Interpreter.enterState).
 */
const givenTexts = new WeakMap<object, string>();

/**
 * An array of payloads some of which kept their given texts is written as those texts joined by
 * commas: a Parallel state's output keeps its branches' texts (localstack test_base_scenarios
 * test_parallel_state_nested, recorded on AWS: `[[[[1, 2, 3], [4, 5, 6]]]]`).
 */
export function keepElementTexts(array: Json[]): Json[] {
  if (array.some((v) => typeof v === 'object' && v !== null && givenTexts.has(v))) givenTexts.set(array, `[${array.map(jsonText).join(',')}]`);
  return array;
}

/** Texts without whitespace, escapes, fractions, exponents, `-0` or long digit runs are what JSON.stringify writes again. */
const MAY_DIFFER = /[\s\\]|[0-9][.eE]|-0|[0-9]{16}/;

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

/** Lengths of other numbers' texts: writing a fraction is slow, and the same values recur across payloads (bounded, cleared when full). */
const numberSizes = new Map<number, number>();

/** Digits of small integers by comparison; other numbers as JSON writes them. */
function numberBytes(n: number): number {
  if (Number.isInteger(n) && n >= 0 && n < 1e9) return n < 10 ? 1 : n < 100 ? 2 : n < 1e3 ? 3 : n < 1e4 ? 4 : n < 1e5 ? 5 : n < 1e6 ? 6 : n < 1e7 ? 7 : n < 1e8 ? 8 : 9;
  if (!Number.isFinite(n)) return 4;
  let size = numberSizes.get(n);
  if (size === undefined) {
    size = String(n).length;
    if (numberSizes.size > 4096) numberSizes.clear();
    numberSizes.set(n, size);
  }
  return size;
}

/** Objects whose JSON is at least this long are remembered by a SizeMemo; smaller ones are cheaper to measure again. */
const MEMO_MIN_BYTES = 64;

/** How many of the latest ResultPath copies a SizeMemo keeps outside its map. */
const RECENT = 8;

/** Entry counts share the memo's number with the size: size * COUNT_SPAN + count. */
const COUNT_SPAN = 2 ** 20;
/** The count of an object with more entries than COUNT_SPAN can hold is not remembered. */
const UNKNOWN_COUNT = COUNT_SPAN - 1;

/**
 * Sizes of the objects measured during one decision. Values flow between states by reference
 * (structural sharing), so a large subtree carried by many states is walked once per decision.
 * A Map lookup of an object that was never stored is cheap (no identity hash yet), which is why
 * only large objects are stored. The owner clears it when the decision is made.
 */
export class SizeMemo {
  /** size * COUNT_SPAN + the number of entries (object members or array items). */
  private readonly sizes = new Map<object, number>();
  /**
   * The copies ResultPath made last (a state's output is the next state's input, read once more):
   * looked up by identity before the map, so that a copy read only by the next state costs no map entry.
   */
  private readonly recent: (object | undefined)[] = new Array<object | undefined>(RECENT).fill(undefined);
  private readonly recentPacked: number[] = new Array<number>(RECENT).fill(0);
  private recentNext = 0;
  private recentUsed = false;

  private packed(value: object): number | undefined {
    if (this.recentUsed) {
      const recent = this.recent;
      for (let i = 0; i < RECENT; i++) if (recent[i] === value) return this.recentPacked[i];
    }
    return this.sizes.get(value);
  }
  get(value: object): number | undefined {
    const packed = this.packed(value);
    return packed === undefined ? undefined : Math.floor(packed / COUNT_SPAN);
  }
  /** The entry count of a remembered object, or undefined. */
  count(value: object): number | undefined {
    const packed = this.packed(value);
    if (packed === undefined) return undefined;
    const count = packed % COUNT_SPAN;
    return count === UNKNOWN_COUNT ? undefined : count;
  }
  remember(value: object, size: number, count: number): void {
    if (size >= MEMO_MIN_BYTES) this.sizes.set(value, size * COUNT_SPAN + Math.min(count, UNKNOWN_COUNT));
  }
  /** remember() for a copy that is likely read again soon and then no more (the oldest such copy is forgotten). */
  rememberRecent(value: object, size: number, count: number): void {
    if (size < MEMO_MIN_BYTES) return;
    const i = this.recentNext;
    this.recent[i] = value;
    this.recentPacked[i] = size * COUNT_SPAN + Math.min(count, UNKNOWN_COUNT);
    this.recentNext = i + 1 === RECENT ? 0 : i + 1;
    this.recentUsed = true;
  }
  clear(): void {
    if (this.sizes.size > 0) this.sizes.clear();
    if (this.recentUsed) {
      this.recent.fill(undefined);
      this.recentUsed = false;
    }
  }
}

/**
 * The UTF-8 byte length of `JSON.stringify(value)`, as AWS measures its 256 KiB payload quota,
 * computed without building the text.
 */
export function jsonBytes(value: Json, memo?: SizeMemo): number {
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
  let size = memo?.get(value);
  if (size !== undefined) return size;
  let n = 0;
  if (Array.isArray(value)) {
    n = value.length;
    size = n === 0 ? 2 : n + 1;
    for (const item of value) size += item === undefined ? 4 : jsonBytes(item, memo);
  } else {
    size = 2;
    const obj = value as JsonObject;
    for (const key in obj) {
      const v = obj[key];
      if (v === undefined || typeof v === 'function') continue;
      size += keyBytes(key) + 1 + jsonBytes(v, memo);
      n++;
    }
    if (n > 1) size += n - 1;
  }
  memo?.remember(value, size, n);
  return size;
}

/** jsonBytes(value, memo) without remembering value itself (its members are remembered as usual). */
function jsonBytesUnremembered(value: Json, memo: SizeMemo): number {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return jsonBytes(value, memo);
  let size = 2;
  let n = 0;
  for (const key in value) {
    const v = value[key];
    if (v === undefined || typeof v === 'function') continue;
    size += keyBytes(key) + 1 + jsonBytes(v, memo);
    n++;
  }
  return n > 1 ? size + n - 1 : size;
}

const isObject = (v: unknown): v is JsonObject => v !== null && typeof v === 'object' && !Array.isArray(v);
const hasOwn = Object.prototype.hasOwnProperty;

/**
 * jsonBytes(value), for a value that may be a copy of `base` with some members replaced or added
 * (as ResultPath builds a state's output from its input): when base's size is remembered, only
 * the members that differ are measured, recursively — a copy along a path costs the path, not the
 * whole object. Anything else (members removed, arrays, base unknown) is measured as jsonBytes does.
 */
export function jsonBytesFrom(value: Json, base: Json, memo: SizeMemo): number {
  if (value === base || !isObject(value) || !isObject(base)) return jsonBytes(value, memo);
  const known = memo.get(value);
  if (known !== undefined) return known;
  const baseSize = memo.get(base);
  const baseCount = memo.count(base);
  if (baseSize === undefined || baseCount === undefined) return jsonBytes(value, memo);
  // The members' bytes of base (its size without braces and commas), then the differences.
  let members = baseSize - 2 - (baseCount > 1 ? baseCount - 1 : 0);
  let count = baseCount;
  let kept = 0;
  for (const key in value) {
    const v = value[key];
    if (v === undefined || typeof v === 'function') continue;
    const b = hasOwn.call(base, key) ? base[key] : undefined;
    if (b !== undefined && typeof b !== 'function') {
      kept++;
      if (v !== b) members += jsonBytesFrom(v, b, memo) - jsonBytes(b, memo);
    } else {
      members += keyBytes(key) + 1 + jsonBytes(v, memo);
      count++;
    }
  }
  // A member of base that value lacks: measure value on its own.
  if (kept !== baseCount) return jsonBytes(value, memo);
  const size = 2 + members + (count > 1 ? count - 1 : 0);
  memo.remember(value, size, count);
  return size;
}

/** One step of a ResultPath as compiled: a member name or an array index. */
export type PathStep = { k: 'name'; name: string } | { k: 'index'; index: number };

/** The number of members jsonBytes counts in an object (those that are neither undefined nor functions). */
function memberCount(obj: JsonObject, memo: SizeMemo): number {
  const known = memo.count(obj);
  if (known !== undefined) return known;
  let n = 0;
  for (const key in obj) {
    const v = obj[key];
    if (v !== undefined && typeof v !== 'function') n++;
  }
  return n;
}

/**
 * jsonBytes(copy), for a copy of `original` that differs from it only along `steps`, as ResultPath
 * builds a state's output (each node on the path copied, everything beside it shared; a missing
 * object on the way is created empty). Each copy's size is derived from its original's and
 * remembered, so the members beside the path are never walked.
 */
export function jsonBytesAlong(copy: Json, original: Json | undefined, steps: readonly PathStep[], memo: SizeMemo, from = 0): number {
  // The result itself lies beside every later path: its size is not remembered, only its members'.
  if (from === steps.length) return memo.get(copy as object) ?? jsonBytesUnremembered(copy, memo);
  if (copy === null || typeof copy !== 'object') return jsonBytes(copy, memo);
  const step = steps[from]!;
  if (step.k === 'index') {
    if (!Array.isArray(copy) || !Array.isArray(original) || copy.length !== original.length) return jsonBytes(copy, memo);
    const i = step.index < 0 ? original.length + step.index : step.index;
    const was = original[i];
    const size = jsonBytes(original, memo) - (was === undefined ? 4 : jsonBytes(was, memo)) + jsonBytesAlong(copy[i]!, was, steps, memo, from + 1);
    memo.rememberRecent(copy, size, copy.length);
    return size;
  }
  const name = step.name;
  if (Array.isArray(copy) || name === '__proto__' || (original !== undefined && !isObject(original))) return jsonBytes(copy, memo);
  const base: JsonObject = original === undefined ? {} : original;
  const baseSize = jsonBytes(base, memo);
  const baseCount = memberCount(base, memo);
  const was = hasOwn.call(base, name) ? base[name] : undefined;
  const had = was !== undefined && typeof was !== 'function';
  const member = jsonBytesAlong((copy as JsonObject)[name]!, had ? was : undefined, steps, memo, from + 1);
  const size = had ? baseSize - jsonBytes(was, memo) + member : baseSize + keyBytes(name) + 1 + member + (baseCount > 0 ? 1 : 0);
  memo.rememberRecent(copy, size, had ? baseCount : baseCount + 1);
  return size;
}

/**
 * The last text the service checked at its door (StartExecution's input, a callback's output) with
 * its value: the engine, which most often reads that very text next, takes the value instead of
 * parsing the text again. One slot, taken once, so at most one value is ever kept behind.
 */
let ahead: { text: string; value: Json } | undefined;

/** Hands the engine the value of a text it is about to read (see `ahead`); the caller must not keep or change it. */
export function handAhead(text: string, value: Json): void {
  ahead = { text, value };
}

/** Parses JSON text the runtime or a caller handed in; the result is treated as immutable. */
export function parseJson(text: string): Json {
  if (ahead !== undefined && ahead.text === text) {
    const { value } = ahead;
    ahead = undefined;
    return value;
  }
  const value = JSON.parse(text) as Json;
  // Kept without comparing: where the text is what JSON.stringify writes anyway, using it is the same.
  if (typeof value === 'object' && value !== null && MAY_DIFFER.test(text)) givenTexts.set(value, text);
  return value;
}

/**
 * A value's JSON text, built on first read and then kept (the value itself is let go, so a stored
 * event whose text was read holds no payload object). One LazyJson can back several events that
 * record the same payload — a state's output and the next state's input — so it is serialised once.
 */
export class LazyJson {
  private value: Json | undefined;
  private built: string | undefined;
  constructor(value: Json) {
    this.value = value;
  }
  get text(): string {
    if (this.built === undefined) {
      this.built = jsonText(this.value!);
      this.value = undefined;
    }
    return this.built;
  }
  set text(text: string) {
    this.built = text;
    this.value = undefined;
  }
}

/** A LazyJson that writes its value anew (JSON.stringify), not in the text it was given. */
export class WrittenJson extends LazyJson {
  private written: string | undefined;
  private source: Json | undefined;
  constructor(value: Json) {
    super(null);
    this.source = value;
  }
  override get text(): string {
    if (this.written === undefined) {
      this.written = JSON.stringify(this.source);
      this.source = undefined;
    }
    return this.written;
  }
  override set text(text: string) {
    this.written = text;
    this.source = undefined;
  }
}

/**
 * Reads the LazyJson members of a lazy-text object as their texts. Only reads are trapped: writes,
 * deletes, key listings and descriptors go to the object itself, so that JSON.stringify, spreads
 * and Object.keys cost no trap beyond the read (a descriptor's value is the LazyJson itself).
 */
const lazyTextReads: ProxyHandler<Record<string | symbol, unknown>> = {
  get(target, key) {
    if (key === FIELDS) return target;
    const v = target[key];
    return v instanceof LazyJson ? v.text : v;
  },
};

/** The key under which a lazy-text object answers with the object behind it. */
const FIELDS = Symbol('lazy-text fields');

/**
 * The members of `value`, read without the proxy's traps: a lazy-text object's own fields (with
 * LazyJson members, read them with lazyText), any other object itself. Writers that copy every
 * event (the SQLite store) pay a trap per member otherwise.
 */
export function lazyTextFields(value: object): Record<string, unknown> {
  return ((value as Record<symbol, unknown>)[FIELDS] as Record<string, unknown> | undefined) ?? (value as Record<string, unknown>);
}

/** A member read from lazyTextFields: a LazyJson's text, anything else as it is. */
export function lazyText(v: unknown): unknown {
  return v instanceof LazyJson ? v.text : v;
}

/**
 * `fields` as an object whose LazyJson members read as plain, enumerable strings (their JSON texts,
 * built on first read). A proxy costs a fraction of an accessor defined per object, and history
 * events are made far more often than they are read. Member order is the order of `fields`.
 */
export function withLazyTexts<T extends object>(fields: { [K in keyof T]: T[K] | LazyJson }): T {
  return new Proxy(fields as Record<string | symbol, unknown>, lazyTextReads) as T;
}
