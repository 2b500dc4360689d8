import type { JsonObject } from '../../../asl';
import { isObject, type StateRule } from '../context';
import type { DiagnosticSink } from '../diagnostic';
import { checkEnum, checkNumeric } from '../field-checks';
import { Messages } from '../messages';

const RETRIER_FIELDS = new Set(['ErrorEquals', 'IntervalSeconds', 'MaxAttempts', 'BackoffRate', 'MaxDelaySeconds', 'JitterStrategy', 'Comment']);
const CATCHER_FIELDS = new Set(['ErrorEquals', 'Next', 'ResultPath', 'Output', 'Assign', 'Comment']);
const ALL = 'States.ALL';

/**
 * ErrorEquals of one retrier or catcher: required, non-empty strings, and States.ALL alone in the
 * last entry ("States.ALL must appear alone and at end of list").
 */
function checkErrorEquals(entry: JsonObject, at: string, isLast: boolean, sink: DiagnosticSink): void {
  const errors = entry.ErrorEquals;
  if (errors === undefined) return;
  if (!Array.isArray(errors)) {
    sink.schema(Messages.expectedType('ARRAY'), `${at}/ErrorEquals`);
    return;
  }
  if (errors.length === 0) sink.schema(Messages.empty, `${at}/ErrorEquals`);
  errors.forEach((e, i) => {
    if (typeof e !== 'string') sink.schema(Messages.expectedType('STRING'), `${at}/ErrorEquals[${i}]`);
  });
  // AWS points at the States.ALL entry itself: "States.ALL must appear alone and at end of list at
  // /States/lambdaInvoke/Retry[0]/ErrorEquals[0]" (a CreateStateMachine refusal quoted in aws/aws-cdk#10530).
  if (errors.includes(ALL) && (errors.length > 1 || !isLast)) sink.schema(Messages.statesAllLast, `${at}/ErrorEquals[${errors.indexOf(ALL)}]`);
}

function entries(field: 'Retry' | 'Catch', state: JsonObject, location: string, sink: DiagnosticSink): JsonObject[] | undefined {
  const list = state[field];
  if (list === undefined) return undefined;
  if (!Array.isArray(list)) {
    sink.schema(Messages.expectedType('ARRAY'), `${location}/${field}`);
    return undefined;
  }
  return list.map((entry, i) => {
    if (!isObject(entry)) sink.schema(Messages.expectedType('OBJECT'), `${location}/${field}[${i}]`);
    return isObject(entry) ? entry : {};
  });
}

/**
 * Retriers: known fields; MaxAttempts 0..99999999, BackoffRate >= 1, MaxDelaySeconds 1..31622400
 * (IntervalSeconds 0 is accepted by AWS, measured), JitterStrategy FULL or NONE.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html
 */
export const retriers: StateRule = ({ state, location, sink }) => {
  const list = entries('Retry', state, location, sink);
  list?.forEach((retrier, i) => {
    const at = `${location}/Retry[${i}]`;
    for (const field of Object.keys(retrier)) if (!RETRIER_FIELDS.has(field)) sink.schema(Messages.notSupported(field), at);
    if (!('ErrorEquals' in retrier)) sink.schema(Messages.required(['ErrorEquals']), at);
    checkErrorEquals(retrier, at, i === list.length - 1, sink);
    checkNumeric(retrier.IntervalSeconds, `${at}/IntervalSeconds`, { min: 0, max: 99999999, integer: true }, false, sink);
    checkNumeric(retrier.MaxAttempts, `${at}/MaxAttempts`, { min: 0, max: 99999999, integer: true }, false, sink);
    checkNumeric(retrier.BackoffRate, `${at}/BackoffRate`, { min: 1, integer: false }, false, sink);
    checkNumeric(retrier.MaxDelaySeconds, `${at}/MaxDelaySeconds`, { min: 1, max: 31622400, integer: true }, false, sink);
    checkEnum(retrier.JitterStrategy, `${at}/JitterStrategy`, ['NONE', 'FULL'], sink);
  });
};

/** Catchers: known fields, ErrorEquals and Next required, and the query language's own output field. */
export const catchers: StateRule = ({ state, location, queryLanguage, sink }) => {
  const list = entries('Catch', state, location, sink);
  list?.forEach((catcher, i) => {
    const at = `${location}/Catch[${i}]`;
    for (const field of Object.keys(catcher)) if (!CATCHER_FIELDS.has(field)) sink.schema(Messages.notSupported(field), at);
    const missing = ['ErrorEquals', 'Next'].filter((f) => !(f in catcher));
    if (missing.length > 0) sink.schema(Messages.required(missing), at);
    checkErrorEquals(catcher, at, i === list.length - 1, sink);
    if ('Next' in catcher && typeof catcher.Next !== 'string') sink.schema(Messages.expectedType('STRING'), `${at}/Next`);
    const foreign = queryLanguage === 'JSONata' ? 'ResultPath' : 'Output';
    if (foreign in catcher) sink.schema(Messages.otherLanguage(queryLanguage, foreign), at);
  });
};
