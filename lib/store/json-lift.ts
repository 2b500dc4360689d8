import { lazyText, lazyTextFields } from '../engine/core/json-text';

/**
 * Payload texts (an execution's input, a state's output…) are JSON texts carried inside JSON.
 * Serialising one again escapes every quote in it, which costs more than all the rest of a
 * history event; so the SQLite store lifts such a string into a column of its own and writes a
 * placeholder 0 where it stood. A string field never holds a number, so the placeholder cannot be
 * mistaken for data, and putting the text back in place keeps the key order.
 */
export const PLACEHOLDER = 0;

/** JSON text of `value` with `holder[field]` replaced by the placeholder for each field given. */
export function jsonLifting(value: object, holder: object, fields: readonly string[]): string {
  return JSON.stringify(copyLifting(value, holder, fields));
}

function copyLifting(value: object, holder: object, fields: readonly string[]): object {
  const out: Record<string, unknown> = {};
  if (value === holder) {
    // The holder is usually a lazy-text object (history event details): read its fields directly,
    // and leave the lifted ones unread (their texts are already in hand).
    const own = lazyTextFields(value);
    for (const key of Object.keys(own)) out[key] = fields.includes(key) ? PLACEHOLDER : lazyText(own[key]);
    return out;
  }
  for (const key of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[key];
    out[key] = v === holder ? copyLifting(v, holder, fields) : v;
  }
  return out;
}

/** Puts a lifted text back where the placeholder stands. */
export function restoreLifted(holder: Record<string, unknown>, field: string, text: string): void {
  if (holder[field] === PLACEHOLDER) holder[field] = text;
}
