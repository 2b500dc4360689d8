import type { MapState, StateMachineDefinition } from '../../../asl';
import { compileDefinition, type CompiledGraph } from '../../compile/compiled-definition';
import { childDefinition } from './child-definition';
import { itemProcessor } from './item-processor';
import { mapRunLabel } from './map-run-names';

/** The state machine a Distributed Map's children run as, `<machine>/<label>`. */
export interface LabelledMachine {
  /** The Map state's Label, or the one generated for it. */
  label: string;
  /** Its item processor as a state machine: what each child runs. */
  definition: string;
  executionType: 'STANDARD' | 'EXPRESS';
}

/**
 * The Distributed Map labelled `label` within one machine's graph. Parallel branches and Inline Map
 * processors run in the same machine, so they are searched; a Distributed Map's processor is a
 * machine of its own, reached only through its own label.
 */
function findIn(graph: CompiledGraph, stateMachineArn: string, label: string): LabelledMachine | undefined {
  for (const s of graph.states.values()) {
    if (s.type === 'Map' && s.distributed) {
      const def = s.def as MapState;
      if (mapRunLabel({ stateMachineArn }, s.name, def.Label) !== label) continue;
      const processor = itemProcessor(def)!;
      return { label, definition: childDefinition(processor, s.graphs[0]!.queryLanguage), executionType: processor.ProcessorConfig?.ExecutionType ?? 'STANDARD' };
    }
    for (const g of s.graphs) {
      const found = findIn(g, stateMachineArn, label);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * Resolves `<machine>/<label>[/<label>…]` against the machine's definition, one label per nesting
 * level, with the labels generated as the engine generates them (from the ARN of the machine that
 * holds the Map). Undefined when no Distributed Map has that label.
 */
export function labelledMachine(definition: StateMachineDefinition, stateMachineArn: string, labels: readonly string[]): LabelledMachine | undefined {
  let graph: CompiledGraph = compileDefinition(definition);
  let arn = stateMachineArn;
  let found: LabelledMachine | undefined;
  for (const label of labels) {
    if (found) graph = compileDefinition(JSON.parse(found.definition) as StateMachineDefinition);
    found = findIn(graph, arn, label);
    if (!found) return undefined;
    arn = `${arn}/${label}`;
  }
  return found;
}
