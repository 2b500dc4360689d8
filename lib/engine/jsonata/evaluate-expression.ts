import type { Json, JsonObject } from '../../asl';
import { AwsJsonataFunctions } from './aws-functions';
import { compileJsonata, type CompiledExpression, type JsonataError } from './compiled-expression';
import { evaluationBudgetBinding } from './evaluation-bounds';
import { functionBindings } from './function-bindings';
import { InternalEvaluationError } from './internal-evaluation-error';
import { jsonataExpressionText } from './is-jsonata-expression';
import { JSONATA_FUNCTION_NAMES } from './jsonata-builtins';
import type { JsonataBindings } from './jsonata-bindings';
import { JsonataCauses, jsonataFailure } from './jsonata-failure';
import { toJson, UnsupportedResultType } from './to-json';

/**
 * Evaluates one "{% %}" string. Returns undefined when the expression yields nothing (callers
 * decide what that means for their field); throws a JsonataFailure when it fails, naming `field`.
 */
export async function evaluateJsonataExpression(
  source: string,
  field: string,
  bindings: JsonataBindings,
): Promise<Json | undefined> {
  const compiled = compileJsonata(source.slice(2, -2));
  if (!compiled.ok) throw threw(source, field, compiled.error, bindings);
  let result: unknown;
  try {
    result = await compiled.compiled.expression.evaluate(undefined, await expressionBindings(compiled.compiled, bindings));
  } catch (e) {
    throw threw(source, field, e, bindings);
  }
  try {
    return toJson(result);
  } catch (e) {
    if (!(e instanceof UnsupportedResultType)) throw e;
    throw jsonataFailure(JsonataCauses.unsupportedType(jsonataExpressionText(source), field), field, bindings, true);
  }
}

/**
 * Binds only what the expression names: overridden functions first, then workflow variables, then
 * the reserved `$states` last. A variable named like a function does not hide the function where
 * the expression only calls that name, so `$count($items)` works beside a variable `count` (AWS
 * unverified; a value can never be called). AWS expressions have no context item.
 */
async function expressionBindings(compiled: CompiledExpression, bindings: JsonataBindings): Promise<Record<string, unknown>> {
  const names = compiled.variables;
  const now = nowMillis(bindings);
  const bound: Record<string, unknown> = evaluationBudgetBinding(now, bindings.maxEvaluationSteps);
  Object.assign(bound, await functionBindings(names, { random: bindings.random, nowMillis: now }));
  for (const name of names) {
    if (name === 'states' || (compiled.calledOnly.has(name) && isFunctionName(name))) continue;
    const value = bindings.variables.get(name);
    if (value !== undefined) bound[name] = value;
  }
  if (names.includes('states')) {
    const states: JsonObject = { input: bindings.input, context: bindings.context };
    if (bindings.result !== undefined) states.result = bindings.result;
    if (bindings.errorOutput !== undefined) states.errorOutput = bindings.errorOutput;
    bound.states = states;
  }
  return bound;
}

function isFunctionName(name: string): boolean {
  return JSONATA_FUNCTION_NAMES.has(name) || Object.prototype.hasOwnProperty.call(AwsJsonataFunctions, name);
}

/** `bindings.now`, else the context object's State.EnteredTime, else the epoch (a context without it). */
function nowMillis(bindings: JsonataBindings): number {
  const context = bindings.context;
  const state = context !== null && typeof context === 'object' && !Array.isArray(context) ? context.State : undefined;
  const entered = state !== null && typeof state === 'object' && !Array.isArray(state) ? state.EnteredTime : undefined;
  for (const candidate of [bindings.now, entered]) {
    const millis = typeof candidate === 'string' ? Date.parse(candidate) : NaN;
    if (!Number.isNaN(millis)) return millis;
  }
  return 0;
}

function threw(source: string, field: string, e: unknown, bindings: JsonataBindings) {
  if (e instanceof InternalEvaluationError) {
    return jsonataFailure(JsonataCauses.internalError(jsonataExpressionText(source), field, bindings.random.uuid()), field, bindings);
  }
  const { code, message } = describeError(e);
  return jsonataFailure(JsonataCauses.threwError(jsonataExpressionText(source), field, code, message), field, bindings);
}

function describeError(e: unknown): { code?: string; message: string } {
  if (e instanceof RangeError && /call stack/i.test(e.message)) {
    // The JavaScript stack gave out before the depth bound: the same refusal AWS gives.
    return { message: 'Stack overflow error: Check for non-terminating recursive function. Consider rewriting as tail-recursive.' };
  }
  if (e !== null && typeof e === 'object') {
    const error = e as JsonataError;
    const code = typeof error.code === 'string' ? error.code : undefined;
    return { code, message: typeof error.message === 'string' ? error.message : '' };
  }
  return { message: String(e) };
}
