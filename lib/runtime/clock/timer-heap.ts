/** A timer the service holds for an execution: fired once, at its due service time. */
export interface DueTimer {
  executionArn: string;
  timerId: string;
  dueAt: number;
}

const keyOf = (executionArn: string, timerId: string) => `${executionArn}\u0000${timerId}`;

/**
 * Armed timers, soonest first: a binary min-heap with lazy deletion (a cancelled timer stays in
 * the heap until it surfaces, and is skipped), so arm and cancel are O(log n) and O(1).
 * Ties are broken by arming order, so timers due at the same time fire in the order they were armed.
 */
export class TimerHeap {
  private heap: Array<DueTimer & { seq: number }> = [];
  private readonly live = new Map<string, number>();
  private seq = 0;

  get size(): number {
    return this.live.size;
  }

  arm(timer: DueTimer): void {
    const seq = ++this.seq;
    this.live.set(keyOf(timer.executionArn, timer.timerId), seq);
    this.heap.push({ ...timer, seq });
    this.up(this.heap.length - 1);
  }

  cancel(executionArn: string, timerId: string): void {
    this.live.delete(keyOf(executionArn, timerId));
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
    this.live.delete(keyOf(top.executionArn, top.timerId));
    return { executionArn: top.executionArn, timerId: top.timerId, dueAt: top.dueAt };
  }

  private prune(): void {
    while (this.heap.length > 0) {
      const top = this.heap[0]!;
      if (this.live.get(keyOf(top.executionArn, top.timerId)) === top.seq) return;
      this.removeTop();
    }
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
