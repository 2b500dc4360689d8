import type * as sfn from '@aws-sdk/client-sfn';
import { forEachState, type JsonObject, type State } from '../../asl';
import { DiagnosticCodes, invalidDefinitionMessage, validateDefinition, type Diagnostic } from '../../engine/validation';
import { ServiceError } from '../step-functions-operations';
import { checkDefinition } from './definitions';

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
 * A whole state machine is validated as CreateStateMachine validates it, in the same words
 * (test_state_name_invalid_state_definition in that snapshot file, recorded on AWS).
 */
export function testedState(input: sfn.TestStateInput): TestedState {
  let parsed: unknown;
  try {
    parsed = JSON.parse(input.definition!);
  } catch (err) {
    throw new ServiceError('InvalidDefinition', `Invalid State Machine Definition: 'INVALID_JSON_DESCRIPTION: ${(err as Error).message}'`);
  }
  // As the validator answers any definition that is no JSON object (see validate-definition.ts).
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ServiceError('InvalidDefinition', invalidDefinitionMessage([{ code: DiagnosticCodes.Schema, message: 'Definition must be a valid JSON object', severity: 'ERROR' }]));
  }
  const definition = parsed as JsonObject;
  if (definition.States !== undefined) return stateOfMachine(input, definition);
  // The API reference: with stateName, "the definition must contain a fully-formed state machine
  // definition". AWS's message for a lone state with a stateName is not recorded.
  if (input.stateName !== undefined) throw new ServiceError('ValidationException', 'A stateName needs a definition that is a fully-formed state machine definition');
  if (typeof definition.Type !== 'string') throw new ServiceError('InvalidDefinition', "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: The field \"Type\" is required at /'");
  checkLoneState(definition);
  // AWS names a lone state "StateName" ($$.State.Name; localstack's test_test_state_scenarios snapshot).
  return { state: definition as unknown as State, name: 'StateName' };
}

const LONE = 'StateName';

/**
 * A lone state gets the checks its fields get inside a state machine, so a state missing what its
 * type requires (a Task's Resource, a Choice's Choices) is InvalidDefinition, not a crash. What
 * only a whole machine needs is not asked of it: its Next may name a state that is not there, it
 * may have neither Next nor End, and nothing need end the workflow. AWS's locations for a lone
 * state are not recorded; they are given relative to the state.
 */
function checkLoneState(state: JsonObject): void {
  const { diagnostics } = validateDefinition(JSON.stringify({ StartAt: LONE, States: { [LONE]: state } }));
  const errors = diagnostics.filter((d) => d.severity === 'ERROR' && !machineOnly(d)).map((d) => relocated(d));
  if (errors.length > 0) throw new ServiceError('InvalidDefinition', invalidDefinitionMessage(errors));
}

function machineOnly(d: Diagnostic): boolean {
  if (d.code === DiagnosticCodes.MissingEndState || d.code === DiagnosticCodes.MissingTransitionTarget) return true;
  return d.location === `/States/${LONE}` && d.message === 'This object should have only one of the following fields: [Next, End]';
}

function relocated(d: Diagnostic): Diagnostic {
  const prefix = `/States/${LONE}`;
  if (d.location === undefined || !d.location.startsWith(prefix)) return d;
  return { ...d, location: d.location.slice(prefix.length) || '/' };
}

function stateOfMachine(input: sfn.TestStateInput, definition: JsonObject): TestedState {
  checkDefinition(input.definition!, 'STANDARD');
  const name = input.stateName ?? (definition.StartAt as string);
  let state: JsonObject | undefined;
  forEachState(definition, (n, s) => void (n === name && state === undefined && (state = s as JsonObject)));
  // (localstack's test_test_state_machine_scenarios snapshot, recorded on AWS)
  if (!state) throw new ServiceError('ValidationException', 'State not found in definition');
  return { state: state as unknown as State, name, queryLanguage: definition.QueryLanguage as string | undefined };
}
