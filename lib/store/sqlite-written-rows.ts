import type { ExecutionRecord } from './records';

/** Changes with every decision; read from the events, so the row need not be rewritten for it. */
const DERIVED = 'eventCount';

/**
 * The copy of a written record that is remembered: the writer may change its record (and its parent)
 * afterwards. Unlike copyExecutionRecord it keeps keys whose value is undefined, as sameRow counts them.
 */
function heldCopy(r: ExecutionRecord): ExecutionRecord {
  const copy = { ...r };
  if (r.parent) copy.parent = { ...r.parent };
  return copy;
}

/** Whether two records agree on everything the row holds (not eventCount). `held` is a copy (heldCopy). */
function sameRow(held: ExecutionRecord, r: ExecutionRecord): boolean {
  let keys = 0;
  for (const key in r) {
    keys++;
    if (key === DERIVED) continue;
    const a = (held as unknown as Record<string, unknown>)[key];
    const b = (r as unknown as Record<string, unknown>)[key];
    if (a === b) continue;
    if (key !== 'parent' || !held.parent || !r.parent) return false;
    if (held.parent.executionArn !== r.parent.executionArn || held.parent.taskId !== r.parent.taskId) return false;
  }
  let heldKeys = 0;
  for (const _ in held) heldKeys++;
  return keys === heldKeys;
}

/**
 * Bound on remembered rows, the least recently written dropped first: enough for the executions
 * deciding at once, while thousands parked on a callback keep no copy (W4 durable: ~0.5 KiB of
 * heap each otherwise). A miss only costs the rewrite.
 */
const MAX_ROWS = 1024;

/** Closed rows kept for reads: enough for the executions closing at once to be described. */
const MAX_CLOSED = 256;

/** Sets `key` as the most recent entry of `map` (Maps keep insertion order), dropping the oldest past `max`. */
function setMostRecent<K, V>(map: Map<K, V>, key: K, value: V, max: number): void {
  if (!map.delete(key) && map.size >= max) map.delete(map.keys().next().value!);
  map.set(key, value);
}

/**
 * The execution rows this connection wrote and that nothing has changed since. A running
 * execution's record most often differs from one decision to the next only in its event count,
 * which the row does not hold; putExecution then writes nothing instead of re-encoding and
 * rewriting the record (W2 durable: a JSON document and a 13-column UPDATE per decision). Any failed write forgets everything,
 * because a rolled-back savepoint or transaction may have undone what is remembered.
 */
export class WrittenRows {
  private readonly rows = new Map<string, { id: number; record: ExecutionRecord }>();
  /** The last closed rows written, read back by getExecution only (never by the write path). */
  private readonly closed = new Map<string, { id: number; record: ExecutionRecord }>();
  /**
   * By execution row id, the last input seq and event id this connection appended: each decision
   * appends to both, and the lookups of max(seq) and max(k) would otherwise cost two SELECTs a
   * decision. Only this connection writes (an exclusive lock); purge forgets its execution's.
   */
  private readonly tails = new Map<number, { seq: number | undefined; event: number | undefined }>();

  /** The row and what it holds, if it holds `r` as it stands but for its event count. */
  unchanged(r: ExecutionRecord): { id: number; record: ExecutionRecord } | undefined {
    const held = this.rows.get(r.arn);
    return held && sameRow(held.record, r) ? held : undefined;
  }

  /** What the row of `arn` holds, if this connection remembers it (changed or not). */
  held(arn: string): { id: number; record: ExecutionRecord } | undefined {
    return this.rows.get(arn);
  }

  /**
   * What the row of `arn` holds as getExecution would read it, if this connection remembers it:
   * a running execution's row, or one of the last closed ones (DescribeExecution follows a close).
   */
  read(arn: string): ExecutionRecord | undefined {
    return (this.rows.get(arn) ?? this.closed.get(arn))?.record;
  }

  /** The row of `r` now holds it. A closed execution's row is rarely written again: kept for reads only, a few. */
  remember(id: number, r: ExecutionRecord): void {
    if (r.status !== 'RUNNING') {
      this.rows.delete(r.arn);
      setMostRecent(this.closed, r.arn, { id, record: heldCopy(r) }, MAX_CLOSED);
      return;
    }
    this.closed.delete(r.arn);
    // Re-inserted, so that the Map's order is the order of last writes.
    setMostRecent(this.rows, r.arn, { id, record: heldCopy(r) }, MAX_ROWS);
  }

  forget(arn: string, id?: number): void {
    this.rows.delete(arn);
    this.closed.delete(arn);
    if (id !== undefined) this.tails.delete(id);
  }

  /** The last input seq appended for the execution, if this connection knows it. */
  lastSeq(id: number): number | undefined {
    return this.tails.get(id)?.seq;
  }

  /** The last event id appended for the execution, if this connection knows it. */
  lastEvent(id: number): number | undefined {
    return this.tails.get(id)?.event;
  }

  appended(id: number, tail: { seq?: number; event?: number }): void {
    const t = this.tails.get(id) ?? { seq: undefined, event: undefined };
    if (tail.seq !== undefined) t.seq = tail.seq;
    if (tail.event !== undefined) t.event = tail.event;
    // Re-inserted, so that the Map's order is the order of last appends.
    setMostRecent(this.tails, id, t, MAX_ROWS);
  }

  clear(): void {
    this.rows.clear();
    this.closed.clear();
    this.tails.clear();
  }
}
