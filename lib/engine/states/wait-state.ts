import type { WaitState } from '../../asl';
import { effectiveInput, finishJsonata, jsonataBindings, jsonPathScope, passThroughJsonPath } from '../core/data-flow';
import { evaluateJsonataInteger, evaluateJsonataTimestamp } from '../jsonata';
import { readPath } from '../jsonpath';
import { StatesFailure } from '../states-failure';
import type { StateEvaluator } from './state-evaluator';

/**
 * Wait: Seconds, Timestamp, SecondsPath or TimestampPath, then the input passes through.
 * The delay is an ArmTimer; the runtime fires it.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-wait.html
 */
export const waitState: StateEvaluator = {
  async execute(run, it) {
    const def = run.state.def as WaitState;
    let dueAt: number;
    let finish: () => Promise<void> | void;
    if (run.state.queryLanguage === 'JSONata') {
      const bindings = jsonataBindings(it, run);
      if (def.Timestamp !== undefined) {
        const ts = await evaluateJsonataTimestamp(def.Timestamp, 'Timestamp', bindings);
        dueAt = Date.parse(ts);
      } else {
        dueAt = it.at + (await evaluateJsonataInteger(def.Seconds ?? 0, 'Seconds', bindings)) * 1000;
      }
      finish = async () => it.complete(run, await finishJsonata(it, run, run.input), def.Next);
    } else {
      const effective = effectiveInput(it, run);
      const scope = jsonPathScope(it, run, effective);
      if (def.SecondsPath !== undefined) {
        const seconds = readPath(def.SecondsPath, scope, 'SecondsPath');
        if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 0) throw badValue(run.name, 'SecondsPath', def.SecondsPath, seconds);
        dueAt = it.at + seconds * 1000;
      } else if (def.TimestampPath !== undefined) {
        const ts = readPath(def.TimestampPath, scope, 'TimestampPath');
        const parsed = typeof ts === 'string' ? Date.parse(ts) : NaN;
        if (Number.isNaN(parsed)) throw badValue(run.name, 'TimestampPath', def.TimestampPath, ts);
        dueAt = parsed;
      } else if (def.Timestamp !== undefined) {
        dueAt = Date.parse(def.Timestamp);
      } else {
        dueAt = it.at + Number(def.Seconds ?? 0) * 1000;
      }
      finish = () => it.guard(run, () => it.complete(run, passThroughJsonPath(it, run, effective), def.Next));
    }
    const timerId = it.armTimerAt(dueAt, () => {
      run.timers = run.timers.filter((t) => t !== timerId);
      return it.guard(run, finish);
    });
    run.timers.push(timerId);
  },
  abort() {
    // The interpreter cancels the timer and records WaitStateAborted.
  },
};

function badValue(state: string, field: string, path: string, value: unknown): StatesFailure {
  return new StatesFailure(
    'States.Runtime',
    `An error occurred while executing the state '${state}'. The ${field} parameter does not reference a valid ${field === 'SecondsPath' ? 'integer' : 'ISO-8601 extended offset date-time format string'}: ${path} == ${JSON.stringify(value)}`,
  );
}
