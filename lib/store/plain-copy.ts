/**
 * A deep copy of plain record data (objects, arrays, primitives) without the keys whose value is
 * undefined, so that a memory record looks exactly like one read back from SQLite's JSON.
 */
export function plainCopy<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(plainCopy) as T;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = plainCopy(v);
  }
  return out as T;
}
