import { ComparisonOperators, type JsonObject } from '../../../asl';
import { isJsonataExpression } from '../../jsonata';
import { isObject, type StateRule } from '../context';
import type { DiagnosticSink } from '../diagnostic';
import { isReferencePath } from '../json-path-syntax';
import { Messages } from '../messages';

const OPERATORS: ReadonlySet<string> = new Set(ComparisonOperators);
const KINDS = ['And', 'Or', 'Not', 'Variable', 'Condition'] as const;
const JSONATA_RULE_FIELDS = new Set(['Condition', 'Next', 'Output', 'Assign', 'Comment']);
const TOP_LEVEL_ONLY = ['Next', 'Assign'];
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** The operand type an operator takes. */
function operandCheck(op: string): (v: unknown) => boolean {
  if (op.endsWith('Path')) return (v) => typeof v === 'string' && isReferencePath(v);
  if (op.startsWith('Is') || op.startsWith('Boolean')) return (v) => typeof v === 'boolean';
  if (op.startsWith('Numeric')) return (v) => typeof v === 'number';
  if (op.startsWith('Timestamp')) return (v) => typeof v === 'string' && TIMESTAMP.test(v);
  return (v) => typeof v === 'string';
}

/**
 * A rule's Variable and `…Path` operands are reference paths: "The values of Variable and Path
 * fields in a comparison must be valid Reference Paths" (Choice state page).
 */
function referencePathRule(value: unknown, at: string, sink: DiagnosticSink): void {
  if (typeof value !== 'string' || !value.startsWith('$')) sink.schema(Messages.referencePathWithoutDollar, at);
  else if (!isReferencePath(value)) sink.schema(Messages.invalidReferencePath('Variable'), at);
}

/** One JSONPath rule, top-level (carries Next) or nested in And/Or/Not (must not). */
function checkJsonPathRule(rule: JsonObject, at: string, topLevel: boolean, sink: DiagnosticSink): void {
  const kinds = KINDS.filter((k) => k in rule);
  if (kinds.length !== 1) sink.schema(Messages.choiceRuleKinds, at);
  if ('Condition' in rule) sink.schema(Messages.otherLanguage('JSONPath', 'Condition'), at);
  if ('Output' in rule) sink.schema(Messages.otherLanguage('JSONPath', 'Output'), at);
  for (const field of Object.keys(rule)) {
    if (TOP_LEVEL_ONLY.includes(field)) {
      if (!topLevel) sink.schema(Messages.notSupported(field), at);
    } else if (!(OPERATORS.has(field) || (KINDS as readonly string[]).includes(field) || field === 'Comment' || field === 'Output')) {
      sink.schema(Messages.notSupported(field), at);
    }
  }
  if (topLevel && !('Next' in rule)) sink.schema(Messages.required(['Next']), at);
  if (topLevel && 'Next' in rule && typeof rule.Next !== 'string') sink.schema(Messages.expectedType('STRING'), `${at}/Next`);
  const operators = Object.keys(rule).filter((k) => OPERATORS.has(k));
  if ('Variable' in rule) {
    referencePathRule(rule.Variable, `${at}/Variable`, sink);
    if (operators.length === 0) sink.schema(Messages.exactlyOne(ComparisonOperators), at);
    else if (operators.length > 1) sink.schema(Messages.onlyOne(operators), at);
  } else if (operators.length > 0) {
    sink.schema(Messages.required(['Variable']), at);
  }
  for (const op of operators) {
    if (op.endsWith('Path')) referencePathRule(rule[op], `${at}/${op}`, sink);
    else if (!operandCheck(op)(rule[op])) sink.schema(`Invalid value for the field '${op}'`, `${at}/${op}`);
  }
  for (const list of ['And', 'Or'] as const) {
    if (!(list in rule)) continue;
    const nested = rule[list];
    if (!Array.isArray(nested)) sink.schema(Messages.expectedType('ARRAY'), `${at}/${list}`);
    else if (nested.length === 0) sink.schema(Messages.empty, `${at}/${list}`);
    else nested.forEach((n, i) => checkNested(n, `${at}/${list}[${i}]`, sink));
  }
  if ('Not' in rule) checkNested(rule.Not, `${at}/Not`, sink);
}

function checkNested(rule: unknown, at: string, sink: DiagnosticSink): void {
  if (isObject(rule)) checkJsonPathRule(rule, at, false, sink);
  else sink.schema(Messages.expectedType('OBJECT'), at);
}

/** A JSONata rule: Condition (a `{% %}` string or a boolean) and Next; JSONPath rule fields refused. */
function checkJsonataRule(rule: JsonObject, at: string, sink: DiagnosticSink): void {
  for (const field of Object.keys(rule)) {
    if (field === 'Variable' || OPERATORS.has(field)) sink.schema(Messages.otherLanguage('JSONata', field), at);
    else if (!JSONATA_RULE_FIELDS.has(field)) sink.schema(Messages.notSupported(field), at);
  }
  const missing = ['Condition', 'Next'].filter((f) => !(f in rule));
  if (missing.length > 0) sink.schema(Messages.required(missing), at);
  if ('Next' in rule && typeof rule.Next !== 'string') sink.schema(Messages.expectedType('STRING'), `${at}/Next`);
  const condition = rule.Condition;
  if (condition === undefined || typeof condition === 'boolean' || isJsonataExpression(condition)) return;
  sink.schema(typeof condition === 'string' ? Messages.jsonataDelimiters : Messages.expectedType('BOOLEAN'), `${at}/Condition`);
}

/** Choices: a non-empty array of rules of the state's query language; Default a string. */
export const choiceRules: StateRule = ({ state, location, queryLanguage, sink }) => {
  const choices = state.Choices;
  if (choices !== undefined) {
    if (!Array.isArray(choices)) sink.schema(Messages.expectedType('ARRAY'), `${location}/Choices`);
    else if (choices.length === 0) sink.schema(Messages.empty, `${location}/Choices`);
    else {
      choices.forEach((rule, i) => {
        const at = `${location}/Choices[${i}]`;
        if (!isObject(rule)) sink.schema(Messages.expectedType('OBJECT'), at);
        else if (queryLanguage === 'JSONata') checkJsonataRule(rule, at, sink);
        else checkJsonPathRule(rule, at, true, sink);
      });
    }
  }
  if ('Default' in state && typeof state.Default !== 'string') sink.schema(Messages.expectedType('STRING'), `${location}/Default`);
};
