/**
 * The JSONata query language layer: "{% %}" field values, Choice conditions and typed fields,
 * evaluated with jsonata 2.0.6 (the version AWS documents) plus AWS's extra functions, with AWS's
 * error texts. Failures are JsonataFailure (a StatesFailure: States.QueryEvaluationError) carrying
 * the `location` AWS puts in the EvaluationFailed event.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html
 */
export type { JsonataBindings } from './jsonata-bindings';
export { isJsonataExpression, jsonataExpressionText } from './is-jsonata-expression';
export { evaluateJsonataField } from './evaluate-field';
export { evaluateJsonataCondition } from './evaluate-condition';
export { evaluateJsonataExpression } from './evaluate-expression';
export {
  evaluateJsonataArray,
  evaluateJsonataBoolean,
  evaluateJsonataInteger,
  evaluateJsonataNumber,
  evaluateJsonataString,
  JsonataNumericFields,
  type NumericBounds,
} from './evaluate-typed-field';
export { JsonataCauses, JsonataFailure } from './jsonata-failure';
export { AwsJsonataFunctions, type AwsJsonataFunction } from './aws-functions';
export { MAX_EVALUATION_DEPTH, MAX_EVALUATION_STEPS } from './evaluation-bounds';
export { jsonataSyntaxError } from './jsonata-syntax-error';
