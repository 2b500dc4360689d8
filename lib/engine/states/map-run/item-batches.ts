import { StatesErrors, type Json, type JsonObject } from '../../../asl';
import { jsonBytes } from '../../core/json-text';
import type { StateRun } from '../../core/state-run';
import { evaluateJsonataField, evaluateJsonataInteger, type JsonataBindings } from '../../jsonata';
import { applyPayloadTemplate, readPath, type JsonPathScope } from '../../jsonpath';
import { StatesFailure } from '../../states-failure';

/**
 * A batch holds at most 256 KiB of items when MaxInputBytesPerBatch does not say less.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itembatcher.html
 */
export const MAX_BATCH_BYTES = 262144;

/** What ItemBatcher asks for, read once per run of the Map state. */
export interface BatchPlan {
  /** Infinity: no item limit, only the byte limit. */
  maxItems: number;
  maxBytes: number;
  /** BatchInput after evaluation; every child's input carries it. */
  batchInput?: Json;
}

/** One child execution's share of the items: its input and how many items it holds. */
export interface ItemBatch {
  input: Json;
  itemCount: number;
}

const asObject = (v: Json | undefined): JsonObject => (v !== null && typeof v === 'object' && !Array.isArray(v) ? v : {});

function positiveField(value: Json, run: StateRun, field: string): number {
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) return value;
  // Unverified wording: AWS's text for a ...Path that selects a non-positive value is not recorded.
  throw new StatesFailure(
    StatesErrors.Runtime,
    `An error occurred while executing the state '${run.name}' (entered at the event id #${run.enteredEventId}). The value of the field '${field}' must be a positive integer, but was: ${JSON.stringify(value)}`,
  );
}

/** A limit of 0 or less is no limit on that measure (definition validation accepts 0). */
const limit = (n: number | undefined, none: number): number => (n === undefined || n <= 0 ? none : n);

/** JSONPath: literals, ...Path fields read from the effective input, BatchInput as a payload template. */
export function batchPlanJsonPath(batcher: Json, run: StateRun, scope: JsonPathScope): BatchPlan {
  const b = asObject(batcher);
  const read = (field: string): number | undefined => {
    const path = b[`${field}Path`];
    if (typeof path === 'string') return positiveField(readPath(path, scope, `${field}Path`), run, `${field}Path`);
    const literal = b[field];
    return typeof literal === 'number' ? literal : undefined;
  };
  const plan: BatchPlan = { maxItems: limit(read('MaxItemsPerBatch'), Infinity), maxBytes: Math.min(limit(read('MaxInputBytesPerBatch'), MAX_BATCH_BYTES), MAX_BATCH_BYTES) };
  // BatchInput is a payload template, evaluated like Parameters against the state's effective input.
  if (b.BatchInput !== undefined) plan.batchInput = applyPayloadTemplate(b.BatchInput, scope, 'Parameters');
  return plan;
}

/** JSONata: the limits may be expressions that evaluate to integers, BatchInput an expression or a template of them. */
export async function batchPlanJsonata(batcher: Json, bindings: JsonataBindings): Promise<BatchPlan> {
  const b = asObject(batcher);
  const read = async (field: string): Promise<number | undefined> => (b[field] === undefined ? undefined : evaluateJsonataInteger(b[field]!, field, bindings));
  const maxItems = await read('MaxItemsPerBatch');
  const maxBytes = await read('MaxInputBytesPerBatch');
  const plan: BatchPlan = { maxItems: limit(maxItems, Infinity), maxBytes: Math.min(limit(maxBytes, MAX_BATCH_BYTES), MAX_BATCH_BYTES) };
  if (b.BatchInput !== undefined) plan.batchInput = await evaluateJsonataField(b.BatchInput, 'BatchInput', bindings);
  return plan;
}

/**
 * Groups the selected items, in order, into batches of at most `maxItems` items whose `Items` array
 * is at most `maxBytes` as JSON text (an item larger than that travels alone). Each child receives
 * `{"BatchInput": …, "Items": […]}`, BatchInput only when the state declares one.
 */
export function itemBatches(selected: readonly Json[], plan: BatchPlan): ItemBatch[] {
  const batches: ItemBatch[] = [];
  let items: Json[] = [];
  let bytes = 2; // "[]"
  const close = () => {
    const input: JsonObject = plan.batchInput === undefined ? { Items: items } : { BatchInput: plan.batchInput, Items: items };
    batches.push({ input, itemCount: items.length });
    items = [];
    bytes = 2;
  };
  for (const item of selected) {
    const size = jsonBytes(item);
    // One more item costs its text and a comma.
    if (items.length > 0 && (items.length >= plan.maxItems || bytes + 1 + size > plan.maxBytes)) close();
    bytes += (items.length > 0 ? 1 : 0) + size;
    items.push(item);
  }
  if (items.length > 0) close();
  return batches;
}
