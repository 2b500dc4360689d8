import type { Json } from './json';

/** The comparison operators of a JSONPath Choice rule, each with its `...Path` twin where ASL has one. */
export const ComparisonOperators = [
  'BooleanEquals', 'BooleanEqualsPath',
  'IsBoolean', 'IsNull', 'IsNumeric', 'IsPresent', 'IsString', 'IsTimestamp',
  'NumericEquals', 'NumericEqualsPath', 'NumericGreaterThan', 'NumericGreaterThanPath',
  'NumericGreaterThanEquals', 'NumericGreaterThanEqualsPath', 'NumericLessThan', 'NumericLessThanPath',
  'NumericLessThanEquals', 'NumericLessThanEqualsPath',
  'StringEquals', 'StringEqualsPath', 'StringGreaterThan', 'StringGreaterThanPath',
  'StringGreaterThanEquals', 'StringGreaterThanEqualsPath', 'StringLessThan', 'StringLessThanPath',
  'StringLessThanEquals', 'StringLessThanEqualsPath', 'StringMatches',
  'TimestampEquals', 'TimestampEqualsPath', 'TimestampGreaterThan', 'TimestampGreaterThanPath',
  'TimestampGreaterThanEquals', 'TimestampGreaterThanEqualsPath', 'TimestampLessThan', 'TimestampLessThanPath',
  'TimestampLessThanEquals', 'TimestampLessThanEqualsPath',
] as const;
export type ComparisonOperator = (typeof ComparisonOperators)[number];

/** A JSONPath boolean expression: a comparison on `Variable`, or And / Or / Not of others. */
export type JsonPathCondition =
  | { And: JsonPathCondition[] }
  | { Or: JsonPathCondition[] }
  | { Not: JsonPathCondition }
  | ({ Variable: string } & { [K in ComparisonOperator]?: Json });

/** A top-level JSONPath Choice rule: a condition with a Next (and optional Assign). */
export type JsonPathChoiceRule = JsonPathCondition & { Next: string; Assign?: Record<string, Json>; Comment?: string };

/** A JSONata Choice rule: `Condition` is a `{% %}` expression (or a boolean literal). */
export interface JsonataChoiceRule {
  Condition: string | boolean;
  Next: string;
  Output?: Json;
  Assign?: Record<string, Json>;
  Comment?: string;
}
