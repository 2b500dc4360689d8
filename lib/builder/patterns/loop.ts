import type { ChoiceState } from '../../asl';
import { path } from '../json-path';
import { Chain, type TerminalChain } from '../chain';
import { StateNode, type Chainable, type Edge } from '../state-node';
import { Pass } from '../states/pass';
import { Succeed } from '../states/succeed';
import { Task } from '../states/task';
import { Wait, type WaitTime } from '../states/wait';
import { WorkflowError } from '../workflow-error';

export const START_EXECUTION = 'arn:aws:states:::states:startExecution';

/** The default history budget of one execution: well under AWS's hard limit of 25,000 events. */
export const DEFAULT_HISTORY_BUDGET = 10_000;

export interface LoopProps {
  /** One iteration, e.g. check → choice → alert. Its open ends continue to the wait. */
  body: Chainable;
  /** The wait between iterations. */
  every: WaitTime;
  /** Iterations before continuing as new. @default as many as fit the history budget */
  iterationsPerExecution?: number;
  /** Events one execution may use before it continues as new. @default 10000 */
  historyBudget?: number;
  /** Where the iteration counter is kept. @default "$.loop" */
  counterPath?: string;
}

/**
 * The loop's decision: continue as new after N iterations, else go back to the body. N is set
 * by the compiler from the history budget (see workflow.ts), since it needs the iteration's cost.
 */
export class LoopChoice extends StateNode {
  readonly type = 'Choice';
  readonly terminal = true;
  iterations?: number;
  constructor(
    name: string,
    readonly bodyStart: StateNode,
    readonly continueAsNew: StateNode,
    readonly counterPath: string,
    readonly props: LoopProps,
  ) {
    super(name);
  }
  override get endStates(): StateNode[] {
    return [];
  }
  override edges(): Edge[] {
    return [{ target: this.continueAsNew }, { target: this.bodyStart, loopBack: true }];
  }
  render(): ChoiceState {
    if (this.iterations === undefined) throw new Error(`internal: loop '${this.name}' was rendered before its budget`);
    return {
      Type: 'Choice',
      Choices: [{ Variable: `${this.counterPath}.iteration`, NumericGreaterThanEquals: this.iterations, Next: this.continueAsNew.name }],
      Default: this.bodyStart.name,
    };
  }
  /** ChoiceStateEntered, ChoiceStateExited. */
  ownEvents(): number {
    return 2;
  }
}

/** Starts a fresh execution of this state machine with this execution's input. */
class ContinueAsNew extends Task {
  constructor(name: string) {
    super(name, {
      resource: START_EXECUTION,
      pattern: 'requestResponse',
      parameters: { 'StateMachineArn.$': '$$.StateMachine.Id', 'Input.$': '$$.Execution.Input' },
      resultPath: null,
    });
  }
}

/**
 * The eternal orchestration: body → wait → count → (N reached? continue as new : body again).
 * Continue-as-new keeps each execution's history bounded, which a plain back edge would not.
 */
export function loop(name: string, props: LoopProps): TerminalChain {
  const counterPath = props.counterPath ?? '$.loop';
  const budget = props.historyBudget ?? DEFAULT_HISTORY_BUDGET;
  if (!(Number.isInteger(budget) && budget > 0 && budget <= 25_000)) {
    throw new WorkflowError(`historyBudget (${budget}) is outside 1–25000 (AWS fails an execution at 25,000 events)`, 'use a budget such as 10000', name);
  }
  const n = props.iterationsPerExecution;
  if (n !== undefined && !(Number.isInteger(n) && n > 0)) {
    throw new WorkflowError(`iterationsPerExecution (${n}) is not a positive whole number`, 'give a positive whole number, or omit it to derive it from the history budget', name);
  }
  const init = new Pass(`${name}Start`, { result: { iteration: 0 }, resultPath: counterPath });
  const wait = new Wait(`${name}Wait`, props.every);
  const count = new Pass(`${name}Count`, { parameters: { iteration: path(`States.MathAdd(${counterPath}.iteration, 1)`) }, resultPath: counterPath });
  const again = new ContinueAsNew(`${name}ContinueAsNew`);
  const done = new Succeed(`${name}Continued`);
  const decide = new LoopChoice(`${name}ShouldContinueAsNew`, props.body.startState, again, counterPath, props);
  Chain.start(again).next(done);
  const chain = Chain.sequence(init, props.body, wait, count);
  if (!(chain instanceof Chain)) throw new WorkflowError('the loop body ends every path, so the loop never repeats', 'let the body continue (no Succeed or Fail on the healthy path)', name);
  return chain.next(decide);
}
