import { randomBytes } from 'node:crypto';
import { javaDouble } from './java-double';

// Dates leave JSON.stringify as marked strings, and the marks are then replaced by bare numbers.
// The per-process nonce keeps a user's own string from ever looking like a mark.
const NONCE = randomBytes(6).toString('hex');
const MARK = new RegExp(`"\\\\u0000${NONCE}:([^"]+)"`, 'g');

function replacer(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const raw = this[key];
  return raw instanceof Date ? `\u0000${NONCE}:${javaDouble(raw.getTime() / 1000)}` : value;
}

/**
 * Serialises a response body for the AWS JSON 1.0 protocol: Date values become epoch seconds with
 * millisecond precision, written as Java doubles the way Step Functions writes them
 * (`"startDate":1.686509515191E9`); undefined members are left out.
 */
export function toWireJson(value: unknown): string {
  const text = JSON.stringify(value, replacer);
  return text.includes(NONCE) ? text.replace(MARK, '$1') : text;
}
