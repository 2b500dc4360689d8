import { StatesErrors, type FailState, type Failure } from '../../asl';
import { jsonataBindings, jsonPathScope, stateRef } from '../core/data-flow';
import type { StateRun } from '../core/state-run';
import { evaluateJsonataString } from '../jsonata';
import { readFieldPath, statePrefix } from '../jsonpath';
import { StatesFailure } from '../states-failure';
import type { StateEvaluator } from './state-evaluator';

/**
 * Fail: ends its branch with Error and Cause (or ErrorPath/CausePath in JSONPath; expressions in
 * JSONata). A path that yields a non-string is a States.Runtime failure.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-fail.html
 */
export const failState: StateEvaluator = {
  async execute(run, it) {
    const def = run.state.def as FailState;
    const result: { error?: string; cause?: string } = {};
    if (run.state.queryLanguage === 'JSONata') {
      const bindings = jsonataBindings(it, run);
      if (def.Error !== undefined) result.error = await evaluateJsonataString(def.Error, 'Error', bindings);
      if (def.Cause !== undefined) result.cause = await evaluateJsonataString(def.Cause, 'Cause', bindings);
    } else {
      const scope = jsonPathScope(it, run, run.input);
      result.error = def.ErrorPath !== undefined ? asString(readFieldPath(def.ErrorPath, scope, 'ErrorPath'), 'ErrorPath', run) : def.Error;
      result.cause = def.CausePath !== undefined ? asString(readFieldPath(def.CausePath, scope, 'CausePath'), 'CausePath', run) : def.Cause;
    }
    const failure: Failure = result.cause === undefined ? { error: result.error ?? '' } : { error: result.error ?? '', cause: result.cause };
    // Fail is not retried nor caught: the branch ends here.
    it.failBranch(run, stripUndefinedError(failure, def));
  },
};

function stripUndefinedError(f: Failure, def: FailState): Failure {
  if (def.Error === undefined && def.ErrorPath === undefined) return f.cause === undefined ? ({} as Failure) : ({ cause: f.cause } as Failure);
  return f;
}

/** No recorded AWS text for a non-string ErrorPath/CausePath was found: the most plausible reading, with AWS's prefix. */
function asString(value: unknown, field: string, run: StateRun): string {
  if (typeof value === 'string') return value;
  throw new StatesFailure(StatesErrors.Runtime, `${statePrefix(stateRef(run))}The ${field} field must resolve to a string, but was: ${JSON.stringify(value)}`);
}
