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

/**
 * plainCopy for an execution record, the hottest copy of the memory store (every decision writes
 * one): its only nested member is `parent`, so one flat pass and a spread of the parent do. The
 * pass skips undefined values rather than deleting them afterwards, since `delete` turns a V8
 * object into a slow dictionary that every later read of the record pays for.
 */
export function copyExecutionRecord<T extends { parent?: object }>(record: T): T {
  const out: Record<string, unknown> = {};
  for (const key in record) {
    const v = record[key];
    if (v !== undefined) out[key] = v;
  }
  if (record.parent) out.parent = { ...record.parent };
  return out as T;
}
