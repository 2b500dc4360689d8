import type { Json, MapState } from '../../asl';
import { parseJson } from '../../engine';
import { evaluateJsonataArray, type JsonataBindings } from '../../engine/jsonata';
import { queryPath } from '../../engine/jsonpath';
import { StatesFailure } from '../../engine/states-failure';
import { isDistributed } from '../../engine/states/map-run/item-processor';
import { objectItems } from '../../engine/states/map-run/map-plan';
import { rawTextAt } from './test-state-raw-text';
import { givenScope } from './test-state-scope';

/**
 * What a mocked Map's items are: read (for JSONPath with afterItemsPath, the value AWS shows),
 * unknown (an ItemReader given no mapItemReaderData, or reader data that is not a JSON array), or
 * the failure that ends the test.
 */
export type MockedItems = { items: Json[]; afterItemsPath?: Json } | { unknown: true } | { failure: { error: string; cause: string } };

/** What a mocked Map's items are read from. */
export interface ItemSources {
  /** The given input, as text. */
  inputText: string;
  /** JSONPath: the effective input (after InputPath), as the engine computed it. */
  effectiveInput: Json | undefined;
  /** The context object the state sees, and its text when one was given. */
  context: Json;
  contextText: string | undefined;
  variables: Record<string, Json> | undefined;
  /** stateConfiguration.mapItemReaderData. */
  readerData: string | undefined;
  /** JSONata: what its Items expression is evaluated with. */
  jsonata: JsonataBindings | undefined;
}

/** A Distributed Map with an ItemReader reads its items from its source and ignores ItemsPath and Items (as the engine's map plan does). */
function readsFromItemReader(map: MapState): boolean {
  return isDistributed(map) && map.ItemReader !== undefined;
}

/**
 * A mocked Map still reads its items (the mock stands only for what its iterations return):
 * - with an ItemReader, mapItemReaderData stands for what the reader read;
 * - JSONata: its Items, else its input (only counted: a failing Items is not recorded, so it is left unknown);
 * - JSONPath: its ItemsPath from the effective input (or from `$$`). A value that is no array fails
 *   with States.Runtime, naming a context path with one `$` (`$$.Execution.Input` is
 *   "$.Execution.Input"; localstack's test_state_context_object snapshot, recorded on AWS). A path
 *   that matches nothing fails alike (not recorded).
 */
export async function mockedMapItems(map: MapState, from: ItemSources): Promise<MockedItems> {
  if (readsFromItemReader(map)) return readerItems(from.readerData);
  if (from.jsonata) return jsonataItems(map, from);
  return jsonPathItems(map, from);
}

function readerItems(data: string | undefined): MockedItems {
  if (data === undefined) return { unknown: true };
  let items: unknown;
  try {
    items = JSON.parse(data);
  } catch {
    return { unknown: true };
  }
  return Array.isArray(items) ? { items: items as Json[] } : { unknown: true };
}

async function jsonataItems(map: MapState, from: ItemSources): Promise<MockedItems> {
  const bindings = from.jsonata!;
  if (map.Items === undefined) return Array.isArray(bindings.input) ? { items: bindings.input } : { unknown: true };
  // A JSON object written as Items is iterated member by member, as the engine's map plan does.
  if (map.Items !== null && typeof map.Items === 'object' && !Array.isArray(map.Items)) return { items: objectItems(map.Items).items };
  try {
    return { items: await evaluateJsonataArray(map.Items, 'Items', bindings) };
  } catch (err) {
    if (err instanceof StatesFailure) return { unknown: true };
    throw err;
  }
}

function jsonPathItems(map: MapState, from: ItemSources): MockedItems {
  if (from.effectiveInput === undefined) return { unknown: true };
  const path = map.ItemsPath ?? '$';
  const scope = givenScope(from.effectiveInput, from.context, from.variables);
  let value: Json | undefined;
  try {
    value = queryPath(path, scope);
  } catch (err) {
    if (err instanceof StatesFailure) return { failure: { error: err.error, cause: err.cause ?? '' } };
    throw err;
  }
  if (Array.isArray(value)) return { items: value, afterItemsPath: itemsAsWritten(map, value, from.inputText, from.contextText) };
  const shown = path.startsWith('$$') ? path.slice(1) : path;
  return { failure: { error: 'States.Runtime', cause: `Reference path "${shown}" must point to array.` } };
}

/**
 * A mocked JSONPath Map's items with the spacing of the text they were read from (the input, or
 * the given context for a `$$` path), as AWS shows them in afterItemsPath; as read when their text
 * cannot be found (a path that is not a simple one).
 */
function itemsAsWritten(map: MapState, items: Json[], inputText: string, contextText: string | undefined): Json {
  const textOf = (path: string | undefined, from: string | undefined): string | undefined => {
    if (path === undefined || path === '$') return from;
    if (from === undefined) return undefined;
    return rawTextAt(from, path);
  };
  const itemsPath = map.ItemsPath ?? '$';
  const inputPath = map.InputPath;
  // InputPath null: the effective input is {}, which is no text of the input.
  const effective = inputPath === null ? undefined : inputPath?.startsWith('$$') ? textOf(inputPath, contextText) : textOf(inputPath, inputText);
  const raw = itemsPath.startsWith('$$') ? textOf(itemsPath, contextText) : textOf(itemsPath, effective);
  return raw === undefined ? items : parseJson(raw);
}
