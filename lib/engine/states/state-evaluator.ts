import type { Interpreter } from '../core/interpreter';
import type { StateRun } from '../core/state-run';

/**
 * One state type's behaviour. The interpreter owns the lifecycle (Entered event, Retry, Catch,
 * Exited event, transition); an evaluator does the state's own step and reports through
 * `it.complete(run, outcome, next)` or by throwing a StatesFailure.
 */
export interface StateEvaluator {
  /** Runs the state's step after its Entered event, and again on each retry. */
  execute(run: StateRun, it: Interpreter): Promise<void> | void;
  /** Stops what the run has in motion (children, tasks, timers); events for children first. */
  abort?(run: StateRun, it: Interpreter, cause: number): void;
}
