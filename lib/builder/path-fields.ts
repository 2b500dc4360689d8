import type { StateGraph } from '../asl';
import { WorkflowError } from './workflow-error';

/** The fields of a state that hold a path: a JSONPath into the state's input (or the context object). */
const PATH_FIELDS = ['InputPath', 'OutputPath', 'ResultPath', 'ItemsPath', 'SecondsPath', 'TimestampPath', 'TimeoutSecondsPath', 'HeartbeatSecondsPath', 'ErrorPath', 'CausePath'] as const;
/** A ResultPath says where in the state's input the result goes: never into the context object. */
const INTO_INPUT_ONLY = new Set<string>(['ResultPath']);
/** A Fail state's ErrorPath and CausePath may also be an intrinsic function. */
const INTRINSIC_TOO = new Set<string>(['ErrorPath', 'CausePath']);

function checkPath(field: string, value: unknown, state: string, where = field): void {
  if (value === null || value === undefined) return;
  const ok =
    typeof value === 'string' &&
    ((value.startsWith('$') && !(INTO_INPUT_ONLY.has(field) && value.startsWith('$$'))) || (INTRINSIC_TOO.has(field) && value.startsWith('States.')));
  if (!ok) {
    const fix = INTO_INPUT_ONLY.has(field) ? "use a path into the state's input such as '$.result', or null to discard the result" : "start it with '$', e.g. '$.items'";
    throw new WorkflowError(`its ${where} ${JSON.stringify(value)} is not a JSONPath (AWS refuses the definition)`, fix, state);
  }
}

/**
 * Every path field of every state, nested graphs included, is a JSONPath: the builder takes them
 * as plain strings (resultPath: 'x' compiled, and AWS then refused the whole definition).
 */
export function checkPathFields(graph: StateGraph): void {
  for (const [name, state] of Object.entries(graph.States)) {
    const s = state as unknown as Record<string, unknown>;
    for (const field of PATH_FIELDS) checkPath(field, s[field], name);
    const catches = Array.isArray(s.Catch) ? (s.Catch as Record<string, unknown>[]) : [];
    catches.forEach((c, i) => checkPath('ResultPath', c.ResultPath, name, `Catch #${i + 1} ResultPath`));
    const nested = [...(Array.isArray(s.Branches) ? (s.Branches as StateGraph[]) : []), ...[s.ItemProcessor, s.Iterator].filter((g): g is StateGraph => typeof g === 'object' && g !== null)];
    nested.forEach(checkPathFields);
  }
}
