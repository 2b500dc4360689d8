import type { Json, JsonPathCondition } from '../asl';

/**
 * JSONPath Choice conditions, built rather than hand-written.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html
 */
export class Condition {
  private constructor(readonly rule: JsonPathCondition) {}

  static booleanEquals(variable: string, value: boolean): Condition {
    return Condition.compare(variable, 'BooleanEquals', value);
  }
  static stringEquals(variable: string, value: string): Condition {
    return Condition.compare(variable, 'StringEquals', value);
  }
  static numericEquals(variable: string, value: number): Condition {
    return Condition.compare(variable, 'NumericEquals', value);
  }
  static numericGreaterThan(variable: string, value: number): Condition {
    return Condition.compare(variable, 'NumericGreaterThan', value);
  }
  static numericGreaterThanEquals(variable: string, value: number): Condition {
    return Condition.compare(variable, 'NumericGreaterThanEquals', value);
  }
  static numericLessThan(variable: string, value: number): Condition {
    return Condition.compare(variable, 'NumericLessThan', value);
  }
  static isPresent(variable: string, present = true): Condition {
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

  private static compare(variable: string, operator: 'BooleanEquals' | 'StringEquals' | 'NumericEquals' | 'NumericGreaterThan' | 'NumericGreaterThanEquals' | 'NumericLessThan' | 'IsPresent', value: Json): Condition {
    return new Condition({ Variable: variable, [operator]: value } as JsonPathCondition);
  }
}
