import type { StateRule } from '../context';
import { Messages } from '../messages';
import { RequiredStateFields, StateFields } from '../state-fields';

/** Required fields, AWS's "These fields are required: [A, B]" at the state. */
export const requiredFields: StateRule = ({ state, type, location, sink }) => {
  const missing = RequiredStateFields[type].filter((f) => !(f in state));
  if (missing.length > 0) sink.schema(Messages.required(missing), location);
};

/** Fields the type does not know, AWS's "Field 'X' is not supported" at the state (floci-io/floci#2735). */
export const supportedFields: StateRule = ({ state, type, location, sink }) => {
  for (const field of Object.keys(state)) {
    if (!StateFields[type].has(field)) sink.schema(Messages.notSupported(field), location);
  }
};

/** Exactly one of Next and End on the types that transition; `End: false` counts as absent. */
export const nextOrEnd: StateRule = ({ state, type, location, sink }) => {
  if (!StateFields[type].has('Next')) return;
  const hasNext = 'Next' in state;
  const hasEnd = state.End === true;
  if (hasNext && hasEnd) sink.schema(Messages.onlyOne(['Next', 'End']), location);
  else if (!hasNext && !hasEnd) sink.schema(Messages.exactlyOne(['Next', 'End']), location);
  if (hasNext && typeof state.Next !== 'string') sink.schema(Messages.expectedType('STRING'), `${location}/Next`);
  if ('End' in state && typeof state.End !== 'boolean') sink.schema(Messages.expectedType('BOOLEAN'), `${location}/End`);
};

/** Pairs (and the Wait quartet) of which a state may set one. */
const EXCLUSIVE: readonly (readonly string[])[] = [
  ['TimeoutSeconds', 'TimeoutSecondsPath'],
  ['HeartbeatSeconds', 'HeartbeatSecondsPath'],
  ['MaxConcurrency', 'MaxConcurrencyPath'],
  ['ToleratedFailurePercentage', 'ToleratedFailurePercentagePath'],
  ['ToleratedFailureCount', 'ToleratedFailureCountPath'],
  ['Error', 'ErrorPath'],
  ['Cause', 'CausePath'],
  ['ItemProcessor', 'Iterator'],
  ['ItemSelector', 'Parameters'],
];

/** "There should only be one of the following fields: [A, B]" at the state. */
export const exclusiveFields: StateRule = ({ state, location, sink }) => {
  for (const group of EXCLUSIVE) {
    if (group.filter((f) => f in state).length > 1) sink.schema(Messages.onlyOne(group), location);
  }
};
