import { StatesErrors, type Json, type MapState } from '../../../asl';
import { jsonataBindings, jsonPathScope, stateRef } from '../../core/data-flow';
import type { Interpreter } from '../../core/interpreter';
import type { StateRun } from '../../core/state-run';
import { evaluateJsonataInteger, evaluateJsonataNumber } from '../../jsonata';
import { readPath, statePrefix } from '../../jsonpath';
import { StatesFailure } from '../../states-failure';
import type { MapPlan } from './map-plan';

/** How AWS prints the value a ...Path field selected: a string as it is, anything else as JSON. */
export function shownValue(value: Json): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * A ...Path value AWS reads as an integer: a JSON integer, or a string of one (a variable holding
 * "1" is accepted, recorded on AWS: localstack test_assign_reference_variables.snapshot.json,
 * test_reference_in_map_state[MAP_STATE_REFERENCE_IN_MAX_CONCURRENCY_PATH, ..._TOLERATED_FAILURE_PATH]).
 */
export function integerValue(value: Json): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? value : undefined;
  return typeof value === 'string' && /^[+-]?\d+$/.test(value) ? Number(value) : undefined;
}

/** A ...Path value AWS reads as a float: a JSON number, or a string of a decimal number. */
function floatValue(value: Json): number | undefined {
  if (typeof value === 'number') return value;
  return typeof value === 'string' && /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value) ? Number(value) : undefined;
}

function runtime(run: StateRun, detail: string): StatesFailure {
  return new StatesFailure(StatesErrors.Runtime, statePrefix(stateRef(run)) + detail);
}

/**
 * ToleratedFailureCountPath: an integer of at least 0. Texts recorded on AWS (localstack
 * test_base_scenarios.snapshot.json, test_map_state_tolerated_failure_count_path[{}, NoNumber, -1]).
 */
function toleratedCount(run: StateRun, value: Json, path: string): number {
  const count = integerValue(value);
  if (count === undefined) {
    throw runtime(run, `The ToleratedFailureCountPath field refers to value "${shownValue(value)}" which is not a valid integer: ${path}`);
  }
  if (count < 0) throw runtime(run, 'ToleratedFailureCount cannot be negative.');
  return count;
}

/**
 * ToleratedFailurePercentagePath: a number from 0 to 100. Texts recorded on AWS (localstack
 * test_base_scenarios.snapshot.json, test_map_state_tolerated_failure_percentage_path[{}, NoNumber, -1.1, -1]).
 */
function toleratedPercentage(run: StateRun, value: Json, path: string): number {
  const pct = floatValue(value);
  if (pct === undefined) {
    throw runtime(run, `The ToleratedFailurePercentagePath field refers to value "${shownValue(value)}" which is not a valid float: ${path}`);
  }
  if (pct < 0 || pct > 100) throw runtime(run, 'ToleratedFailurePercentage must be between 0 and 100.');
  return pct;
}

async function readJsonata(run: StateRun, it: Interpreter, def: MapState, plan: MapPlan): Promise<void> {
  const b = jsonataBindings(it, run);
  if (def.ToleratedFailureCount !== undefined) plan.toleratedCount = await evaluateJsonataInteger(def.ToleratedFailureCount, 'ToleratedFailureCount', b);
  if (def.ToleratedFailurePercentage !== undefined) plan.toleratedPercentage = await evaluateJsonataNumber(def.ToleratedFailurePercentage, 'ToleratedFailurePercentage', b);
}

function readJsonPath(run: StateRun, it: Interpreter, def: MapState, plan: MapPlan): void {
  const scope = jsonPathScope(it, run, plan.selectorInput);
  if (def.ToleratedFailureCountPath !== undefined) plan.toleratedCount = toleratedCount(run, readPath(def.ToleratedFailureCountPath, scope, 'ToleratedFailureCountPath'), def.ToleratedFailureCountPath);
  else if (typeof def.ToleratedFailureCount === 'number') plan.toleratedCount = def.ToleratedFailureCount;
  if (def.ToleratedFailurePercentagePath !== undefined) {
    plan.toleratedPercentage = toleratedPercentage(run, readPath(def.ToleratedFailurePercentagePath, scope, 'ToleratedFailurePercentagePath'), def.ToleratedFailurePercentagePath);
  } else if (typeof def.ToleratedFailurePercentage === 'number') plan.toleratedPercentage = def.ToleratedFailurePercentage;
}

/**
 * Reads ToleratedFailureCount/Percentage into the plan. AWS reads them after MapStateStarted, unlike
 * the items and MaxConcurrency: a bad ...Path value fails the execution after that event, linked to it
 * (recorded on AWS, localstack test_base_scenarios.snapshot.json).
 */
export function readTolerance(run: StateRun, it: Interpreter, def: MapState, plan: MapPlan): Promise<void> | void {
  return run.state.queryLanguage === 'JSONata' ? readJsonata(run, it, def, plan) : readJsonPath(run, it, def, plan);
}
