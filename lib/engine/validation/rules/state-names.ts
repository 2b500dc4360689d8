import type { JsonObject } from '../../../asl';
import { isObject } from '../context';
import { DiagnosticCodes, type DiagnosticSink } from '../diagnostic';
import { nestedGraphs } from '../nested-graphs';

/** @see https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html (state name: 80 characters) */
const MAX_STATE_NAME_LENGTH = 80;

/**
 * Names are unique across the whole machine, nested graphs included, and at most 80 characters.
 * Walked in document order (a state, then the graphs inside it), so the duplicate reported is the
 * later occurrence, as AWS's `Duplicate State name: X at /States/X` shows.
 */
export function checkStateNames(root: JsonObject, sink: DiagnosticSink): void {
  const seen = new Set<string>();
  const walk = (graph: JsonObject, location: string): void => {
    if (!isObject(graph.States)) return;
    for (const [name, state] of Object.entries(graph.States)) {
      const at = `${location}/States/${name}`;
      if (seen.has(name)) sink.error(DiagnosticCodes.DuplicateStateName, `Duplicate State name: ${name}`, at);
      seen.add(name);
      if ([...name].length > MAX_STATE_NAME_LENGTH) {
        sink.error(DiagnosticCodes.InvalidStateName, `State name must be no longer than ${MAX_STATE_NAME_LENGTH} characters`, at);
      }
      if (isObject(state)) for (const nested of nestedGraphs(state, at)) walk(nested.graph, nested.location);
    }
  };
  walk(root, '');
}
