/**
 * The JSONata query language layer: `{% %}` field values, Choice conditions and typed numeric
 * fields, evaluated with jsonata 2.0.6 (the version AWS documents) plus AWS's extra functions.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html
 */
export type { JsonataBindings } from './jsonata-bindings';
export { isJsonataExpression } from './is-jsonata-expression';
export { evaluateJsonataField } from './evaluate-field';
export { evaluateJsonataCondition } from './evaluate-condition';
