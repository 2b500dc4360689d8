import { Chain, TerminalChain, type Terminal } from './chain';
import { StateNode, type Chainable } from './state-node';

/** A state that can be followed by another: every state type but Succeed, Fail and Choice. */
export abstract class NextState extends StateNode {
  next(item: Chainable & Terminal): TerminalChain;
  next(item: Chainable): Chain;
  next(item: Chainable): Chain | TerminalChain {
    return Chain.start(this).next(item);
  }

  /** Ends the flow at this state (`End: true`), e.g. a Pass that builds the final result. */
  end(): TerminalChain {
    this.ended = true;
    return new TerminalChain(this, [this], this.name);
  }
}
