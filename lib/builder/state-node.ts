import type { State, StateGraph, StateType } from '../asl';
import { WorkflowError } from './workflow-error';

/** Anything that can be placed in a flow: a state or a chain of states. */
export interface Chainable {
  readonly startState: StateNode;
  /** States whose Next is still open; empty when the flow ends (Succeed, Fail). */
  readonly endStates: StateNode[];
  /** The states this chainable created, e.g. for a saga to attach its catchers. */
  readonly states: StateNode[];
}

/** An outgoing transition. `loopBack` marks the back edge a bounded `loop()` creates. */
export interface Edge {
  target: StateNode;
  loopBack?: boolean;
}

/** What rendering needs from the workflow being compiled. */
export interface RenderContext {
  renderGraph(start: StateNode): StateGraph;
  bindActivity(activity: { name: string; placeholder: string; entry: string; handler: string; timeoutSeconds: number }): void;
  bindSubWorkflow(name: string, placeholder: string): void;
}

/** What the history-event budget needs: the worst case of a nested graph, and a note for Maps of unknown size. */
export interface CostContext {
  /** Worst-case events of a nested graph (a Map iteration or a Parallel branch). */
  nestedGraphEvents(start: StateNode): number;
  unboundedMap(state: string, eventsPerItem: number): void;
}

/** The base of every state: a name, its outgoing transitions, its ASL and its own history events. */
export abstract class StateNode implements Chainable {
  abstract readonly type: StateType;
  protected nextState?: StateNode;
  /** Set by `end()`: the state is explicitly the last of its flow. */
  protected ended = false;

  constructor(readonly name: string) {
    if (name.length === 0 || name.length > 80) {
      throw new WorkflowError(`the state name '${name}' must have 1 to 80 characters`, 'choose a shorter name', name);
    }
  }

  get startState(): StateNode {
    return this;
  }
  get endStates(): StateNode[] {
    return this.ended ? [] : [this];
  }
  get states(): StateNode[] {
    return [this];
  }

  /** Sets the state's Next; used by the chain algebra. */
  addNext(next: StateNode): void {
    if (this.ended) {
      throw new WorkflowError(`'${next.name}' cannot follow this state, which was ended with end()`, `remove end(), or place '${next.name}' elsewhere`, this.name);
    }
    if (this.nextState) {
      throw new WorkflowError(`'${next.name}' cannot follow this state, which already continues to '${this.nextState.name}'`, 'chain each state once; branch with choice() or parallel()', this.name);
    }
    this.nextState = next;
  }

  edges(): Edge[] {
    return this.nextState ? [{ target: this.nextState }] : [];
  }

  /** Whether the run can end at this state (it has no Next). */
  endsFlow(): boolean {
    return this.nextState === undefined;
  }

  /** The start states of nested graphs (Map iteration, Parallel branches). */
  nestedStarts(): StateNode[] {
    return [];
  }

  abstract render(ctx: RenderContext): State;

  /**
   * History events this state adds to a run, worst case, excluding the states that follow it.
   * @param nested whether the state is inside a Map iteration or Parallel branch (Fail adds no ExecutionFailed there)
   */
  abstract ownEvents(ctx: CostContext, nested: boolean): number;

  protected transition(): { Next: string } | { End: true } {
    return this.nextState ? { Next: this.nextState.name } : { End: true };
  }
}
