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
    return new Chain(first.startState, first.endStates, first.states);
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
  ) {}

  next(item: Chainable & Terminal): TerminalChain;
  next(item: Chainable): Chain;
  next(item: Chainable): Chain | TerminalChain {
    if (this.endStates.length === 0) throw afterTerminal(this, item);
    for (const end of this.endStates) end.addNext(item.startState);
    const states = [...this.states, ...item.states];
    return item.endStates.length === 0
      ? new TerminalChain(this.startState, states, lastName(item))
      : new Chain(this.startState, item.endStates, states);
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

function lastName(c: Chainable): string {
  return c instanceof TerminalChain ? c.lastState : c.states[c.states.length - 1].name;
}

/** The error for a state chained after a flow that has already ended. */
export function afterTerminal(before: Chainable, item: Chainable): WorkflowError {
  return new WorkflowError(
    `it follows '${lastName(before)}', where every path has already ended (Succeed or Fail), so it would never run`,
    `remove it, or end the earlier flow with a state that continues`,
    item.startState.name,
  );
}
