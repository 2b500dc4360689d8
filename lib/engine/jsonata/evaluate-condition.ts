import { StatesFailure } from '../states-failure';
import { evaluateJsonataExpression } from './evaluate-field';
import type { JsonataBindings } from './jsonata-bindings';

/** A Choice rule's Condition: must evaluate to a boolean; AWS's error otherwise. */
export async function evaluateJsonataCondition(condition: string | boolean, bindings: JsonataBindings): Promise<boolean> {
  if (typeof condition === 'boolean') return condition;
  const v = await evaluateJsonataExpression(condition, 'Condition', bindings);
  if (typeof v !== 'boolean') throw new StatesFailure('States.QueryEvaluationError', `The Condition field did not evaluate to a boolean`);
  return v;
}
