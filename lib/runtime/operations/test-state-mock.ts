import type * as sfn from '@aws-sdk/client-sfn';
import type { Json, JsonObject, State } from '../../asl';
import { TOLERATED_FAILURE_CAUSE, type EngineInput } from '../../engine';
import { ServiceError } from '../step-functions-operations';
import type { MapSettings } from './test-state-map-settings';
import { checkMockedFields } from './test-state-mock-validation';

const invalid = (message: string) => new ServiceError('ValidationException', message);

/**
 * What the integration reported, as the engine takes it: the mocked result, or the mocked failure.
 * A failure that names no error is unnamed, as SendTaskFailure without an error is: its events
 * carry no error and a Catch hands on `"Error": null` (see callbacks.ts).
 */
export type MockedOutcome = Omit<Extract<EngineInput, { kind: 'TaskSucceeded' }>, 'at' | 'taskId'> | Omit<Extract<EngineInput, { kind: 'TaskFailed' }>, 'at' | 'taskId'>;

/** TestState's `mock`: a Task's result (JSON text) or its failure, reported instead of calling the integration. */
export function mockOf(mock: sfn.MockInput | undefined, state: State): MockedOutcome | undefined {
  if (mock === undefined) return undefined;
  if (mock.errorOutput !== undefined) {
    const { error, cause } = mock.errorOutput;
    return { kind: 'TaskFailed', error: error ?? '', ...(error === undefined ? { unnamed: true } : {}), ...(cause !== undefined ? { cause } : {}) };
  }
  if (mock.result === undefined) throw invalid('A mock needs a result or an errorOutput');
  let result: Json;
  try {
    result = JSON.parse(mock.result) as Json;
  } catch {
    // Even with fieldValidationMode NONE (localstack's test_test_state_mock_scenarios snapshot, recorded on AWS).
    throw invalid('Mocked result must be valid JSON');
  }
  checkMockedResult(state, result);
  if (state.Type === 'Task') checkMockedFields(state.Resource, result, mock.fieldValidationMode);
  return { kind: 'TaskSucceeded', output: mock.result };
}

/** A mocked Map's result is its array of iteration results (an object when a ResultWriter writes them); a Parallel's, one per branch. */
function checkMockedResult(state: State, result: Json): void {
  if (state.Type === 'Map') {
    const written = state.ResultWriter !== undefined;
    if (written && (result === null || typeof result !== 'object' || Array.isArray(result))) throw invalid('Mocked result must be a JSON object.');
    if (!written && !Array.isArray(result)) throw invalid('Mocked result must be an array.');
  } else if (state.Type === 'Parallel') {
    if (!Array.isArray(result)) throw invalid('Mocked result must be an array.');
    if (result.length !== state.Branches.length) throw invalid('Mocked result must contain the same number of items as number of Parallel branches.');
  }
}

/**
 * A mocked Map result with mapIterationFailureCount: past the Map's ToleratedFailureCount or
 * ToleratedFailurePercentage (of its items, which the mock need not list: a ResultWriter's mock is
 * an object) the Map fails with States.ExceedToleratedFailureThreshold; a Map that declares no
 * tolerance ignores the count (localstack's test_state_configuration snapshot, recorded on AWS).
 * Items that could not be read leave a percentage unjudged.
 */
export function withIterationFailures(mocked: MockedOutcome, failures: number | undefined, items: number | undefined, settings: MapSettings | undefined): MockedOutcome {
  if (failures === undefined || mocked.kind !== 'TaskSucceeded') return mocked;
  const count = settings?.toleratedFailureCount;
  const percentage = settings?.toleratedFailurePercentage;
  const exceeded = (count !== undefined && failures > count) || (percentage !== undefined && items !== undefined && items > 0 && (failures / items) * 100 > percentage);
  return exceeded ? { kind: 'TaskFailed', error: 'States.ExceedToleratedFailureThreshold', cause: TOLERATED_FAILURE_CAUSE } : mocked;
}

/** What a mocked Map or Parallel keeps: the fields around its result (how the result is made is what the mock replaces). */
const MOCKED_FIELDS = ['Comment', 'QueryLanguage', 'InputPath', 'ResultSelector', 'ResultPath', 'OutputPath', 'Output', 'Assign', 'Retry', 'Catch', 'Next', 'End'];

/**
 * A mocked Map or Parallel as a Task whose result is the mock: its input, result and output
 * processing, Retry and Catch stay; the items or branches that would have made the result go. A
 * Parallel's Parameters (or Arguments) still shape the input its branches would get.
 */
export function mockedAsTask(state: State): State {
  const from = state as unknown as JsonObject;
  const task: JsonObject = { Type: 'Task', Resource: 'arn:aws:states:::sagaflow:mock' };
  for (const field of MOCKED_FIELDS) if (from[field] !== undefined) task[field] = from[field]!;
  if (state.Type === 'Parallel') for (const field of ['Parameters', 'Arguments']) if (from[field] !== undefined) task[field] = from[field]!;
  return task as unknown as State;
}
