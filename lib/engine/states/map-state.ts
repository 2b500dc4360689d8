import { StatesErrors, type Json, type MapState } from '../../asl';
import { sideOf, type Branch, type BranchOwner, type Thread } from '../core/branch';
import { finishJsonata, finishJsonPath } from '../core/data-flow';
import { errorOutput, toStatesFailure, type EngineFailure } from '../core/engine-failure';
import type { Interpreter } from '../core/interpreter';
import type { StateRun } from '../core/state-run';
import { finishAfter } from './finish-after';
import { MapRun, TOLERATED_FAILURE_CAUSE } from './map-run/distributed-map';
import { exceedsTolerance, itemInput, mapPlan } from './map-run/map-plan';
import { readTolerance } from './map-run/map-tolerance';
import type { StateEvaluator } from './state-evaluator';

export { TOLERATED_FAILURE_CAUSE };

/**
 * An inline Map runs at most 40 iterations at once, whatever MaxConcurrency asks for.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-map-inline.html ("supports up to 40 concurrent iterations")
 */
export const INLINE_MAX_CONCURRENCY = 40;

/**
 * Map: runs the item processor once per item, at most MaxConcurrency at a time (0: no limit but
 * the inline mode's 40),
 * collecting outputs in item order. Failures beyond ToleratedFailureCount/Percentage fail the
 * state (aborting running iterations): with no tolerance set the iteration's own error, else
 * States.ExceedToleratedFailureThreshold. Distributed mode runs a Map Run of child executions instead.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-map.html
 */
export const mapState: StateEvaluator = {
  async execute(run, it) {
    const def = run.state.def as MapState;
    const plan = await mapPlan(run, it, def);
    run.work.mapRun = undefined;
    run.work.running = undefined;
    if (run.state.distributed) {
      const mapRun = new MapRun(run, it, def, plan);
      run.work.mapRun = mapRun;
      return mapRun.start();
    }
    const thread = run.branch.thread;
    const startedId = it.emit(thread, 'MapStateStarted', { mapStateStartedEventDetails: { length: plan.items.length } });
    await readTolerance(run, it, def, plan);
    const tolerant = plan.toleratedCount !== undefined || plan.toleratedPercentage !== undefined;
    const total = plan.items.length;
    const results: Json[] = new Array<Json>(total).fill(null);
    // A redrive runs again only the iterations that did not succeed.
    const carried = run.takeCarried();
    if (carried) for (const [i, output] of carried) results[i] = output;
    const limit = plan.maxConcurrency === 0 ? INLINE_MAX_CONCURRENCY : Math.min(plan.maxConcurrency, INLINE_MAX_CONCURRENCY);
    let next = 0;
    let running = 0;
    let finished = carried?.size ?? 0;
    let failed = 0;
    let settled = false;
    const inFlight = new Set<Branch>();
    run.children = [];

    const succeed = () =>
      it.guard(run, async () => {
        const succeededId = it.emit({ last: thread.last }, 'MapStateSucceeded', {});
        await finishAfter(succeededId, run, async () => {
          const outcome = run.state.queryLanguage === 'JSONata' ? await finishJsonata(it, run, results, { result: results }) : finishJsonPath(it, run, results, true);
          it.complete(run, outcome, def.Next);
        });
      });

    /** Starts iterations while slots are free; `cause` is the event that freed the slot. */
    const launch = async (cause: number = thread.last): Promise<void> => {
      while (!settled && running < limit && next < total) {
        const index = next++;
        if (carried?.has(index)) continue;
        running++;
        let input: Json;
        try {
          input = await itemInput(run, it, def, plan, index);
        } catch (e) {
          // The Map fails with the selector's error; iterations already running are cut first (not for States.Runtime, which ends the execution at once).
          settled = true;
          if ((e as { error?: string }).error !== StatesErrors.Runtime) abortIterations(it, run, inFlight, thread.last);
          throw e;
        }
        const iterationThread: Thread = { last: cause };
        it.emit(iterationThread, 'MapIterationStarted', { mapIterationStartedEventDetails: { name: run.name, index } });
        const branch = it.startBranch(run.state.graphs[0]!, input, run.branch.variables.child(), iterationThread, owner, index);
        branch.absorbsRuntimeFailures = tolerant;
        inFlight.add(branch);
        run.children.push(branch);
      }
    };

    const owner: BranchOwner = {
      branchSucceeded(branch, output) {
        if (settled || run.done) return;
        inFlight.delete(branch);
        running--;
        finished++;
        results[branch.index] = output;
        run.keepBranchOutput(branch.index, output);
        const last = branch.thread.last;
        // MapStateSucceeded and the Exited event link to the last MapIterationSucceeded; the next
        // iteration to start links to this one's last state event (recorded on AWS).
        thread.last = it.emit(branch.thread, 'MapIterationSucceeded', { mapIterationSucceededEventDetails: { name: run.name, index: branch.index } });
        if (finished === total) {
          settled = true;
          return succeed();
        }
        return it.guard(run, () => launch(last));
      },
      recordsEndingTask: true,
      branchFailed(branch, failure: EngineFailure, unrecorded, taskEnded) {
        if (settled || run.done) return;
        inFlight.delete(branch);
        running--;
        finished++;
        failed++;
        const cause = branch.thread.last;
        results[branch.index] = errorOutput(failure);
        if (!exceedsTolerance(plan, failed)) {
          const failedId = recordFailed(branch, cause, unrecorded, taskEnded);
          if (failedId !== undefined) thread.last = failedId;
          if (finished === total) {
            settled = true;
            return succeed();
          }
          return it.guard(run, () => launch(cause));
        }
        settled = true;
        // The failed iteration and the ones it cuts are recorded in item order, each iteration's event
        // then its state's abort, all linked to the failure (recorded on AWS: localstack
        // test_timeouts.snapshot.json test_service_lambda_map_timeout; floci-io/floci, measured).
        const cut = [...inFlight];
        inFlight.clear();
        for (const other of [...cut, branch].sort((a, b) => a.index - b.index)) {
          if (other === branch) recordFailed(branch, cause, unrecorded, taskEnded);
          else abortIteration(it, run, other, cause);
        }
        thread.last = cause;
        const f: EngineFailure = tolerant ? { error: StatesErrors.ExceedToleratedFailureThreshold, cause: TOLERATED_FAILURE_CAUSE } : failure;
        return it.guard(run, () => {
          throw toStatesFailure(f);
        });
      },
    };
    /** MapIterationFailed (unless a tolerated States.Runtime error: undefined), then the Task that ended it, aborted. */
    const recordFailed = (branch: Branch, cause: number, unrecorded?: boolean, taskEnded?: boolean): number | undefined => {
      const details = { mapIterationFailedEventDetails: { name: run.name, index: branch.index } };
      const failedId = unrecorded ? undefined : it.emit(sideOf(branch.thread, cause), 'MapIterationFailed', details);
      if (taskEnded) it.emit(sideOf(branch.thread, cause), 'TaskStateAborted', {});
      return failedId;
    };
    run.work.running = inFlight;

    if (finished === total) {
      settled = true;
      return succeed();
    }
    await launch(startedId);
  },
  abort(run, it, cause) {
    const running = run.work.running as Set<Branch> | undefined;
    if (running) abortIterations(it, run, running, cause);
    (run.work.mapRun as MapRun | undefined)?.abort(cause);
  },
};

/** A running iteration is recorded aborted, then its running state: both linked to `cause` (recorded on AWS). */
function abortIteration(it: Interpreter, run: StateRun, branch: Branch, cause: number): void {
  it.emit(sideOf(branch.thread, cause), 'MapIterationAborted', { mapIterationAbortedEventDetails: { name: run.name, index: branch.index } });
  it.abortBranch(branch, cause);
}

/** Each running iteration, in item order, cut as abortIteration records it. */
function abortIterations(it: Interpreter, run: StateRun, running: Set<Branch>, cause: number): void {
  for (const branch of [...running].sort((a, b) => a.index - b.index)) abortIteration(it, run, branch, cause);
  running.clear();
}
