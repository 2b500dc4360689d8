/** One watched invocation: `expire` runs if it is still pending at `deadline` (epoch ms). */
interface Watched {
  deadline: number;
  expire: (() => void) | undefined;
}

/**
 * Timeouts of one function's invocations on one shared timer. Every invocation of a function has
 * the same timeout, so deadlines arrive in order and a FIFO holds them sorted: watching and
 * settling cost a push and a flag, where a timer per invocation cost a setTimeout and a
 * clearTimeout (measured: most of an inline invocation's own overhead).
 */
export class DeadlineQueue {
  private items: Watched[] = [];
  private head = 0;
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Infinity;

  /** Watches an invocation; the returned function settles it (its `expire` will not run). */
  watch(deadline: number, expire: () => void): () => void {
    const w: Watched = { deadline, expire };
    this.items.push(w);
    if (deadline < this.timerAt) this.arm(deadline);
    return () => {
      w.expire = undefined;
      this.trim();
    };
  }

  /** Invocations still watched. */
  get pending(): number {
    let n = 0;
    for (let i = this.head; i < this.items.length; i++) if (this.items[i]!.expire) n++;
    return n;
  }

  /** Drops settled invocations from the front; compacts once half the array is behind the head. */
  private trim(): void {
    while (this.head < this.items.length && !this.items[this.head]!.expire) this.head++;
    if (this.head === this.items.length) {
      this.items = [];
      this.head = 0;
      this.disarm();
    } else if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
  }

  private fire(): void {
    this.timer = undefined;
    this.timerAt = Infinity;
    const now = Date.now();
    while (this.head < this.items.length) {
      const w = this.items[this.head]!;
      if (w.expire && w.deadline > now) break;
      this.head++;
      const expire = w.expire;
      w.expire = undefined;
      expire?.();
    }
    this.trim();
    if (this.head < this.items.length) this.arm(this.items[this.head]!.deadline);
  }

  private arm(deadline: number): void {
    this.disarm();
    this.timerAt = deadline;
    this.timer = setTimeout(() => this.fire(), Math.max(0, deadline - Date.now()));
  }

  private disarm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = Infinity;
  }
}
