/** A timer the service holds for an execution: fired once, at its due service time. */
export interface DueTimer {
  executionArn: string;
  timerId: string;
  dueAt: number;
}

type Entry = DueTimer & { seq: number; cancelled: boolean };

/** Cancelled entries are dropped all at once when they outnumber the live ones by this many. */
const COMPACT_SLACK = 1024;

/**
 * Armed timers, soonest first: a binary min-heap with lazy deletion (a cancelled timer is marked and
 * skipped when it surfaces), so arm and cancel are O(log n) and O(timers of that execution). Every
 * execution holds a timer for its maximum execution time, due a year out and cancelled when it
 * closes, so cancelled entries are also dropped in one O(n) pass once they outnumber the live ones:
 * memory stays proportional to the armed timers. Entries are found by execution ARN (the string
 * the caller already holds), not by a composite key, which would cost a new string per timer.
 * Ties are broken by arming order, so timers due at the same time fire in the order they were armed.
 */
export class TimerHeap {
  private heap: Entry[] = [];
  private readonly byExecution = new Map<string, Entry[]>();
  private liveCount = 0;
  private seq = 0;

  /** Armed timers not yet fired or cancelled. */
  get size(): number {
    return this.liveCount;
  }

  /** Entries held, cancelled ones not yet dropped included (bounded by about twice `size`). */
  get held(): number {
    return this.heap.length;
  }

  /** Arms a timer; arming one an execution already has under that id replaces it. */
  arm(timer: DueTimer): void {
    this.cancel(timer.executionArn, timer.timerId);
    const entry: Entry = { executionArn: timer.executionArn, timerId: timer.timerId, dueAt: timer.dueAt, seq: ++this.seq, cancelled: false };
    const mine = this.byExecution.get(entry.executionArn);
    if (mine) mine.push(entry);
    else this.byExecution.set(entry.executionArn, [entry]);
    this.liveCount++;
    this.heap.push(entry);
    this.up(this.heap.length - 1);
  }

  cancel(executionArn: string, timerId: string): void {
    const entry = this.forget(executionArn, timerId);
    if (!entry) return;
    entry.cancelled = true;
    if (this.heap.length - this.liveCount > this.liveCount + COMPACT_SLACK) this.compact();
  }

  /** Drops every timer of an execution (it closed, or it is being rebuilt). */
  cancelAll(executionArn: string, timerIds: Iterable<string>): void {
    for (const id of timerIds) this.cancel(executionArn, id);
  }

  /** The soonest live timer, without removing it. */
  peek(): DueTimer | undefined {
    this.prune();
    return this.heap[0];
  }

  /** Removes and returns the soonest live timer if it is due at or before `at`. */
  popDue(at: number): DueTimer | undefined {
    this.prune();
    const top = this.heap[0];
    if (!top || top.dueAt > at) return undefined;
    this.removeTop();
    this.forget(top.executionArn, top.timerId);
    return { executionArn: top.executionArn, timerId: top.timerId, dueAt: top.dueAt };
  }

  /** Takes the live entry out of its execution's list (it stays in the heap until dropped). */
  private forget(executionArn: string, timerId: string): Entry | undefined {
    const mine = this.byExecution.get(executionArn);
    if (!mine) return undefined;
    const i = mine.findIndex((e) => e.timerId === timerId);
    if (i < 0) return undefined;
    const [entry] = mine.splice(i, 1);
    if (mine.length === 0) this.byExecution.delete(executionArn);
    this.liveCount--;
    return entry;
  }

  private prune(): void {
    while (this.heap.length > 0 && this.heap[0]!.cancelled) this.removeTop();
  }

  /** Drops every cancelled entry and restores the heap order bottom-up (O(n)). */
  private compact(): void {
    this.heap = this.heap.filter((e) => !e.cancelled);
    for (let i = (this.heap.length >> 1) - 1; i >= 0; i--) this.down(i);
  }

  private removeTop(): void {
    const last = this.heap.pop()!;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      this.down(0);
    }
  }

  private less(a: number, b: number): boolean {
    const x = this.heap[a]!;
    const y = this.heap[b]!;
    return x.dueAt < y.dueAt || (x.dueAt === y.dueAt && x.seq < y.seq);
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) return;
      [this.heap[i], this.heap[parent]] = [this.heap[parent]!, this.heap[i]!];
      i = parent;
    }
  }

  private down(i: number): void {
    const n = this.heap.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < n && this.less(l, m)) m = l;
      if (r < n && this.less(r, m)) m = r;
      if (m === i) return;
      [this.heap[i], this.heap[m]] = [this.heap[m]!, this.heap[i]!];
      i = m;
    }
  }
}
