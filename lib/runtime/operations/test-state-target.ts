import type * as sfn from '@aws-sdk/client-sfn';
import { forEachState, type JsonObject, type State } from '../../asl';
import { ServiceError } from '../step-functions-operations';

/** The state TestState runs, its name, and the query language its definition sets. */
export interface TestedState {
  state: State;
  name: string;
  queryLanguage?: string;
}

/**
 * TestState's `definition`: one state, or a whole state machine in which `stateName` (else
 * StartAt) names the state, at any depth (a state inside a Map or Parallel; localstack's
 * test_test_state_machine_scenarios snapshot tests a Map's inner HandleItem, recorded on AWS).
 */
export function testedState(input: sfn.TestStateInput): TestedState {
  let parsed: JsonObject;
  try {
    parsed = JSON.parse(input.definition!) as JsonObject;
  } catch (err) {
    throw new ServiceError('InvalidDefinition', `Invalid State Machine Definition: 'INVALID_JSON_DESCRIPTION: ${(err as Error).message}'`);
  }
  if (parsed.States !== undefined) {
    const name = input.stateName ?? (parsed.StartAt as string);
    let state: JsonObject | undefined;
    forEachState(parsed, (n, s) => void (n === name && state === undefined && (state = s as JsonObject)));
    // (localstack's test_test_state_machine_scenarios snapshot, recorded on AWS)
    if (!state) throw new ServiceError('ValidationException', 'State not found in definition');
    return { state: state as unknown as State, name, queryLanguage: parsed.QueryLanguage as string | undefined };
  }
  if (typeof parsed.Type !== 'string') throw new ServiceError('InvalidDefinition', "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: The field \"Type\" is required at /'");
  // AWS names a lone state "StateName" ($$.State.Name; localstack's test_test_state_scenarios snapshot).
  return { state: parsed as unknown as State, name: 'StateName' };
}
