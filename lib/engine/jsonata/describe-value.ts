import type { Json } from '../../asl';

/** A value as AWS's type errors show it: its JSONata type name and its compact JSON text. */
export function describeValue(value: Json): { type: string; text: string } {
  if (value === null) return { type: 'null', text: 'null' };
  if (Array.isArray(value)) return { type: 'array', text: JSON.stringify(value) };
  return { type: typeof value, text: JSON.stringify(value) };
}
