import type { Json, JsonObject } from '../../asl';

/** Thrown when a result holds something JSON cannot carry (a function). */
export class UnsupportedResultType extends Error {}

/**
 * Converts a jsonata-js result to plain JSON: sequences become fresh arrays, `-0` becomes 0, and a
 * non-finite number becomes the string JavaScript names it by ("Infinity", "NaN"), as AWS writes it
 * (floci-io/floci docs, measured). Undefined members are dropped, as JSON serialisation would.
 * Returns undefined only for an undefined result.
 */
export function toJson(value: unknown): Json | undefined {
  switch (typeof value) {
    case 'undefined':
      return undefined;
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (Number.isFinite(value)) return value === 0 ? 0 : value;
      return Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity';
    case 'object':
      if (value === null) return null;
      if (Array.isArray(value)) {
        const out: Json[] = [];
        for (const element of value) {
          const converted = toJson(element);
          if (converted !== undefined) out.push(converted);
        }
        return out;
      }
      if (isJsonataFunction(value)) throw new UnsupportedResultType();
      return toJsonObject(value as Record<string, unknown>);
    default:
      throw new UnsupportedResultType();
  }
}

function toJsonObject(value: Record<string, unknown>): JsonObject {
  const out: JsonObject = {};
  for (const key of Object.keys(value)) {
    const converted = toJson(value[key]);
    if (converted !== undefined) out[key] = converted;
  }
  return out;
}

function isJsonataFunction(value: object): boolean {
  const record = value as Record<string, unknown>;
  return record._jsonata_function === true || record._jsonata_lambda === true;
}
