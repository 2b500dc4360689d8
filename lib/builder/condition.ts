import type { Json, JsonPathCondition } from '../asl';
import type { PathRef } from './json-path';

/** A variable: a JSONPath string, or a PathRef such as `task.output('valid')`. */
type Variable = string | PathRef;

/**
 * JSONPath Choice conditions, built rather than hand-written.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html
 */
export class Condition {
  private constructor(readonly rule: JsonPathCondition) {}

  static booleanEquals(variable: Variable, value: boolean): Condition {
    return Condition.compare(variable, 'BooleanEquals', value);
  }
  static stringEquals(variable: Variable, value: string): Condition {
    return Condition.compare(variable, 'StringEquals', value);
  }
  static numericEquals(variable: Variable, value: number): Condition {
    return Condition.compare(variable, 'NumericEquals', value);
  }
  static numericGreaterThan(variable: Variable, value: number): Condition {
    return Condition.compare(variable, 'NumericGreaterThan', value);
  }
  static numericGreaterThanEquals(variable: Variable, value: number): Condition {
    return Condition.compare(variable, 'NumericGreaterThanEquals', value);
  }
  static numericLessThan(variable: Variable, value: number): Condition {
    return Condition.compare(variable, 'NumericLessThan', value);
  }
  static isPresent(variable: Variable, present = true): Condition {
    return Condition.compare(variable, 'IsPresent', present);
  }
  static and(...conditions: Condition[]): Condition {
    return new Condition({ And: conditions.map((c) => c.rule) });
  }
  static or(...conditions: Condition[]): Condition {
    return new Condition({ Or: conditions.map((c) => c.rule) });
  }
  static not(condition: Condition): Condition {
    return new Condition({ Not: condition.rule });
  }

  private static compare(variable: Variable, operator: 'BooleanEquals' | 'StringEquals' | 'NumericEquals' | 'NumericGreaterThan' | 'NumericGreaterThanEquals' | 'NumericLessThan' | 'IsPresent', value: Json): Condition {
    return new Condition({ Variable: typeof variable === 'string' ? variable : variable.expression, [operator]: value } as JsonPathCondition);
  }
}
