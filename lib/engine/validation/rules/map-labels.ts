import type { JsonObject } from '../../../asl';
import { isObject } from '../context';
import type { DiagnosticSink } from '../diagnostic';
import { nestedGraphs } from '../nested-graphs';

/**
 * A Map's Label is unique within the state machine definition, nested graphs included
 * (https://docs.aws.amazon.com/step-functions/latest/dg/state-map-distributed.html): it names the
 * Map Run and the labelled state machine its children run as. The later occurrence is reported,
 * as for duplicate state names.
 */
export function checkMapLabels(root: JsonObject, sink: DiagnosticSink): void {
  const seen = new Set<string>();
  const walk = (graph: JsonObject, location: string): void => {
    if (!isObject(graph.States)) return;
    for (const [name, state] of Object.entries(graph.States)) {
      if (!isObject(state)) continue;
      const at = `${location}/States/${name}`;
      const label = state.Type === 'Map' ? state.Label : undefined;
      if (typeof label === 'string') {
        if (seen.has(label)) sink.schema(`Duplicate Label: ${label}`, `${at}/Label`);
        seen.add(label);
      }
      for (const nested of nestedGraphs(state, at)) walk(nested.graph, nested.location);
    }
  };
  walk(root, '');
}
