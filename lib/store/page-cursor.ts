import type { Page } from './records';
import { StoreCursorError } from './store-errors';

/**
 * Paging cursors: the sort key of the last item of a page, tagged with the list it belongs to,
 * as base64url JSON. Keyset paging (not offsets) keeps pages stable while items are added.
 */
export interface CursorKeys {
  /** startDate, arn */
  executions: [number, string];
  /** startDate, arn */
  mapRuns: [number, string];
  /** name, arn */
  stateMachines: [string, string];
  /** name, arn */
  activities: [string, string];
  /** name, arn */
  aliases: [string, string];
  /** version */
  versions: [number];
}

export type CursorList = keyof CursorKeys;

const SHAPES: { [L in CursorList]: readonly ('number' | 'string')[] } = {
  executions: ['number', 'string'],
  mapRuns: ['number', 'string'],
  stateMachines: ['string', 'string'],
  activities: ['string', 'string'],
  aliases: ['string', 'string'],
  versions: ['number'],
};

export function encodeCursor<L extends CursorList>(list: L, key: CursorKeys[L]): string {
  return Buffer.from(JSON.stringify([list, ...key]), 'utf8').toString('base64url');
}

export function decodeCursor<L extends CursorList>(list: L, cursor: string): CursorKeys[L] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const shape = SHAPES[list];
  if (
    !Array.isArray(parsed) ||
    parsed[0] !== list ||
    parsed.length !== shape.length + 1 ||
    !shape.every((type, i) => typeof parsed[i + 1] === type)
  ) {
    throw new StoreCursorError(`not a paging cursor of ${list}: ${JSON.stringify(cursor)}`);
  }
  return parsed.slice(1) as CursorKeys[L];
}

/** A page limit: a whole number ≥ 1, or Infinity for everything. */
export function checkLimit(limit: number): number {
  if (limit === Infinity || (Number.isInteger(limit) && limit >= 1)) return limit;
  throw new RangeError(`page limit must be a whole number ≥ 1 or Infinity, got ${limit}`);
}

/** SQLite's LIMIT for a checked limit plus one look-ahead row (-1: no limit). */
export function sqlLimit(limit: number, lookAhead: boolean): number {
  return limit === Infinity ? -1 : lookAhead ? limit + 1 : limit;
}

/** Cuts `rows` (fetched with one look-ahead item) to a page, with a cursor when more follow. */
export function pageOf<T, L extends CursorList>(rows: T[], limit: number, list: L, keyOf: (item: T) => CursorKeys[L]): Page<T> {
  if (rows.length <= limit) return { items: rows };
  const items = rows.slice(0, limit);
  return { items, next: encodeCursor(list, keyOf(items[items.length - 1])) };
}
