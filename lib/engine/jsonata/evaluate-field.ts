import type { Json, JsonObject } from '../../asl';
import { evaluateJsonataExpression } from './evaluate-expression';
import { isJsonataExpression, jsonataExpressionText } from './is-jsonata-expression';
import type { JsonataBindings } from './jsonata-bindings';
import { JsonataCauses, jsonataFailure } from './jsonata-failure';

/**
 * Evaluates a JSONata field value: a "{% %}" string, or an object/array whose nested strings may be
 * "{% %}" expressions (others are literals). `field` names the ASL field for error messages (e.g.
 * 'Arguments', 'Output', 'Assign', 'Choices[0]/Output'); nested expressions are named as AWS names
 * them, `/key` per object key and `[i]` per array index: `Output/a/b[0]`.
 * An expression that returns nothing fails, at any depth (AWS, recorded): "The JSONata expression
 * '...' specified for the field 'Output/v' returned nothing (undefined)." A JSON null is a value.
 * Expressions run one at a time in document order, so `$random()`/`$uuid()` draws are reproducible.
 * Throws StatesFailure('States.QueryEvaluationError', <AWS cause>) — a JsonataFailure — on failure.
 */
export async function evaluateJsonataField(value: Json, field: string, bindings: JsonataBindings): Promise<Json> {
  if (typeof value === 'string') {
    if (!isJsonataExpression(value)) return value;
    const result = await evaluateJsonataExpression(value, field, bindings);
    if (result === undefined) {
      throw jsonataFailure(JsonataCauses.returnedNothing(jsonataExpressionText(value), field), field, bindings);
    }
    return result;
  }
  if (Array.isArray(value)) {
    const out: Json[] = [];
    for (let i = 0; i < value.length; i++) out.push(await evaluateJsonataField(value[i], `${field}[${i}]`, bindings));
    return out;
  }
  if (value !== null && typeof value === 'object') {
    const out: JsonObject = {};
    for (const key of Object.keys(value)) out[key] = await evaluateJsonataField(value[key], `${field}/${key}`, bindings);
    return out;
  }
  return value;
}
