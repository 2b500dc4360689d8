import type * as sfn from '@aws-sdk/client-sfn';
import { forEachInnerState, type Json, type JsonObject, type State } from '../../asl';
import { TOLERATED_FAILURE_CAUSE } from '../../engine';
import type { TaskReport } from '../dispatch/task-run';
import { ServiceError } from '../step-functions-operations';
import type { MapSettings } from './test-state-map-settings';

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

/** A mocked Map's result is its array of iteration results (an object when a ResultWriter writes them); a Parallel's, one per branch. */
export function checkMockedResult(state: State, result: Json): void {
  if (state.Type === 'Map') {
    const written = (state as { ResultWriter?: unknown }).ResultWriter !== undefined;
    if (written && (result === null || typeof result !== 'object' || Array.isArray(result))) throw invalid('Mocked result must be a JSON object.');
    if (!written && !Array.isArray(result)) throw invalid('Mocked result must be an array.');
  } else if (state.Type === 'Parallel') {
    if (!Array.isArray(result)) throw invalid('Mocked result must be an array.');
    if (result.length !== (state as { Branches: unknown[] }).Branches.length) {
      throw invalid('Mocked result must contain the same number of items as number of Parallel branches.');
    }
  }
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

/** A Task whose task token exists: `.waitForTaskToken`, or `.sync` (whose token AWS also hands out). */
function hasTaskToken(state: State): boolean {
  const resource = (state as { Resource?: unknown }).Resource;
  return state.Type === 'Task' && typeof resource === 'string' && /\.(sync(:2)?|waitForTaskToken)$/.test(resource);
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
export function checkStateConfiguration(state: State, config: sfn.TestStateConfiguration, mock: sfn.MockInput | undefined): void {
  const s = state as unknown as JsonObject;
  if (config.errorCausedByState !== undefined) {
    if ((state.Type !== 'Map' && state.Type !== 'Parallel') || mock?.errorOutput === undefined) throw invalid('errorCausedByState is only for a Map or Parallel state with a mocked errorOutput');
    if (!innerStateNames(s).has(config.errorCausedByState) && config.errorCausedByState !== 'StateName') {
      throw invalid(`errorCausedByState '${config.errorCausedByState}' is not a state of the tested state`);
    }
  }
  if (config.mapIterationFailureCount !== undefined && state.Type !== 'Map') throw invalid('mapIterationFailureCount is only for a Map state');
  if (config.mapItemReaderData !== undefined && (state.Type !== 'Map' || s.ItemReader === undefined)) throw invalid('mapItemReaderData is only for a Map state with an ItemReader');
}

/**
 * A mocked Map result with mapIterationFailureCount: past the Map's ToleratedFailureCount or
 * ToleratedFailurePercentage (of the mocked results) the Map fails with
 * States.ExceedToleratedFailureThreshold; a Map that declares no tolerance ignores the count
 * (localstack's test_state_configuration snapshot, recorded on AWS).
 */
export function withIterationFailures(mocked: TaskReport | undefined, state: State, failures: number | undefined, settings: MapSettings | undefined): TaskReport | undefined {
  if (failures === undefined || mocked?.kind !== 'TaskSucceeded' || state.Type !== 'Map') return mocked;
  const items = (JSON.parse(mocked.output) as Json[]).length;
  const count = settings?.toleratedFailureCount;
  const percentage = settings?.toleratedFailurePercentage;
  const exceeded = (count !== undefined && failures > count) || (percentage !== undefined && items > 0 && (failures / items) * 100 > percentage);
  return exceeded ? { kind: 'TaskFailed', error: 'States.ExceedToleratedFailureThreshold', cause: TOLERATED_FAILURE_CAUSE } : mocked;
}
