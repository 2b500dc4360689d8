import { StatesErrors, type Json, type MapState } from '../../asl';
import { sideOf, type Branch, type BranchOwner, type Thread } from '../core/branch';
import { effectiveInput, finishJsonata, finishJsonPath, jsonataBindings, jsonPathScope, payloadTemplate } from '../core/data-flow';
import { errorDetails, errorOutput, toStatesFailure, type EngineFailure } from '../core/engine-failure';
import type { Interpreter } from '../core/interpreter';
import type { StateRun } from '../core/state-run';
import { VariableScope } from '../core/variable-scope';
import { evaluateJsonataArray, evaluateJsonataField, evaluateJsonataInteger, evaluateJsonataNumber } from '../jsonata';
import { readPath } from '../jsonpath';
import { StatesFailure } from '../states-failure';
import { finishAfter } from './finish-after';
import type { StateEvaluator } from './state-evaluator';

/** AWS's cause when a Map's failures exceed its tolerance. */
export const TOLERATED_FAILURE_CAUSE = 'The specified tolerated failure threshold was exceeded';

interface MapPlan {
  items: Json[];
  /** The input ItemSelector reads as `$` (JSONPath: the effective input). */
  selectorInput: Json;
  maxConcurrency: number;
  toleratedCount?: number;
  toleratedPercentage?: number;
}

function notAnArray(run: StateRun, path: string, value: Json): StatesFailure {
  return new StatesFailure(
    StatesErrors.Runtime,
    `An error occurred while executing the state '${run.name}' (entered at the event id #${run.enteredEventId}). Invalid path '${path}': The Map state's ItemsPath must reference a JSON array, but was: ${JSON.stringify(value)}`,
  );
}

function numberField(value: Json, run: StateRun, field: string): number {
  if (typeof value === 'number' && value >= 0) return value;
  throw new StatesFailure(
    StatesErrors.Runtime,
    `An error occurred while executing the state '${run.name}' (entered at the event id #${run.enteredEventId}). The value of the field '${field}' must be a non-negative number, but was: ${JSON.stringify(value)}`,
  );
}

async function planJsonata(run: StateRun, it: Interpreter, def: MapState): Promise<MapPlan> {
  const b = jsonataBindings(it, run);
  let items: Json[];
  if (def.Items !== undefined) items = await evaluateJsonataArray(def.Items, 'Items', b);
  else if (Array.isArray(run.input)) items = run.input;
  else throw notAnArray(run, '$', run.input);
  const plan: MapPlan = { items, selectorInput: run.input, maxConcurrency: 0 };
  if (def.MaxConcurrency !== undefined) plan.maxConcurrency = await evaluateJsonataInteger(def.MaxConcurrency, 'MaxConcurrency', b);
  if (def.ToleratedFailureCount !== undefined) plan.toleratedCount = await evaluateJsonataInteger(def.ToleratedFailureCount, 'ToleratedFailureCount', b);
  if (def.ToleratedFailurePercentage !== undefined) plan.toleratedPercentage = await evaluateJsonataNumber(def.ToleratedFailurePercentage, 'ToleratedFailurePercentage', b);
  return plan;
}

function planJsonPath(run: StateRun, it: Interpreter, def: MapState): MapPlan {
  const effective = effectiveInput(it, run);
  const scope = jsonPathScope(it, run, effective);
  const itemsPath = def.ItemsPath ?? '$';
  const items = itemsPath === '$' ? effective : readPath(itemsPath, scope, 'ItemsPath');
  if (!Array.isArray(items)) throw notAnArray(run, itemsPath, items);
  const plan: MapPlan = { items, selectorInput: effective, maxConcurrency: 0 };
  const read = (literal: number | string | undefined, path: string | undefined, field: string): number | undefined => {
    if (path !== undefined) return numberField(readPath(path, scope, `${field}Path`), run, `${field}Path`);
    return typeof literal === 'number' ? literal : undefined;
  };
  plan.maxConcurrency = read(def.MaxConcurrency, def.MaxConcurrencyPath, 'MaxConcurrency') ?? 0;
  const count = read(def.ToleratedFailureCount, def.ToleratedFailureCountPath, 'ToleratedFailureCount');
  if (count !== undefined) plan.toleratedCount = count;
  const pct = read(def.ToleratedFailurePercentage, def.ToleratedFailurePercentagePath, 'ToleratedFailurePercentage');
  if (pct !== undefined) plan.toleratedPercentage = pct;
  return plan;
}

/** The iteration's input: ItemSelector (or legacy Parameters) with `$$.Map.Item`, else the item. */
async function itemInput(run: StateRun, it: Interpreter, def: MapState, plan: MapPlan, index: number): Promise<Json> {
  const selector = def.ItemSelector ?? (run.state.queryLanguage === 'JSONPath' ? def.Parameters : undefined);
  const value = plan.items[index]!;
  if (selector === undefined) return value;
  run.extraContext = { Map: { Item: { Index: index, Value: value } } };
  try {
    if (run.state.queryLanguage === 'JSONata') return await evaluateJsonataField(selector, 'ItemSelector', jsonataBindings(it, run));
    return payloadTemplate(it, run, selector, plan.selectorInput, 'ItemSelector');
  } finally {
    run.extraContext = undefined;
  }
}

/** A Map without a tolerance (a Distributed Map: tolerance 0) fails at its first failed item. */
function exceedsTolerance(plan: MapPlan, failed: number): boolean {
  const { toleratedCount, toleratedPercentage } = plan;
  if (toleratedCount === undefined && toleratedPercentage === undefined) return failed > 0;
  if (toleratedCount !== undefined && failed > toleratedCount) return true;
  if (toleratedPercentage !== undefined && (failed * 100) / plan.items.length > toleratedPercentage) return true;
  return false;
}

/**
 * Map: runs the item processor once per item, at most MaxConcurrency at a time (0: no limit),
 * collecting outputs in item order. Failures beyond ToleratedFailureCount/Percentage fail the
 * state (aborting running iterations): with no tolerance set the iteration's own error, else
 * States.ExceedToleratedFailureThreshold. Distributed mode records a Map Run instead of iterations.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-map.html
 */
export const mapState: StateEvaluator = {
  async execute(run, it) {
    const def = run.state.def as MapState;
    const plan = run.state.queryLanguage === 'JSONata' ? await planJsonata(run, it, def) : planJsonPath(run, it, def);
    const thread = run.branch.thread;
    const distributed = run.state.distributed;
    const tolerant = plan.toleratedCount !== undefined || plan.toleratedPercentage !== undefined;
    const startedId = it.emit(thread, 'MapStateStarted', { mapStateStartedEventDetails: { length: plan.items.length } });
    run.work.mapRunArn = undefined;
    if (distributed) {
      const info = it.info;
      const mapRunArn = `arn:aws:states:${info.region}:${info.accountId}:mapRun:${info.stateMachineName}/${def.Label ?? run.name}:${it.random.uuid()}`;
      it.emit(thread, 'MapRunStarted', { mapRunStartedEventDetails: { mapRunArn } });
      run.work.mapRunArn = mapRunArn;
    }
    const total = plan.items.length;
    const results: Json[] = new Array<Json>(total).fill(null);
    const limit = plan.maxConcurrency === 0 ? Infinity : plan.maxConcurrency;
    let next = 0;
    let running = 0;
    let finished = 0;
    let failed = 0;
    let settled = false;
    const inFlight = new Set<Branch>();
    run.children = [];

    const succeed = () =>
      it.guard(run, async () => {
        // A Map Run's Succeeded event is a marker: MapStateSucceeded follows it, the Exited event links past both.
        const runEnded = distributed ? it.emit(sideOf(thread), 'MapRunSucceeded', {}) : thread.last;
        const succeededId = it.emit({ last: runEnded }, 'MapStateSucceeded', {});
        await finishAfter(succeededId, run, async () => {
          const outcome = run.state.queryLanguage === 'JSONata' ? await finishJsonata(it, run, results, { result: results }) : finishJsonPath(it, run, results, true);
          it.complete(run, outcome, def.Next);
        });
      });

    /** Starts iterations while slots are free; `cause` is the event that freed the slot. */
    const launch = async (cause: number = thread.last): Promise<void> => {
      while (!settled && running < limit && next < total) {
        const index = next++;
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
        const iterationThread: Thread = distributed ? { last: 0, muted: true } : { last: cause };
        if (!distributed) {
          it.emit(iterationThread, 'MapIterationStarted', { mapIterationStartedEventDetails: { name: run.name, index } });
        }
        // A Distributed Map's child executions cannot read the parent's variables (AWS docs, workflow variables).
        const scope = distributed ? new VariableScope() : run.branch.variables.child();
        const branch = it.startBranch(run.state.graphs[0]!, input, scope, iterationThread, owner, index);
        branch.absorbsRuntimeFailures = tolerant || distributed;
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
        const last = branch.thread.last;
        if (!distributed) {
          // MapStateSucceeded and the Exited event link to the last MapIterationSucceeded; the next
          // iteration to start links to this one's last state event (recorded on AWS).
          thread.last = it.emit(branch.thread, 'MapIterationSucceeded', { mapIterationSucceededEventDetails: { name: run.name, index: branch.index } });
        }
        if (finished === total) {
          settled = true;
          return succeed();
        }
        return it.guard(run, () => launch(distributed ? startedId : last));
      },
      branchFailed(branch, failure: EngineFailure, unrecorded) {
        if (settled || run.done) return;
        inFlight.delete(branch);
        running--;
        finished++;
        failed++;
        const cause = branch.thread.last;
        const details = { mapIterationFailedEventDetails: { name: run.name, index: branch.index } };
        results[branch.index] = errorOutput(failure);
        if (!exceedsTolerance(plan, failed)) {
          if (!distributed && !unrecorded) thread.last = it.emit(sideOf(branch.thread, cause), 'MapIterationFailed', details);
          if (finished === total) {
            settled = true;
            return succeed();
          }
          return it.guard(run, () => launch(distributed ? startedId : cause));
        }
        settled = true;
        // The iterations still running are cut, then the failed one is recorded: all linked to its last event.
        abortIterations(it, run, inFlight, cause);
        if (!distributed && !unrecorded) it.emit(sideOf(branch.thread, cause), 'MapIterationFailed', details);
        if (!distributed) thread.last = cause;
        const f: EngineFailure = tolerant || distributed ? { error: StatesErrors.ExceedToleratedFailureThreshold, cause: TOLERATED_FAILURE_CAUSE } : failure;
        if (distributed) thread.last = it.emit(sideOf(thread), 'MapRunFailed', { mapRunFailedEventDetails: errorDetails(f) });
        return it.guard(run, () => {
          throw toStatesFailure(f);
        });
      },
    };
    run.work.running = inFlight;

    if (total === 0) {
      settled = true;
      return succeed();
    }
    await launch(startedId);
  },
  abort(run, it, cause) {
    const running = run.work.running as Set<Branch> | undefined;
    if (running) abortIterations(it, run, running, cause);
    if (run.work.mapRunArn !== undefined) it.emit(sideOf(run.branch.thread, cause), 'MapRunAborted', {});
  },
};

/** Each running iteration is recorded aborted, then its running state: all linked to `cause` (recorded on AWS). */
function abortIterations(it: Interpreter, run: StateRun, running: Set<Branch>, cause: number): void {
  for (const branch of [...running].sort((a, b) => a.index - b.index)) {
    it.emit(sideOf(branch.thread, cause), 'MapIterationAborted', { mapIterationAbortedEventDetails: { name: run.name, index: branch.index } });
    it.abortBranch(branch, cause);
  }
  running.clear();
}
