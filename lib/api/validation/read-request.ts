import { validationError } from '../protocol/wire-error';
import { checkConstraints } from './check-constraints';
import { readStructure } from './read-members';
import type { StructureShape } from './shape';

/**
 * Turns a parsed request body into the operation's input, or throws the WireError AWS answers:
 * SerializationException for wrong JSON types, then ValidationException for every model constraint
 * the request breaks.
 */
export function readRequest<T>(shape: StructureShape<T>, body: unknown): T {
  const input = readStructure(shape, body);
  const violations = checkConstraints(shape, input);
  if (violations.length) throw validationError(violations);
  return input as T;
}
