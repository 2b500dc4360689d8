import { randomUUID } from 'node:crypto';
import type { Json } from '../../asl';
import type { JsonataBindings } from '../../engine/jsonata';

/**
 * What TestState evaluates a state's own settings and paths with, outside the engine: the given
 * input, context object and variables. `$random()` is 0 (a setting drawn at random has no one value
 * to show).
 */
export function givenScope(input: Json, context: Json, variables: Record<string, Json> | undefined): JsonataBindings {
  const vars = variables ?? {};
  return { input, context, variables: { get: (name) => vars[name] }, random: { next: () => 0, uuid: () => randomUUID() } };
}
