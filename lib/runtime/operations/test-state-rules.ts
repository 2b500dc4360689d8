import type * as sfn from '@aws-sdk/client-sfn';
import { forEachInnerState, type Json, type JsonObject, type State } from '../../asl';
import { parseTaskResource } from '../../engine/task/task-resource';
import { HAS_TOKEN } from '../../engine/task/task-token-patterns';
import { ServiceError } from '../step-functions-operations';

/**
 * What TestState refuses before it runs anything, in AWS's words (localstack's
 * test_state_mock_validation and test_state_context_object snapshots, recorded on AWS).
 */

const invalid = (message: string) => new ServiceError('ValidationException', message);

/** The state types a mock stands for; Map and Parallel are tested only with one. */
const MOCKABLE = new Set(['Task', 'Map', 'Parallel']);

export function checkMockRules(state: State, mock: sfn.MockInput | undefined, revealSecrets: boolean | undefined): void {
  if (mock === undefined) {
    if (state.Type === 'Map' || state.Type === 'Parallel') {
      throw new ServiceError('InvalidDefinition', 'TestState API does not support Map or Parallel states. Supported state types include: [Task, Wait, Pass, Succeed, Fail, Choice]');
    }
    // "TestState only supports the following when a mock is specified: Activity tasks, .sync or
    // .waitForTaskToken service integration patterns" (API reference). The refusal's text was not
    // recorded; it follows the recorded Map and Parallel one.
    if (hasTaskToken(state)) {
      throw new ServiceError('InvalidDefinition', 'TestState API does not support Activity tasks, .sync or .waitForTaskToken service integration patterns without a mock');
    }
    return;
  }
  if (!MOCKABLE.has(state.Type)) throw invalid(`State type '${state.Type}' is not supported when a mock is specified`);
  if (mock.result !== undefined && mock.errorOutput !== undefined) throw invalid('A test mock should have only one of the following fields: [result, errorOutput].');
  if (revealSecrets) throw invalid('TestState does not support RevealSecrets when a mock is specified.');
}

/** A Task that really calls its integration needs a role to call it with; a mocked one does not (localstack's test_test_state_scenarios snapshot, recorded on AWS). */
export function checkRoleArn(state: State, mock: sfn.MockInput | undefined, roleArn: string | undefined): void {
  if (state.Type === 'Task' && mock === undefined && roleArn === undefined) throw invalid('RoleArn must be specified when testing a Task state');
}

type FieldType = 'string' | 'integer' | 'any';

/** The members a given context object may have, and their types. */
const CONTEXT_FIELDS: Record<string, Record<string, FieldType>> = {
  Execution: { Id: 'string', Input: 'any', Name: 'string', RoleArn: 'string', StartTime: 'string', RedriveCount: 'integer', RedriveTime: 'string' },
  State: { EnteredTime: 'string', Name: 'string', RetryCount: 'integer' },
  StateMachine: { Id: 'string', Name: 'string' },
  Task: { Token: 'string' },
};

const fits = (type: FieldType, v: Json): boolean => type === 'any' || (type === 'string' ? typeof v === 'string' : Number.isInteger(v));

/** A Task whose task token exists in `$$.Task.Token`, by the engine's own rule (`.waitForTaskToken`, `.sync`, `.sync:2`, an activity). */
function hasTaskToken(state: State): boolean {
  return state.Type === 'Task' && typeof state.Resource === 'string' && HAS_TOKEN[parseTaskResource(state.Resource).pattern];
}

/**
 * TestState's `context`: a JSON object that replaces the context object, given only with a mock.
 * Texts not recorded on AWS (a context without a mock, one that is not JSON or not an object, a
 * member of the wrong type other than a string) follow the recorded ones' form.
 */
export function parseContext(text: string | undefined, state: State, mocked: boolean): JsonObject | undefined {
  if (text === undefined) return undefined;
  const wrong = (why: string) => invalid(`Invalid Context object provided: ${why}`);
  if (!mocked) throw invalid('A context can only be specified together with a mock');
  let parsed: Json;
  try {
    parsed = JSON.parse(text) as Json;
  } catch (err) {
    throw wrong((err as Error).message);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw wrong('it must be a JSON object');
  for (const [section, value] of Object.entries(parsed)) {
    if (section === 'Map') throw wrong("'Map' field is not supported when mocking a Context object");
    const fields = CONTEXT_FIELDS[section];
    if (!fields) throw wrong(`Field '${section}' is not allowed`);
    if (section === 'Task' && !hasTaskToken(state)) {
      throw wrong("Context object contains 'Task' when state is not a Task state with a '.sync' or '.waitForTaskToken' service integration pattern");
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw wrong(`${section} must be an object`);
    for (const [field, v] of Object.entries(value)) {
      const type = fields[field];
      if (!type) throw wrong(`Field '${field}' is not allowed`);
      if (!fits(type, v)) throw wrong(`${section}.${field} must be ${type === 'string' ? 'a string' : 'an integer'}`);
    }
  }
  return parsed;
}

/** Every state name in a Map's or Parallel's inner graphs, the state's own aside. */
function innerStateNames(state: JsonObject): Set<string> {
  const names = new Set<string>();
  forEachInnerState(state, (name) => void names.add(name));
  return names;
}

/**
 * stateConfiguration's Map and Parallel fields. errorCausedByState names where a mocked error of a
 * Map or Parallel arose (the state itself or one inside it); mapItemReaderData is what an ItemReader
 * would have read. Neither changes a mocked outcome. The texts are not recorded on AWS.
 */
export function checkStateConfiguration(state: State, name: string, config: sfn.TestStateConfiguration, mock: sfn.MockInput | undefined): void {
  if (config.errorCausedByState !== undefined) {
    if ((state.Type !== 'Map' && state.Type !== 'Parallel') || mock?.errorOutput === undefined) throw invalid('errorCausedByState is only for a Map or Parallel state with a mocked errorOutput');
    // The state's own name: as stateName names it in a state machine, "StateName" for a lone state.
    if (config.errorCausedByState !== name && !innerStateNames(state as unknown as JsonObject).has(config.errorCausedByState)) {
      throw invalid(`errorCausedByState '${config.errorCausedByState}' is not a state of the tested state`);
    }
  }
  if (config.mapIterationFailureCount !== undefined && state.Type !== 'Map') throw invalid('mapIterationFailureCount is only for a Map state');
  if (config.mapItemReaderData !== undefined && (state.Type !== 'Map' || state.ItemReader === undefined)) throw invalid('mapItemReaderData is only for a Map state with an ItemReader');
}
