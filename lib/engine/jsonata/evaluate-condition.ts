import { evaluateJsonataBoolean } from './evaluate-typed-field';
import type { JsonataBindings } from './jsonata-bindings';

/**
 * A Choice rule's Condition: a boolean literal, or an expression that must evaluate to a boolean.
 * Nothing fails with "... specified for the field '<field>' returned nothing (undefined)." (AWS,
 * recorded); a non-boolean with "... returned an unexpected result type. Expected 'boolean', but
 * was '<type>' for value: <json>" (Items wording; unverified for Condition).
 * `field` is the location AWS reports, e.g. 'Choices[2]/Condition'.
 */
export async function evaluateJsonataCondition(
  condition: string | boolean,
  bindings: JsonataBindings,
  field = 'Condition',
): Promise<boolean> {
  if (typeof condition === 'boolean') return condition;
  return evaluateJsonataBoolean(condition, field, bindings);
}
