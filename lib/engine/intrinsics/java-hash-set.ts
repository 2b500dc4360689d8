import type { Json, JsonObject } from '../../asl';

/**
 * The order of a java.util.HashSet of JSON values read as plain Java objects (null, Boolean,
 * Integer or Long or Double, String, List, Map), which is what States.ArrayUnique returns on AWS:
 * [true, false, true, false] gives [false, true] and [[1, 2], [1, 2], [2, 1]] gives [[2, 1], [1, 2]],
 * while [null, null, 1, null] gives [null, 1] and ['a', 'b', 'a', 'c'] keeps its order (an
 * AWS-executed intrinsic conformance suite, tests/support/conformance/intrinsicCases/
 * States.ArrayUnique.ts, measured). Those are the buckets of Java's hash codes.
 *
 * The table grows as a HashMap does (16 buckets, doubled past three quarters full); growing keeps
 * each bucket's insertion order, so the order is that of the final table. Duplicates are found by
 * Java's equals: key order does not matter for objects, and 1 and '1' differ.
 */

const int = (n: number): number => n | 0;

function stringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = int(Math.imul(31, h) + s.charCodeAt(i));
  return h;
}

const float = new DataView(new ArrayBuffer(8));

/** Long.hashCode and Double.hashCode: the high word XOR the low word of the 64 bits. */
function wordsHash(high: number, low: number): number {
  return int(high ^ low);
}

function numberHash(n: number): number {
  if (Number.isInteger(n) && n >= -2147483648 && n <= 2147483647) return n | 0;
  if (Number.isSafeInteger(n)) {
    const big = BigInt.asUintN(64, BigInt(n));
    return wordsHash(Number(big >> 32n) | 0, Number(big & 0xffffffffn) | 0);
  }
  // Double.doubleToLongBits: every NaN is the one canonical NaN.
  float.setFloat64(0, Number.isNaN(n) ? NaN : n);
  return wordsHash(float.getInt32(0), float.getInt32(4));
}

export function javaHashCode(v: Json): number {
  if (v === null) return 0;
  if (typeof v === 'boolean') return v ? 1231 : 1237;
  if (typeof v === 'number') return numberHash(v);
  if (typeof v === 'string') return stringHash(v);
  if (Array.isArray(v)) {
    let h = 1;
    for (const item of v) h = int(Math.imul(31, h) + javaHashCode(item));
    return h;
  }
  let h = 0;
  for (const key of Object.keys(v)) h = int(h + (stringHash(key) ^ javaHashCode((v as JsonObject)[key]!)));
  return h;
}

/** Java's equals over the same values: Map equality ignores key order. */
export function javaEquals(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => javaEquals(x, b[i]!));
  }
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => Object.prototype.hasOwnProperty.call(b, k) && javaEquals(a[k]!, b[k]!));
}

/** The distinct values of `items` in the iteration order of a HashSet they were added to in turn. */
export function javaHashSetOrder(items: readonly Json[]): Json[] {
  const distinct: { value: Json; hash: number }[] = [];
  for (const value of items) {
    const hash = javaHashCode(value);
    if (!distinct.some((d) => d.hash === hash && javaEquals(d.value, value))) distinct.push({ value, hash });
  }
  let buckets = 16;
  while (distinct.length > buckets * 0.75) buckets *= 2;
  // HashMap.hash spreads the high half into the low one before the table index is taken.
  const bucketOf = (h: number): number => (h ^ (h >>> 16)) & (buckets - 1);
  return distinct
    .map((d, order) => ({ d, order, bucket: bucketOf(d.hash) }))
    .sort((x, y) => x.bucket - y.bucket || x.order - y.order)
    .map((e) => e.d.value);
}
