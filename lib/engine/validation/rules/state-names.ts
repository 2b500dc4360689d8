import type { GraphContext } from '../context';
import { DiagnosticCodes, type DiagnosticSink } from '../diagnostic';

/** @see https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html (state name: 80 characters) */
const MAX_STATE_NAME_LENGTH = 80;

/**
 * Names are unique across the whole machine, nested graphs included (AWS: `Duplicate State name: X`
 * at the later occurrence), and at most 80 characters.
 */
export function checkStateNames(graphs: readonly GraphContext[], sink: DiagnosticSink): void {
  const seen = new Set<string>();
  for (const graph of graphs) {
    for (const name of Object.keys(graph.states)) {
      const at = `${graph.location}/States/${name}`;
      if (seen.has(name)) sink.error(DiagnosticCodes.DuplicateStateName, `Duplicate State name: ${name}`, at);
      seen.add(name);
      if (name.length > MAX_STATE_NAME_LENGTH) {
        sink.error(DiagnosticCodes.InvalidStateName, `State name must be no longer than ${MAX_STATE_NAME_LENGTH} characters`, at);
      }
    }
  }
}
