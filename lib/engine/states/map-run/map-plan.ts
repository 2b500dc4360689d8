import { StatesErrors, type Json, type JsonObject, type MapState } from '../../../asl';
import { effectiveInput, jsonataBindings, jsonPathScope, payloadTemplate, stateRef } from '../../core/data-flow';
import type { Interpreter } from '../../core/interpreter';
import type { StateRun } from '../../core/state-run';
import { evaluateJsonataArray, evaluateJsonataField, evaluateJsonataInteger, JsonataFailure } from '../../jsonata';
import { readPath, statePrefix } from '../../jsonpath';
import { StatesFailure } from '../../states-failure';
import { batchPlanJsonata, batchPlanJsonPath, type BatchPlan } from './item-batches';
import { integerValue, shownValue } from './map-tolerance';

/** What one run of a Map state works through, read from its fields once per attempt. */
export interface MapPlan {
  items: Json[];
  /** A JSONPath Map over a JSON object: the object's keys, one per item (`$$.Map.Item.Key`). */
  keys?: string[];
  /** The input ItemSelector reads as `$` (JSONPath: the effective input). */
  selectorInput: Json;
  /** 0: no limit set. */
  maxConcurrency: number;
  /** Read after MapStateStarted (readTolerance). */
  toleratedCount?: number;
  toleratedPercentage?: number;
  /** A Distributed Map's ItemBatcher: children then run batches of selected items. */
  batching?: BatchPlan;
}

function notAnArray(run: StateRun, path: string, value: Json): StatesFailure {
  return new StatesFailure(
    StatesErrors.Runtime,
    `An error occurred while executing the state '${run.name}' (entered at the event id #${run.enteredEventId}). Invalid path '${path}': The Map state's ItemsPath must reference a JSON array or object, but was: ${JSON.stringify(value)}`,
  );
}

/**
 * A JSONata Map without Items whose input is no array: States.QueryEvaluationError, recorded in an
 * EvaluationFailed that names no field (localstack test_base_scenarios, test_map_state_items_input_types[*]).
 */
function inputNotAnArray(run: StateRun, value: Json): JsonataFailure {
  const detail = `Map state input must be an array but was: ${JSON.stringify(value)}`;
  return new JsonataFailure(statePrefix(stateRef(run)) + detail, '', detail, true);
}

/**
 * MaxConcurrencyPath: an integer of at least 0, read before MapStateStarted. The type text is
 * recorded on AWS (localstack test_base_scenarios.snapshot.json, test_max_concurrency_path[{}, NoNumber]).
 * Given a negative value AWS stalls with ExecutionStarted alone (localstack test_max_concurrency_path_negative);
 * failing with localstack's text is the deliberate difference.
 */
function maxConcurrencyAt(run: StateRun, value: Json, path: string): number {
  const prefix = statePrefix(stateRef(run));
  const limit = integerValue(value);
  if (limit === undefined) {
    throw new StatesFailure(StatesErrors.Runtime, `${prefix}The MaxConcurrencyPath field refers to value "${shownValue(value)}" which is not a valid integer: ${path}`);
  }
  if (limit < 0) throw new StatesFailure(StatesErrors.Runtime, `${prefix}Expected non-negative integer for MaxConcurrency, got '${limit}' instead.`);
  return limit;
}

async function planJsonata(run: StateRun, it: Interpreter, def: MapState): Promise<MapPlan> {
  const b = jsonataBindings(it, run);
  // "The Map state Items field will accept a JSON array, a JSON object, or a JSONata expression"
  // (transforming-data page): a JSON object written as Items is iterated as JSONPath's is.
  const literal = isJsonObject(def.Items) ? objectItems(def.Items) : undefined;
  const plan: MapPlan = { ...(literal ?? { items: await jsonataItems(run, def, b) }), selectorInput: run.input, maxConcurrency: 0 };
  if (def.MaxConcurrency !== undefined) plan.maxConcurrency = await evaluateJsonataInteger(def.MaxConcurrency, 'MaxConcurrency', b);
  if (def.ItemBatcher !== undefined && run.state.distributed) plan.batching = await batchPlanJsonata(def.ItemBatcher, b);
  return plan;
}

/**
 * The items of a JSONata Map: Items, else the input. A result that is no array links its
 * EvaluationFailed to the event MapStateEntered links to, not to MapStateEntered (localstack
 * test_base_scenarios, test_map_state_items_eval_jsonata_fail[*] and test_map_state_items_input_types[*],
 * recorded on AWS); an expression that fails or returns nothing links to MapStateEntered
 * (floci-io/floci#2868, measured).
 */
async function jsonataItems(run: StateRun, def: MapState, b: ReturnType<typeof jsonataBindings>): Promise<Json[]> {
  if (readsItemsFromS3(run, def)) return [];
  try {
    if (def.Items !== undefined) return await evaluateJsonataArray(def.Items, 'Items', b);
    if (Array.isArray(run.input)) return run.input;
    throw inputNotAnArray(run, run.input);
  } catch (e) {
    // Only the first attempt was recorded; a retried attempt links on from the previous failure as before.
    if (e instanceof JsonataFailure && e.resultRefused && run.retryCount === 0) run.branch.thread.last = run.enteredAfter;
    throw e;
  }
}

/**
 * What a JSONPath Map iterates: an array's items, or an object's key-value pairs, each passed to
 * its iteration as `{"Key": …, "Value": …}` ("If the input to the Map state is a JSON object, it
 * runs an iteration for each key-value pair in the object, passing the pair to the iteration as
 * input", ItemsPath page; the pair's shape and `$$.Map.Item.Key` as measured on AWS for a JSON
 * object an ItemReader reads, floci-io/floci#1588).
 */
function jsonPathItems(run: StateRun, itemsPath: string, value: Json): { items: Json[]; keys?: string[] } {
  if (Array.isArray(value)) return { items: value };
  if (!isJsonObject(value)) throw notAnArray(run, itemsPath, value);
  return objectItems(value);
}

const isJsonObject = (value: Json | undefined): value is JsonObject => value !== null && typeof value === 'object' && !Array.isArray(value);

/** An object's members as Map items: `{"Key", "Value"}` pairs, with their keys for `$$.Map.Item.Key`. */
export function objectItems(value: JsonObject): { items: Json[]; keys: string[] } {
  const keys = Object.keys(value);
  return { items: keys.map((Key) => ({ Key, Value: value[Key]! })), keys };
}

function planJsonPath(run: StateRun, it: Interpreter, def: MapState): MapPlan {
  const effective = effectiveInput(it, run);
  const scope = jsonPathScope(it, run, effective);
  const itemsPath = def.ItemsPath ?? '$';
  const items = readsItemsFromS3(run, def) ? [] : itemsPath === '$' ? effective : readPath(itemsPath, scope, 'ItemsPath');
  const plan: MapPlan = { ...jsonPathItems(run, itemsPath, items), selectorInput: effective, maxConcurrency: 0 };
  if (def.MaxConcurrencyPath !== undefined) plan.maxConcurrency = maxConcurrencyAt(run, readPath(def.MaxConcurrencyPath, scope, 'MaxConcurrencyPath'), def.MaxConcurrencyPath);
  else if (typeof def.MaxConcurrency === 'number') plan.maxConcurrency = def.MaxConcurrency;
  if (def.ItemBatcher !== undefined && run.state.distributed) plan.batching = batchPlanJsonPath(def.ItemBatcher, run, scope);
  return plan;
}

/** A Distributed Map with an ItemReader reads its items from Amazon S3 and ignores ItemsPath. */
export function readsItemsFromS3(run: StateRun, def: MapState): boolean {
  return run.state.distributed && def.ItemReader !== undefined;
}

/**
 * The cause when a Distributed Map needs Amazon S3, which the local service does not have: it
 * fails with the error AWS raises when it cannot read or write, rather than quietly mapping over
 * its input or dropping its results.
 */
export function noS3Cause(field: 'ItemReader' | 'ResultWriter', value: Json, instead: string): string {
  const resource = value !== null && typeof value === 'object' && !Array.isArray(value) && typeof value.Resource === 'string' ? ` (${value.Resource})` : '';
  return `The local service has no Amazon S3, so it cannot run the ${field}${resource} of a Distributed Map; ${instead}.`;
}

function refuseResultWriter(run: StateRun, def: MapState): void {
  if (def.ResultWriter === undefined) return;
  const cause = noS3Cause('ResultWriter', def.ResultWriter, "without a ResultWriter the results are the state's output");
  throw new StatesFailure(StatesErrors.ResultWriterFailed, `An error occurred while executing the state '${run.name}' (entered at the event id #${run.enteredEventId}). ${cause}`);
}

/** Reads the items, concurrency and tolerance in the state's query language. */
export function mapPlan(run: StateRun, it: Interpreter, def: MapState): Promise<MapPlan> | MapPlan {
  if (run.state.distributed) refuseResultWriter(run, def);
  return run.state.queryLanguage === 'JSONata' ? planJsonata(run, it, def) : planJsonPath(run, it, def);
}

/** The item's input: ItemSelector (or legacy Parameters) with `$$.Map.Item`, else the item. */
export async function itemInput(run: StateRun, it: Interpreter, def: MapState, plan: MapPlan, index: number): Promise<Json> {
  const selector = def.ItemSelector ?? (run.state.queryLanguage === 'JSONPath' ? def.Parameters : undefined);
  const value = plan.items[index]!;
  if (selector === undefined) return value;
  const key = plan.keys?.[index];
  run.extraContext = { Map: { Item: key === undefined ? { Index: index, Value: value } : { Key: key, Index: index, Value: (value as JsonObject).Value! } } };
  try {
    if (run.state.queryLanguage === 'JSONata') return await evaluateJsonataField(selector, 'ItemSelector', jsonataBindings(it, run));
    return payloadTemplate(it, run, selector, plan.selectorInput, 'ItemSelector');
  } finally {
    run.extraContext = undefined;
  }
}

/**
 * Whether `failed` items are more than the Map tolerates. With no tolerance set any failure is too
 * many (a Distributed Map's tolerance is 0 by default); with both set, exceeding either one is.
 */
export function exceedsTolerance(plan: MapPlan, failed: number): boolean {
  const { toleratedCount, toleratedPercentage } = plan;
  if (toleratedCount === undefined && toleratedPercentage === undefined) return failed > 0;
  if (toleratedCount !== undefined && failed > toleratedCount) return true;
  if (toleratedPercentage !== undefined && (failed * 100) / plan.items.length > toleratedPercentage) return true;
  return false;
}
