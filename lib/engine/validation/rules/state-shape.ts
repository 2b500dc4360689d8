import type { StateRule } from '../context';
import { RequiredStateFields, StateFields } from '../state-fields';

/** Required fields, AWS's "These fields are required: [A, B]" at the state. */
export const requiredFields: StateRule = ({ state, type, location, sink }) => {
  const missing = RequiredStateFields[type].filter((f) => !(f in state));
  if (missing.length > 0) sink.schema(`These fields are required: [${missing.join(', ')}]`, location);
};

/** Fields the type does not know, AWS's "Field 'X' is not supported" at the state. */
export const supportedFields: StateRule = ({ state, type, location, sink }) => {
  for (const field of Object.keys(state)) {
    if (!StateFields[type].has(field)) sink.schema(`Field '${field}' is not supported`, location);
  }
};

/** Exactly one of Next and End on the types that transition; End must be true when present. */
export const nextOrEnd: StateRule = ({ state, type, location, sink }) => {
  if (!StateFields[type].has('Next')) return;
  const hasNext = 'Next' in state;
  const hasEnd = 'End' in state;
  if (hasNext && hasEnd) sink.schema("Only one of 'Next' or 'End' can be set", location);
  else if (!hasNext && !hasEnd) sink.schema("This state must have either a 'Next' or an 'End' field", location);
  if (hasNext && typeof state.Next !== 'string') sink.schema("Field 'Next' must be a string", `${location}/Next`);
  if (hasEnd && state.End !== true) sink.schema("Field 'End' must be true", `${location}/End`);
};
