import { StatesErrors, type Json, type WaitState } from '../../asl';
import { effectiveInput, finishJsonata, jsonataBindings, jsonPathScope, passThroughJsonPath, stateRef } from '../core/data-flow';
import type { StateRun } from '../core/state-run';
import { evaluateJsonataInteger, evaluateJsonataString, JsonataFailure } from '../jsonata';
import { queryPath, statePrefix, type JsonPathScope } from '../jsonpath';
import { StatesFailure } from '../states-failure';
import type { StateEvaluator } from './state-evaluator';

/** RFC 3339 with the offset AWS requires: a timestamp without `Z` or `±hh:mm` is rejected (recorded on AWS). */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Epoch ms of an ISO-8601 extended offset date-time, or NaN. */
export function parseTimestamp(value: Json | undefined): number {
  return typeof value === 'string' && TIMESTAMP.test(value) ? Date.parse(value) : NaN;
}

/** "If you specify the wait time as a timestamp, Step Functions considers the time value up to seconds and truncates milliseconds" (Wait page). */
const wholeSecond = (ms: number) => Math.floor(ms / 1000) * 1000;

/**
 * Wait: Seconds, Timestamp, SecondsPath or TimestampPath, then the input passes through.
 * The delay is an ArmTimer; the runtime fires it. A timestamp in the past does not wait.
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
        dueAt = wholeSecond(timestampOf(run, await evaluateJsonataString(def.Timestamp, 'Timestamp', bindings)));
      } else {
        dueAt = it.at + (await evaluateJsonataInteger(def.Seconds ?? 0, 'Seconds', bindings)) * 1000;
      }
      finish = async () => it.complete(run, await finishJsonata(it, run, run.input), def.Next);
    } else {
      const effective = effectiveInput(it, run);
      const scope = jsonPathScope(it, run, effective);
      if (def.SecondsPath !== undefined) dueAt = it.at + secondsAt(run, scope, def.SecondsPath) * 1000;
      else if (def.TimestampPath !== undefined) dueAt = wholeSecond(timestampAt(run, scope, def.TimestampPath));
      else if (def.Timestamp !== undefined) dueAt = wholeSecond(Date.parse(def.Timestamp));
      else dueAt = it.at + Number(def.Seconds ?? 0) * 1000;
      finish = () => it.guard(run, () => it.complete(run, passThroughJsonPath(it, run, effective), def.Next));
    }
    const timerId = it.armTimerAt(Math.max(dueAt, it.at), () => {
      run.timers = run.timers.filter((t) => t !== timerId);
      return it.guard(run, finish);
    });
    run.timers.push(timerId);
  },
  abort() {
    // The interpreter cancels the timer and records WaitStateAborted.
  },
};

/** How AWS prints the offending value in a cause: strings as they are, anything else as JSON. */
function shown(value: Json): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function runtime(run: StateRun, detail: string): StatesFailure {
  return new StatesFailure(StatesErrors.Runtime, statePrefix(stateRef(run)) + detail);
}

function secondsAt(run: StateRun, scope: JsonPathScope, path: string): number {
  const value = queryPath(path, scope);
  if (value === undefined) throw runtime(run, `The SecondsPath parameter does not reference an input value: ${path}`);
  if (typeof value !== 'number' || !Number.isInteger(value)) throw runtime(run, `The SecondsPath parameter cannot be parsed as a long value: ${path} == ${shown(value)}`);
  if (value < 0) throw runtime(run, `The SecondsPath parameter references a negative value: ${path} == ${shown(value)}`);
  return value;
}

function timestampAt(run: StateRun, scope: JsonPathScope, path: string): number {
  const value = queryPath(path, scope);
  if (value === undefined) throw runtime(run, `The TimestampPath parameter does not reference an input value: ${path}`);
  const at = parseTimestamp(value);
  if (Number.isNaN(at)) {
    throw runtime(run, `The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: ${path} == ${shown(value)}`);
  }
  return at;
}

/**
 * A JSONata Timestamp that is a string but no ISO-8601 offset date-time (localstack
 * test_base_scenarios, test_wait_timestamp_jsonata[*], recorded on AWS): the value is quoted as is.
 */
function timestampOf(run: StateRun, value: string): number {
  const at = parseTimestamp(value);
  if (!Number.isNaN(at)) return at;
  const detail = `The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: ${value}`;
  throw new JsonataFailure(statePrefix(stateRef(run)) + detail, 'Timestamp', detail);
}
