import type { Json } from '../../asl';
import { describeValue } from './describe-value';
import { evaluateJsonataExpression } from './evaluate-expression';
import { evaluateJsonataField } from './evaluate-field';
import { isJsonataExpression, jsonataExpressionText } from './is-jsonata-expression';
import type { JsonataBindings } from './jsonata-bindings';
import { JsonataCauses, jsonataFailure } from './jsonata-failure';

/** What a numeric field accepts. */
export interface NumericBounds {
  min?: number;
  max?: number;
}

/**
 * AWS's documented ranges for the numeric fields a JSONata state may compute, keyed by field name
 * (the last segment of the field path). Used when no bounds are passed.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-task.html (TimeoutSeconds, HeartbeatSeconds: positive integers)
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-wait.html (Seconds: non-negative integer)
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-map.html (MaxConcurrency, ToleratedFailure*)
 */
export const JsonataNumericFields: Readonly<Record<string, NumericBounds>> = {
  TimeoutSeconds: { min: 1, max: 99_999_999 },
  HeartbeatSeconds: { min: 1, max: 99_999_999 },
  Seconds: { min: 0, max: 99_999_999 },
  MaxConcurrency: { min: 0 },
  ToleratedFailureCount: { min: 0 },
  ToleratedFailurePercentage: { min: 0, max: 100 },
  MaxItems: { min: 0 },
  MaxItemsPerBatch: { min: 0 },
  MaxInputBytesPerBatch: { min: 0 },
};

type Check = (value: Json) => string | undefined;

/**
 * Evaluates a field that must be one scalar: a literal is returned as is (definition validation
 * checked it); an expression must return something (AWS's "returned nothing (undefined)"), and
 * `check` turns a wrong value into AWS's cause.
 */
async function evaluateScalar(value: Json, field: string, bindings: JsonataBindings, check: Check): Promise<Json> {
  if (!isJsonataExpression(value)) return value;
  const expression = jsonataExpressionText(value);
  const result = await evaluateJsonataExpression(value, field, bindings);
  if (result === undefined) throw jsonataFailure(JsonataCauses.returnedNothing(expression, field), field, bindings);
  const problem = check(result);
  if (problem !== undefined) throw jsonataFailure(JsonataCauses.wrongValue(expression, field, problem), field, bindings, true);
  return result;
}

function unexpectedType(expected: string, value: Json): string {
  const { type, text } = describeValue(value);
  return `returned an unexpected result type. Expected '${expected}', but was '${type}' for value: ${text}`;
}

function rangeCheck(kind: string, bounds: NumericBounds, value: number): string | undefined {
  const { min, max } = bounds;
  if ((min === undefined || value >= min) && (max === undefined || value <= max)) return undefined;
  const range =
    min !== undefined && max !== undefined
      ? `${kind} between ${min} and ${max}`
      : min !== undefined
        ? `${kind} greater than or equal to ${min}`
        : `${kind} less than or equal to ${max}`;
  return `returned an out of range value. Expected ${range}, but was: ${value}`;
}

function boundsFor(field: string, bounds: NumericBounds | undefined): NumericBounds {
  return bounds ?? JsonataNumericFields[field.slice(field.lastIndexOf('/') + 1)] ?? {};
}

function literalOf<T>(value: Json, field: string, guard: (v: Json) => v is Json & T): T {
  if (guard(value)) return value;
  throw new TypeError(`${field} is neither a JSONata expression nor a valid literal: ${JSON.stringify(value)}`);
}

const isNumber = (v: Json): v is number => typeof v === 'number';

/**
 * An integer field (TimeoutSeconds, HeartbeatSeconds, Seconds, MaxConcurrency,
 * ToleratedFailureCount, MaxItems...). A non-integer or a non-number fails with AWS's
 * "returned an unexpected result type. Expected 'integer', but was '<type>' for value: <json>"
 * (the recorded Items wording, applied here; unverified for these fields), a value outside
 * `bounds` (default: JsonataNumericFields) with "returned an out of range value. ..." (unverified).
 */
export async function evaluateJsonataInteger(
  value: Json,
  field: string,
  bindings: JsonataBindings,
  bounds?: NumericBounds,
): Promise<number> {
  const result = await evaluateScalar(value, field, bindings, (v) =>
    typeof v === 'number' && Number.isInteger(v) ? rangeCheck('an integer', boundsFor(field, bounds), v) : unexpectedType('integer', v),
  );
  return literalOf(result, field, isNumber);
}

/** A number field (ToleratedFailurePercentage); the same causes as evaluateJsonataInteger, type 'number'. */
export async function evaluateJsonataNumber(
  value: Json,
  field: string,
  bindings: JsonataBindings,
  bounds?: NumericBounds,
): Promise<number> {
  const result = await evaluateScalar(value, field, bindings, (v) =>
    typeof v === 'number' ? rangeCheck('a number', boundsFor(field, bounds), v) : unexpectedType('number', v),
  );
  return literalOf(result, field, isNumber);
}

/** A string field (a Fail state's Error and Cause). */
export async function evaluateJsonataString(value: Json, field: string, bindings: JsonataBindings): Promise<string> {
  const result = await evaluateScalar(value, field, bindings, (v) => (typeof v === 'string' ? undefined : unexpectedType('string', v)));
  return literalOf(result, field, (v): v is string => typeof v === 'string');
}

/** A boolean (a Choice rule's Condition). */
export async function evaluateJsonataBoolean(value: Json, field: string, bindings: JsonataBindings): Promise<boolean> {
  const result = await evaluateScalar(value, field, bindings, (v) => (typeof v === 'boolean' ? undefined : unexpectedType('boolean', v)));
  return literalOf(result, field, (v): v is boolean => typeof v === 'boolean');
}

/**
 * A Map state's Items: an expression that must return an array (AWS, recorded: "... returned an
 * unexpected result type. Expected 'array', but was 'object' for value: {...}"), or a literal
 * array whose elements may be expressions.
 */
export async function evaluateJsonataArray(value: Json, field: string, bindings: JsonataBindings): Promise<Json[]> {
  if (!isJsonataExpression(value)) return literalOf(await evaluateJsonataField(value, field, bindings), field, Array.isArray);
  const result = await evaluateScalar(value, field, bindings, (v) => (Array.isArray(v) ? undefined : unexpectedType('array', v)));
  return result as Json[];
}
