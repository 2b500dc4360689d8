import { Chain, type TerminalChain } from '../chain';
import { CatchableState } from '../catchable-state';
import type { Chainable, StateNode } from '../state-node';
import { Fail } from '../states/fail';
import { Pass } from '../states/pass';
import { ActivityTask } from './invoke';
import { WorkflowError } from '../workflow-error';

/** One step of a saga: what it does and, optionally, how to undo it. */
export interface SagaStep {
  /** The step: an activity call, or any chain (e.g. a choice that ends the saga early). */
  run: Chainable;
  /** Undoes the step; runs when a later step fails. Give it its own retry. */
  compensate?: Chainable;
}

/** How a failed saga ends, after its compensations. */
export type SagaFailureEnding =
  /** A Fail state carrying the original error and cause (the default). */
  | { kind: 'fail' }
  /** A successful result built from the state, e.g. `{status: 'failed', error: path('$.error.Error')}`. */
  | { kind: 'result'; result: Record<string, unknown> };

export interface SagaProps {
  /** The steps, in order. A bare chainable is a step without compensation. */
  steps: Array<SagaStep | Chainable>;
  /** @default { kind: 'fail' } */
  onFailure?: SagaFailureEnding;
  /** Where a step's `{Error, Cause}` is kept while compensating. @default "$.error" */
  errorPath?: string;
}

function isStep(s: SagaStep | Chainable): s is SagaStep {
  return 'run' in s;
}

/**
 * A saga: steps run in order; when step k fails, the compensations of the steps before k run in
 * reverse order, then the saga ends as `onFailure` says. Compensations are chained once and
 * shared: a failure at step k enters the chain at the latest compensation before k.
 */
export function saga(name: string, props: SagaProps): Chain | TerminalChain {
  const steps = props.steps.map((s) => (isStep(s) ? s : { run: s }));
  if (steps.length === 0) throw new WorkflowError('the saga has no steps', 'give at least one step', name);
  const errorPath = props.errorPath ?? '$.error';
  const ending = props.onFailure ?? { kind: 'fail' };
  const failed: StateNode = ending.kind === 'fail'
    ? new Fail(`${name}Failed`, { errorPath: `${errorPath}.Error`, causePath: `${errorPath}.Cause` })
    : new Pass(`${name}Failed`, { parameters: ending.result });

  // targets[k]: where a failure of step k goes, i.e. the compensation of the latest step before k,
  // which continues with the earlier ones and finally the ending.
  const targets: Chainable[] = [];
  let head: Chainable = failed;
  steps.forEach((step, k) => {
    targets[k] = head;
    if (step.compensate) {
      checkCompensation(step.compensate, name);
      Chain.start(step.compensate).next(head);
      head = step.compensate;
    }
  });
  steps.forEach((step, k) => {
    // A Fail ending with nothing to undo behaves exactly like no catch: leave the step uncaught.
    if (targets[k] === failed && ending.kind === 'fail') return;
    for (const state of step.run.states) {
      if (state instanceof CatchableState) state.addCatch(targets[k], { errors: ['States.ALL'], resultPath: errorPath });
    }
  });
  const [first, ...rest] = steps.map((s) => s.run);
  return Chain.sequence(first, ...rest);
}

/** A compensation that replaced the state would lose the error the saga ends with. */
function checkCompensation(compensate: Chainable, saga: string): void {
  for (const state of compensate.states) {
    if (state instanceof ActivityTask && (state.props.resultPath === undefined || state.props.resultPath === '$')) {
      throw new WorkflowError(`the compensation replaces the state with its output, which loses the error that saga '${saga}' ends with`, 'give the compensation resultPath: null (or a path such as "$.compensation")', state.name);
    }
  }
}
