import jsonata from 'jsonata';
import type { Json, JsonObject } from '../../asl';
import { StatesFailure } from '../states-failure';
import { isJsonataExpression } from './is-jsonata-expression';
import type { JsonataBindings } from './jsonata-bindings';

const cache = new Map<string, jsonata.Expression>();

/** Evaluates one "{% %}" string; undefined when the expression yields nothing. */
export async function evaluateJsonataExpression(source: string, field: string, bindings: JsonataBindings): Promise<unknown> {
  const body = source.slice(2, -2);
  let expr = cache.get(body);
  try {
    if (!expr) {
      expr = jsonata(body);
      cache.set(body, expr);
    }
    const states: Record<string, Json> = { input: bindings.input, context: bindings.context };
    if (bindings.result !== undefined) states.result = bindings.result;
    if (bindings.errorOutput !== undefined) states.errorOutput = bindings.errorOutput;
    return await expr.evaluate(bindings.input, { states });
  } catch (e) {
    throw new StatesFailure('States.QueryEvaluationError', `An error occurred while evaluating the ${field} field: ${(e as Error).message}`);
  }
}

/**
 * Evaluates a JSONata field value: a "{% %}" string, or an object/array whose nested strings may be
 * "{% %}" expressions (others are literals). `field` names the ASL field for error messages.
 * Throws StatesFailure('States.QueryEvaluationError', <AWS cause>) on failure.
 */
export async function evaluateJsonataField(value: Json, field: string, bindings: JsonataBindings): Promise<Json> {
  if (isJsonataExpression(value)) return JSON.parse(JSON.stringify((await evaluateJsonataExpression(value, field, bindings)) ?? null)) as Json;
  if (Array.isArray(value)) return Promise.all(value.map((v) => evaluateJsonataField(v, field, bindings)));
  if (value !== null && typeof value === 'object') {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(value)) out[k] = await evaluateJsonataField(v, field, bindings);
    return out;
  }
  return value;
}
