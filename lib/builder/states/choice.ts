import type { ChoiceState, JsonPathChoiceRule } from '../../asl';
import { Chain } from '../chain';
import type { Condition } from '../condition';
import { StateNode, type Chainable, type Edge } from '../state-node';
import { WorkflowError } from '../workflow-error';

/**
 * Branches on conditions, first match wins. The flow continues after the choice from every
 * branch that does not end: `next()` joins them (and becomes the Default when none is given).
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html
 */
export class Choice extends StateNode {
  readonly type = 'Choice';
  private readonly branches: Array<{ condition: Condition; then: Chainable }> = [];
  private otherwiseBranch?: Chainable;

  constructor(name: string, private readonly comment?: string) {
    super(name);
  }

  when(condition: Condition, then: Chainable): this {
    this.branches.push({ condition, then });
    return this;
  }

  otherwise(then: Chainable): this {
    if (this.otherwiseBranch) throw new WorkflowError('it already has an otherwise branch', 'give otherwise() once', this.name);
    this.otherwiseBranch = then;
    return this;
  }

  /** Continues the flow after the choice, from every branch that does not end. */
  next(item: Chainable): Chain {
    return Chain.start(this).next(item);
  }

  override get endStates(): StateNode[] {
    const ends = this.branches.flatMap((b) => b.then.endStates);
    return this.otherwiseBranch ? [...ends, ...this.otherwiseBranch.endStates] : [this, ...ends];
  }

  override get states(): StateNode[] {
    const inner = [...this.branches.map((b) => b.then), ...(this.otherwiseBranch ? [this.otherwiseBranch] : [])];
    return [this, ...inner.flatMap((c) => c.states)];
  }

  /** On a choice without an otherwise branch, the chained state becomes its Default. */
  override addNext(next: StateNode): void {
    if (this.otherwiseBranch) super.addNext(next);
    else this.otherwiseBranch = next;
  }

  override edges(): Edge[] {
    const rules = this.branches.map((b) => ({ target: b.then.startState }));
    return this.otherwiseBranch ? [...rules, { target: this.otherwiseBranch.startState }] : rules;
  }

  render(): ChoiceState {
    if (this.branches.length === 0) {
      throw new WorkflowError('it has no when() branch', 'add at least one when(condition, next)', this.name);
    }
    return {
      Type: 'Choice',
      ...(this.comment && { Comment: this.comment }),
      Choices: this.branches.map((b) => ({ ...b.condition.rule, Next: b.then.startState.name }) as JsonPathChoiceRule),
      ...(this.otherwiseBranch && { Default: this.otherwiseBranch.startState.name }),
    };
  }

  /** ChoiceStateEntered, ChoiceStateExited. */
  ownEvents(): number {
    return 2;
  }
}
