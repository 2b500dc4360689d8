import type { Chainable, StateNode } from './state-node';
import { WorkflowError } from './workflow-error';

/** Marks a state that ends the flow (Succeed, Fail): nothing can follow it. */
export interface Terminal {
  readonly terminal: true;
}

/**
 * A sequence of states, like aws-cdk-lib's Chain: `next()` links every open end to the next
 * chainable's start and returns a new chain. A chain that ends in Succeed or Fail is a
 * `TerminalChain`, which has no `next` at all.
 */
export class Chain implements Chainable {
  static start(first: Chainable): Chain {
    return new Chain(first.startState, first.endStates, first.states, first.endStates.length === 0 ? lastName(first) : undefined);
  }

  /** `sequence(a, b, c)` is `Chain.start(a).next(b).next(c)`. */
  static sequence(first: Chainable, ...rest: Chainable[]): Chain | TerminalChain {
    let chain: Chain | TerminalChain = Chain.start(first);
    for (const item of rest) {
      if (!(chain instanceof Chain)) throw afterTerminal(chain, item);
      chain = chain.next(item);
    }
    return chain;
  }

  private constructor(
    readonly startState: StateNode,
    readonly endStates: StateNode[],
    readonly states: StateNode[],
    /** Where every path ended, when none continues. */
    readonly endedAt?: string,
  ) {}

  next(item: Chainable & Terminal): TerminalChain;
  next(item: Chainable): Chain;
  next(item: Chainable): Chain | TerminalChain {
    if (this.endStates.length === 0) throw afterTerminal(this, item);
    for (const end of this.endStates) end.addNext(item.startState);
    const states = [...this.states, ...item.states];
    // Only a Terminal by type gives a TerminalChain; a chain that ends otherwise (a choice whose
    // branches all end, a state ended with end()) stays a Chain whose next() reports the mistake.
    if ('terminal' in item) return new TerminalChain(this.startState, states, lastName(item));
    return new Chain(this.startState, item.endStates, states, item.endStates.length === 0 ? lastName(item) : undefined);
  }
}

/** A chain that always ends (in Succeed or Fail): it can be placed, not continued. */
export class TerminalChain implements Chainable, Terminal {
  readonly terminal = true;
  readonly endStates: StateNode[] = [];
  constructor(
    readonly startState: StateNode,
    readonly states: StateNode[],
    readonly lastState: string,
  ) {}
}

/** The state after which a chainable ends: a terminal chain's last state, else the chainable's own start. */
function lastName(c: Chainable): string {
  if (c instanceof TerminalChain) return c.lastState;
  return c instanceof Chain && c.endedAt !== undefined ? c.endedAt : c.startState.name;
}

/** The error for a state chained after a flow that has already ended. */
export function afterTerminal(before: Chainable, item: Chainable): WorkflowError {
  return new WorkflowError(
    `it follows '${lastName(before)}', where every path has already ended (Succeed, Fail or end()), so it would never run`,
    `remove it, or end the earlier flow with a state that continues`,
    item.startState.name,
  );
}
