import type { Json } from '../../../asl';
import { isObject, type StateRule } from '../context';
import { DiagnosticCodes, type DiagnosticSink } from '../diagnostic';

/** A string a JSONPath author meant as a path or intrinsic. */
const LOOKS_DYNAMIC = /^(\$\$?\.|\$\[|States\.[A-Za-z]+\()/;
const TEMPLATES = ['Parameters', 'ResultSelector', 'ItemSelector', 'Assign'];

function noDollar(value: Json, at: string, sink: DiagnosticSink): void {
  if (Array.isArray(value)) value.forEach((v, i) => noDollar(v, `${at}[${i}]`, sink));
  if (!isObject(value)) return;
  for (const [key, v] of Object.entries(value)) {
    if (!key.endsWith('.$') && typeof v === 'string' && LOOKS_DYNAMIC.test(v)) {
      sink.warning(DiagnosticCodes.NoDollar, `The value for the field '${key}' looks like a JSONPath or an intrinsic function, but the field name does not end with '.$'`, `${at}/${key}`);
    } else if (!key.endsWith('.$')) noDollar(v, `${at}/${key}`, sink);
  }
}

function hasDollarKey(value: Json): boolean {
  if (Array.isArray(value)) return value.some(hasDollarKey);
  return isObject(value) && Object.entries(value).some(([k, v]) => k.endsWith('.$') || hasDollarKey(v));
}

/**
 * The WARNINGs AWS documents for JSONPath states: NO_DOLLAR (a template value that looks dynamic
 * under a plain key), NO_PATH (a path-looking value in a field not ending in Path),
 * PASS_RESULT_IS_STATIC (a ".$" key in a Pass Result, which is never evaluated). Texts are ours.
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_ValidateStateMachineDefinitionDiagnostic.html
 */
export const jsonPathWarnings: StateRule = ({ state, location, queryLanguage, sink }) => {
  if (queryLanguage !== 'JSONPath') return;
  for (const field of TEMPLATES) if (state[field] !== undefined) noDollar(state[field], `${location}/${field}`, sink);
  for (const field of ['Error', 'Cause', 'Timestamp']) {
    const v = state[field];
    if (typeof v === 'string' && LOOKS_DYNAMIC.test(v)) {
      sink.warning(DiagnosticCodes.NoPath, `The value for the field '${field}' looks like a path, but the field name does not end with 'Path'`, `${location}/${field}`);
    }
  }
  if (state.Type === 'Pass' && state.Result !== undefined && hasDollarKey(state.Result)) {
    sink.warning(DiagnosticCodes.PassResultIsStatic, 'The Result of a Pass state is static: a field ending in \'.$\' is not evaluated', `${location}/Result`);
  }
};
