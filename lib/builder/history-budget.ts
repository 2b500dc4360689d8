import type { CostContext, StateNode } from './state-node';

/**
 * Worst-case history events, counted the way AWS writes them (each state's model is documented
 * on its `ownEvents`). A run adds ExecutionStarted, then the events of the longest path through
 * the graph (all retries taken, the costliest branch of each Choice, every branch of a
 * Parallel), then ExecutionSucceeded, or ExecutionFailed, which a Fail state counts itself.
 * Back edges of bounded loops are not followed: loops are counted per iteration.
 */
export class HistoryBudget implements CostContext {
  readonly unboundedMaps: Array<{ state: string; eventsPerItem: number }> = [];
  private readonly memo = new Map<StateNode, number>();
  private readonly nestedMemo = new Map<StateNode, number>();

  /** Events of a whole run from the top-level start state. */
  run(start: StateNode): number {
    return 1 + this.longestFrom(start, false);
  }

  nestedGraphEvents(start: StateNode): number {
    return this.longestFrom(start, true);
  }

  unboundedMap(state: string, eventsPerItem: number): void {
    if (!this.unboundedMaps.some((m) => m.state === state)) this.unboundedMaps.push({ state, eventsPerItem });
  }

  /** Worst-case events from `node` (included) to the end of its graph. */
  longestFrom(node: StateNode, nested: boolean): number {
    const memo = nested ? this.nestedMemo : this.memo;
    const known = memo.get(node);
    if (known !== undefined) return known;
    const onward = node.edges().filter((e) => !e.loopBack).map((e) => this.longestFrom(e.target, nested));
    // A state without Next ends the run: ExecutionSucceeded at the top level (a Fail counted its own end).
    const ending = node.endsFlow() ? (nested || node.type === 'Fail' ? 0 : 1) : -Infinity;
    const total = node.ownEvents(this, nested) + Math.max(ending, ...onward);
    memo.set(node, total);
    return total;
  }

  /** Worst-case events on a path from `from` to `until`, both included; -Infinity when `until` is unreachable. */
  longestTo(from: StateNode, until: StateNode, nested = false): number {
    const memo = new Map<StateNode, number>();
    const walk = (node: StateNode): number => {
      const known = memo.get(node);
      if (known !== undefined) return known;
      const own = node.ownEvents(this, nested);
      const total = node === until ? own : own + Math.max(-Infinity, ...node.edges().filter((e) => !e.loopBack).map((e) => walk(e.target)));
      memo.set(node, total);
      return total;
    };
    return walk(from);
  }
}
