import type { Json } from '../../../asl';
import { isObject, type StateRule } from '../context';
import { DiagnosticCodes, type DiagnosticSink } from '../diagnostic';
import { Messages } from '../messages';
import { MAX_VARIABLE_NAME_LENGTH, VARIABLE_NAME_SOURCE } from '../../jsonpath/variable-name';

const VARIABLE_NAME = new RegExp(`^${VARIABLE_NAME_SOURCE}$`, 'u');
/** `$states` is the one name AWS reserves for itself. */
const RESERVED = new Set(['states']);

function checkAssign(assign: Json, at: string, jsonPath: boolean, sink: DiagnosticSink): void {
  if (!isObject(assign)) {
    // A JSONata state may compute the whole object.
    if (!(typeof assign === 'string' && !jsonPath)) sink.schema(Messages.expectedType('OBJECT'), at);
    return;
  }
  for (const key of Object.keys(assign)) {
    const name = jsonPath && key.endsWith('.$') ? key.slice(0, -2) : key;
    if (RESERVED.has(name)) sink.error(DiagnosticCodes.ReservedVariableName, Messages.reservedVariableName(name), at);
    else if (!VARIABLE_NAME.test(name)) sink.error(DiagnosticCodes.InvalidVariableName, Messages.invalidVariableName(name), at);
    else if ([...name].length > MAX_VARIABLE_NAME_LENGTH) sink.error(DiagnosticCodes.InvalidVariableName, Messages.variableNameTooLong(name), at);
  }
}

/** Assign on the state, its Choice rules and its catchers: an object of well-named variables. */
export const assignRules: StateRule = ({ state, location, queryLanguage, sink }) => {
  const jsonPath = queryLanguage === 'JSONPath';
  if (state.Assign !== undefined) checkAssign(state.Assign, `${location}/Assign`, jsonPath, sink);
  for (const list of ['Choices', 'Catch'] as const) {
    const entries = state[list];
    if (!Array.isArray(entries)) continue;
    entries.forEach((e, i) => {
      if (isObject(e) && e.Assign !== undefined) checkAssign(e.Assign, `${location}/${list}[${i}]/Assign`, jsonPath, sink);
    });
  }
};
