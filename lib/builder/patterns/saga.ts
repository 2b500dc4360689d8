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
  /**
   * Errors after which this step's own compensation runs too (then the earlier ones), because the
   * step may have done its work before it failed: a `States.Timeout` leaves a reservation that
   * might have been made. The compensation must be safe when the step did nothing.
   * @default [] (a failed step is not compensated; the steps before it are)
   */
  compensateOn?: string[];
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
    const own = step.compensateOn ?? [];
    if (own.length > 0) checkCompensateOn(step, own, name);
    for (const state of step.run.states) {
      if (!(state instanceof CatchableState)) continue;
      // Errors that leave the step's own work in doubt undo it too, before the earlier steps.
      if (own.length > 0) state.addCatch(step.compensate!, { errors: own, resultPath: errorPath });
      // A Fail ending with nothing to undo behaves exactly like no catch: leave the step uncaught.
      if (targets[k] !== failed || ending.kind !== 'fail') state.addCatch(targets[k], { errors: ['States.ALL'], resultPath: errorPath });
    }
  });
  const [first, ...rest] = steps.map((s) => s.run);
  return Chain.sequence(first, ...rest);
}

function checkCompensateOn(step: SagaStep, errors: string[], saga: string): void {
  const where = step.run.startState.name;
  if (!step.compensate) throw new WorkflowError(`the step names errors to compensate itself on, but has no compensation`, 'give the step a compensate activity, or drop compensateOn', where);
  if (errors.includes('States.ALL')) throw new WorkflowError(`compensateOn lists States.ALL in saga '${saga}', which would compensate the step after any failure and hide the saga's own handling`, 'name the errors that leave the step in doubt, such as States.Timeout', where);
}

/** A compensation that replaced the state would lose the error the saga ends with. */
function checkCompensation(compensate: Chainable, saga: string): void {
  for (const state of compensate.states) {
    if (state instanceof ActivityTask && (state.props.resultPath === undefined || state.props.resultPath === '$')) {
      throw new WorkflowError(`the compensation replaces the state with its output, which loses the error that saga '${saga}' ends with`, 'give the compensation resultPath: null (or a path such as "$.compensation")', state.name);
    }
  }
}
