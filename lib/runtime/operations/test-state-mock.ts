import type * as sfn from '@aws-sdk/client-sfn';
import type { Json, JsonObject, State } from '../../asl';
import { parseJson } from '../../engine';
import { queryPath } from '../../engine/jsonpath';
import { StatesFailure } from '../../engine/states-failure';
import type { TaskReport } from '../dispatch/task-run';
import { ServiceError } from '../step-functions-operations';
import { checkMockedFields } from './test-state-mock-validation';
import { rawTextAt } from './test-state-raw-text';
import { checkMockedResult } from './test-state-rules';

/** TestState's `mock`: a Task's result (JSON text) or its failure, reported instead of calling the integration. */
export function mockOf(mock: sfn.MockInput | undefined, state: State): TaskReport | undefined {
  if (mock === undefined) return undefined;
  if (mock.errorOutput !== undefined) {
    return { kind: 'TaskFailed', error: mock.errorOutput.error ?? '', ...(mock.errorOutput.cause !== undefined ? { cause: mock.errorOutput.cause } : {}) };
  }
  if (mock.result === undefined) throw new ServiceError('ValidationException', 'A mock needs a result or an errorOutput');
  let result: Json;
  try {
    result = JSON.parse(mock.result) as Json;
  } catch {
    // Even with fieldValidationMode NONE (localstack's test_test_state_mock_scenarios snapshot, recorded on AWS).
    throw new ServiceError('ValidationException', 'Mocked result must be valid JSON');
  }
  checkMockedResult(state, result);
  if (state.Type === 'Task') checkMockedFields((state as { Resource?: unknown }).Resource, result, mock.fieldValidationMode);
  return { kind: 'TaskSucceeded', output: mock.result };
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

/** What a mocked JSONPath Map's ItemsPath reads: its items, or the failure that ends the test. */
export type MockedItems = { items: Json[] } | { failure: { error: string; cause: string } };

/**
 * A mocked JSONPath Map still reads its items from its effective input (or from `$$`): a value that
 * is no array fails it with States.Runtime, naming a context path with one `$` (`$$.Execution.Input`
 * is "$.Execution.Input"; localstack's test_state_context_object snapshot, recorded on AWS). A path
 * that matches nothing fails alike (not recorded).
 */
export function mockedMapItems(map: JsonObject, effectiveInput: Json, context: Json, variables: Record<string, Json> | undefined): MockedItems {
  const path = typeof map.ItemsPath === 'string' ? map.ItemsPath : '$';
  const vars = variables ?? {};
  const scope = { input: effectiveInput, context, variables: { get: (name: string) => vars[name] }, random: { next: () => 0, uuid: () => '' } };
  let value: Json | undefined;
  try {
    value = queryPath(path, scope);
  } catch (err) {
    if (err instanceof StatesFailure) return { failure: { error: err.error, cause: err.cause ?? '' } };
    throw err;
  }
  if (Array.isArray(value)) return { items: value };
  const shown = path.startsWith('$$') ? path.slice(1) : path;
  return { failure: { error: 'States.Runtime', cause: `Reference path "${shown}" must point to array.` } };
}

/**
 * A mocked Map's items with the spacing of the text they were read from (the input, or the given
 * context for a `$$` path), as AWS shows them in afterItemsPath; as read when their text cannot be
 * found (a path that is not a simple one).
 */
export function itemsAsWritten(map: JsonObject, items: Json[], inputText: string, contextText: string | undefined): Json {
  const textOf = (path: Json | undefined, from: string | undefined): string | undefined => {
    if (path === undefined || path === '$') return from;
    if (typeof path !== 'string' || from === undefined) return undefined;
    return rawTextAt(from, path);
  };
  const itemsPath = map.ItemsPath ?? '$';
  const inputPath = map.InputPath;
  const effective = typeof inputPath === 'string' && inputPath.startsWith('$$') ? textOf(inputPath, contextText) : textOf(inputPath, inputText);
  const raw = typeof itemsPath === 'string' && itemsPath.startsWith('$$') ? textOf(itemsPath, contextText) : textOf(itemsPath, effective);
  return raw === undefined ? items : parseJson(raw);
}
