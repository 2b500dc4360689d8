import type { Json } from '../../../asl';
import { isJsonataExpression, jsonataSyntaxError } from '../../jsonata';
import { isObject, type StateRule } from '../context';
import { DiagnosticCodes, type DiagnosticSink } from '../diagnostic';
import { jsonataReferences } from '../jsonata-references';
import { Messages } from '../messages';

/**
 * ASL fields AWS does not read as JSONata, even in a JSONata state (measured in floci-io/floci#2786),
 * plus the nested graphs, whose states are checked on their own.
 */
const NOT_JSONATA = new Set(['Type', 'QueryLanguage', 'Comment', 'Next', 'End', 'Default', 'Resource', 'ErrorEquals', 'Retry', 'Credentials', 'ItemProcessor', 'Iterator', 'Branches']);
/** Fields whose whole value is a payload: every string below them is read. */
const PAYLOADS = new Set(['Arguments', 'Output', 'Assign', 'Items', 'ItemSelector', 'ItemReader', 'ItemBatcher', 'ResultWriter', 'Condition']);

interface Scope {
  inPayload: boolean;
  atCatcher: boolean;
  /** In a catcher's Output or Assign, the one place `$states.errorOutput` exists. */
  errorOutputAllowed: boolean;
  /** In a Task's, Map's or Parallel's own Output or Assign, the one place `$states.result` exists. */
  resultAllowed: boolean;
}

function checkExpression(text: string, at: string, scope: Scope, sink: DiagnosticSink): void {
  if (!text.startsWith('{%')) return;
  if (!isJsonataExpression(text)) {
    sink.schema(Messages.jsonataDelimiters, at);
    return;
  }
  const syntax = jsonataSyntaxError(text);
  if (syntax !== undefined) {
    sink.error(DiagnosticCodes.InvalidJsonata, syntax, at);
    return;
  }
  const refs = jsonataReferences(text.slice(2, -2));
  const unsupported = (message: string) => sink.error(DiagnosticCodes.UnsupportedJsonata, message, at);
  if (refs.rootDocument) unsupported("Reference to '$$' is not supported.");
  for (const name of refs.topLevelNames) unsupported(`Reference to '${name}' at the top level is not supported.`);
  if (refs.errorOutput && !scope.errorOutputAllowed) unsupported("Field '$states.errorOutput' does not exist.");
  if (refs.result && !scope.resultAllowed) unsupported("Field '$states.result' does not exist.");
}

function walk(value: Json, at: string, scope: Scope, sink: DiagnosticSink, producesResult = false): void {
  if (typeof value === 'string') checkExpression(value, at, scope, sink);
  else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${at}[${i}]`, scope, sink));
  else if (isObject(value)) {
    for (const [key, v] of Object.entries(value)) {
      if (!scope.inPayload && NOT_JSONATA.has(key)) continue;
      const inner: Scope = scope.inPayload
        ? scope
        : {
            inPayload: PAYLOADS.has(key),
            atCatcher: key === 'Catch',
            errorOutputAllowed: scope.errorOutputAllowed || (scope.atCatcher && (key === 'Output' || key === 'Assign')),
            resultAllowed: producesResult && (key === 'Output' || key === 'Assign'),
          };
      walk(v, `${at}/${key}`, inner, sink);
    }
  }
}

/**
 * Every `{% %}` string of a JSONata state: it must parse (INVALID_JSONATA_EXPRESSION with the
 * parser's message, code stripped, at the string's location), and must not read the context item
 * at the top level, `$$`, or `$states.errorOutput` outside a catcher (UNSUPPORTED_JSONATA_EXPRESSION,
 * texts measured in floci-io/floci#2670 and #2786), nor `$states.result` outside a Task's, Map's or
 * Parallel's own Output and Assign (the States Language spec; the text follows errorOutput's). A
 * string opening `{%` without closing is refused.
 */
export const jsonataExpressions: StateRule = ({ state, location, queryLanguage, sink }) => {
  if (queryLanguage !== 'JSONata') return;
  const producesResult = state.Type === 'Task' || state.Type === 'Map' || state.Type === 'Parallel';
  walk(state, location, { inPayload: false, atCatcher: false, errorOutputAllowed: false, resultAllowed: false }, sink, producesResult);
};
