import type { Json, JsonPathCondition } from '../../asl';
import type { StatesFailure } from '../states-failure';

/**
 * JSONPath Choice conditions: comparison operators on `Variable` (and their `...Path` twins),
 * And / Or / Not. A Variable that matches nothing fails the state, except under IsPresent.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html
 */

type Query<S> = (path: string, scope: S) => Json | undefined;

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * An RFC 3339 timestamp whose fields are a real instant: AWS parses timestamps in Java, whose
 * ISO parsers refuse a 30th of February or hour 24, which Date.parse rolls over (our reading).
 */
function isTimestamp(v: Json): v is string {
  if (typeof v !== 'string') return false;
  const m = TIMESTAMP.exec(v);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const daysInMonth = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && hour <= 23 && minute <= 59 && second <= 59 && !Number.isNaN(Date.parse(v));
}

/** `*` matches any run of characters; `\*` and `\\` are literal. */
const patterns = new Map<string, RegExp>();
function matchesPattern(value: string, pattern: string): boolean {
  let re = patterns.get(pattern);
  if (!re) {
    let src = '';
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern[i];
      if (c === '\\' && i + 1 < pattern.length) src += pattern[++i].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      else if (c === '*') src += '[\\s\\S]*';
      else src += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    }
    re = new RegExp(`^${src}$`);
    patterns.set(pattern, re);
  }
  return re.test(value);
}

type Compare = (a: Json, b: Json) => boolean;
const numeric = (f: (a: number, b: number) => boolean): Compare => (a, b) => typeof a === 'number' && typeof b === 'number' && f(a, b);
const string = (f: (a: string, b: string) => boolean): Compare => (a, b) => typeof a === 'string' && typeof b === 'string' && f(a, b);
const timestamp = (f: (a: number, b: number) => boolean): Compare => (a, b) => isTimestamp(a) && isTimestamp(b) && f(Date.parse(a), Date.parse(b));

const COMPARISONS: Record<string, Compare> = {
  BooleanEquals: (a, b) => typeof a === 'boolean' && a === b,
  NumericEquals: numeric((a, b) => a === b),
  NumericGreaterThan: numeric((a, b) => a > b),
  NumericGreaterThanEquals: numeric((a, b) => a >= b),
  NumericLessThan: numeric((a, b) => a < b),
  NumericLessThanEquals: numeric((a, b) => a <= b),
  StringEquals: string((a, b) => a === b),
  StringGreaterThan: string((a, b) => a > b),
  StringGreaterThanEquals: string((a, b) => a >= b),
  StringLessThan: string((a, b) => a < b),
  StringLessThanEquals: string((a, b) => a <= b),
  StringMatches: string(matchesPattern),
  TimestampEquals: timestamp((a, b) => a === b),
  TimestampGreaterThan: timestamp((a, b) => a > b),
  TimestampGreaterThanEquals: timestamp((a, b) => a >= b),
  TimestampLessThan: timestamp((a, b) => a < b),
  TimestampLessThanEquals: timestamp((a, b) => a <= b),
};

const TYPE_TESTS: Record<string, (v: Json | undefined) => boolean> = {
  IsNull: (v) => v === null,
  IsNumeric: (v) => typeof v === 'number',
  IsString: (v) => typeof v === 'string',
  IsBoolean: (v) => typeof v === 'boolean',
  IsTimestamp: (v) => v !== undefined && isTimestamp(v),
};

export function evaluateChoiceRuleAt<S>(rule: JsonPathCondition, scope: S, query: Query<S>, invalid: (path: string) => StatesFailure): boolean {
  const c = rule as Record<string, Json>;
  if ('And' in c) return (c.And as JsonPathCondition[]).every((r) => evaluateChoiceRuleAt(r, scope, query, invalid));
  if ('Or' in c) return (c.Or as JsonPathCondition[]).some((r) => evaluateChoiceRuleAt(r, scope, query, invalid));
  if ('Not' in c) return !evaluateChoiceRuleAt(c.Not as JsonPathCondition, scope, query, invalid);
  const variable = c.Variable as string;
  const value = query(variable, scope);
  if ('IsPresent' in c) return (value !== undefined) === c.IsPresent;
  for (const [op, test] of Object.entries(TYPE_TESTS)) {
    if (op in c) {
      if (value === undefined) throw invalid(variable);
      return test(value) === c[op];
    }
  }
  if (value === undefined) throw invalid(variable);
  for (const [op, compare] of Object.entries(COMPARISONS)) {
    if (op in c) return compare(value, c[op]);
    const pathOp = `${op}Path`;
    if (pathOp in c) {
      const other = query(c[pathOp] as string, scope);
      if (other === undefined) throw invalid(c[pathOp] as string);
      return compare(value, other);
    }
  }
  return false;
}
