import type * as sfn from '@aws-sdk/client-sfn';
import type { Catcher, Json, Retrier, State } from '../../asl';
import { findCatcher, findRetrier, jsonText, parseJson, type InspectionStage } from '../../engine';
import type { MapSettings } from './test-state-map-settings';

/** The stages TestState reports: the engine's, and a mocked Map's items. */
export type ReportedStage = InspectionStage | 'afterItemsPath';

/** InspectionData's members in AWS's order, each the JSON text of one stage the state went through. */
const STAGES: readonly (ReportedStage & keyof sfn.InspectionData)[] = ['afterArguments', 'afterInputPath', 'afterItemsPath', 'afterParameters', 'result', 'afterResultSelector', 'afterResultPath'];

/** How the tested state was run: which query language it uses and whether a mock stood for its result. */
export interface InspectedRun {
  state: State;
  jsonata: boolean;
  mocked: boolean;
}

/**
 * What DEBUG inspection shows: the raw input, each data-flow stage the state reached (JSONPath:
 * afterInputPath … afterResultPath; JSONata: afterArguments, result), and the variables after the
 * state (those given to TestState, then what the state assigned), and a Map's settings.
 */
export function inspection(
  input: string,
  run: InspectedRun,
  stages: Partial<Record<ReportedStage, Json>>,
  variables: Record<string, Json> | undefined,
  mapSettings: MapSettings | undefined,
): sfn.InspectionData {
  const data: sfn.InspectionData = { input };
  const shaped = shapedStages(input, run, stages);
  // A stage the state left as it was keeps the text it was given, as AWS shows it.
  for (const stage of STAGES) if (shaped[stage] !== undefined) data[stage] = jsonText(shaped[stage]!);
  if (mapSettings) Object.assign(data, mapSettings);
  const assigned = stages.assigned as Record<string, Json> | undefined;
  if (variables || assigned) data.variables = JSON.stringify({ ...variables, ...assigned });
  return data;
}

/**
 * The stages AWS reports for a state, where they are not the engine's own (recorded on AWS in
 * localstack's test_test_state_scenarios, test_state_configuration and test_state_context_object
 * snapshots):
 * - a Pass with a Result: the result and what follows it; without, its input processing and then
 *   afterResultSelector (a Pass has no ResultSelector: the value after Parameters) instead of result;
 * - a JSONPath Fail: afterInputPath, its input;
 * - a mocked Map: no result and nothing the mock replaced (afterParameters, afterArguments); a
 *   JSONPath one shows its items (afterItemsPath).
 */
function shapedStages(input: string, run: InspectedRun, stages: Partial<Record<ReportedStage, Json>>): Partial<Record<ReportedStage, Json>> {
  const { state } = run;
  if (state.Type === 'Fail' && !run.jsonata) return { afterInputPath: parseJson(input) };
  if (state.Type === 'Map' && run.mocked) {
    const { afterParameters: _p, afterArguments: _a, result: _r, ...rest } = stages;
    return rest;
  }
  if (state.Type !== 'Pass' || stages.afterResultPath === undefined) return stages;
  const { afterInputPath, afterParameters, result, ...rest } = stages;
  if (state.Result !== undefined) return { result, ...rest, afterResultSelector: result };
  return { afterInputPath, afterParameters, ...rest, afterResultSelector: result };
}

/**
 * Which Catch took the error (CAUGHT_ERROR), which Retry will retry it and after how long
 * (RETRIABLE), or which Retry gave up on it (FAILED once its attempts are spent: the retryIndex
 * alone; localstack's test_state_configuration snapshot, recorded on AWS).
 */
export function errorDetailsOf(state: State, status: sfn.TestExecutionStatus, failure: { error: string; cause: string }, backoffMs: number): sfn.InspectionErrorDetails | undefined {
  const s = state as { Catch?: Catcher[]; Retry?: Retrier[] };
  if (status === 'CAUGHT_ERROR') {
    const catchIndex = findCatcher(s.Catch, failure);
    return catchIndex >= 0 ? { catchIndex } : undefined;
  }
  const retryIndex = findRetrier(s.Retry, failure);
  if (retryIndex < 0) return undefined;
  if (status === 'RETRIABLE') return { retryIndex, retryBackoffIntervalSeconds: Math.round(backoffMs / 1000) };
  return status === 'FAILED' ? { retryIndex } : undefined;
}
