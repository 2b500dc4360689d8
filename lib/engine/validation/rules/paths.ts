import type { Json } from '../../../asl';
import { isObject, type StateRule } from '../context';
import type { DiagnosticSink } from '../diagnostic';
import { isIntrinsicCall } from '../intrinsic-syntax';
import { isJsonPath, isReferencePath } from '../json-path-syntax';
import { Messages } from '../messages';

/** Fields holding a path that selects (InputPath/OutputPath may also be null). */
const PATH_FIELDS = ['InputPath', 'OutputPath'];
/** Fields holding a reference path: one node, no selectors ("The value of ItemsPath must be a Reference Path", ItemsPath page). */
const REFERENCE_FIELDS = [
  'ItemsPath',
  'ResultPath', 'SecondsPath', 'TimestampPath', 'TimeoutSecondsPath', 'HeartbeatSecondsPath',
  'MaxConcurrencyPath', 'ToleratedFailureCountPath', 'ToleratedFailurePercentagePath',
];
/** Fields that take a path or an intrinsic call. */
const PATH_OR_INTRINSIC_FIELDS = ['ErrorPath', 'CausePath'];
/** Payload templates, where a key ending in ".$" holds a path or an intrinsic. */
const TEMPLATE_FIELDS = ['Parameters', 'ResultSelector', 'ItemSelector', 'Assign'];

/**
 * A ResultPath is a reference path into the state's output: "Variables cannot be used in
 * ResultPath" (workflow-variables page), so `$name` is not one.
 */
function isResultPath(v: Json): boolean {
  return typeof v === 'string' && isReferencePath(v) && !/^\$[^$.[]/.test(v);
}

/** Walks a payload template; a bad "key.$" is reported at the object holding it, as AWS does. */
function checkTemplate(value: Json, at: string, sink: DiagnosticSink): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => checkTemplate(v, `${at}[${i}]`, sink));
    return;
  }
  if (!isObject(value)) return;
  for (const [key, v] of Object.entries(value)) {
    if (key.endsWith('.$')) {
      const ok = typeof v === 'string' && (isJsonPath(v) || isIntrinsicCall(v));
      if (!ok) sink.schema(Messages.invalidPathOrIntrinsic(key), at);
    } else {
      checkTemplate(v, `${at}/${key}`, sink);
    }
  }
}

/** JSONPath syntax of every path field and payload template of a JSONPath state. */
export const pathSyntax: StateRule = ({ state, location, queryLanguage, sink }) => {
  if (queryLanguage !== 'JSONPath') return;
  for (const field of PATH_FIELDS) {
    const v = state[field];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string' || !isJsonPath(v)) sink.schema(Messages.invalidPath(field), `${location}/${field}`);
  }
  for (const field of REFERENCE_FIELDS) {
    const v = state[field];
    if (v === undefined || (v === null && field === 'ResultPath')) continue;
    // Not starting with `$` it is no path at all; a path that selects is no reference path.
    if (typeof v !== 'string' || !v.startsWith('$')) sink.schema(Messages.invalidPath(field), `${location}/${field}`);
    else if (!isReferencePath(v) || (field === 'ResultPath' && !isResultPath(v))) sink.schema(Messages.invalidReferencePath(field), `${location}/${field}`);
  }
  for (const field of PATH_OR_INTRINSIC_FIELDS) {
    const v = state[field];
    if (typeof v === 'string' && !isJsonPath(v) && !isIntrinsicCall(v)) sink.schema(Messages.invalidPathOrIntrinsic(field), `${location}/${field}`);
  }
  for (const field of TEMPLATE_FIELDS) {
    const v = state[field];
    if (v !== undefined) checkTemplate(v, `${location}/${field}`, sink);
  }
  if (Array.isArray(state.Catch)) {
    state.Catch.forEach((c, i) => {
      if (!isObject(c)) return;
      const at = `${location}/Catch[${i}]`;
      if (c.ResultPath !== undefined && c.ResultPath !== null && !isResultPath(c.ResultPath)) {
        const noPath = typeof c.ResultPath !== 'string' || !c.ResultPath.startsWith('$');
        sink.schema(noPath ? Messages.invalidPath('ResultPath') : Messages.invalidReferencePath('ResultPath'), `${at}/ResultPath`);
      }
      if (c.Assign !== undefined) checkTemplate(c.Assign, `${at}/Assign`, sink);
    });
  }
};
