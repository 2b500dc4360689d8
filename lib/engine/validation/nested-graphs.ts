import type { JsonObject } from '../../asl';
import { isObject } from './context';

/** A graph nested in a state, before its states are read. */
export interface NestedGraph {
  location: string;
  graph: JsonObject;
  mapMode?: 'INLINE' | 'DISTRIBUTED';
}

/** The graphs a state holds: each Parallel branch, a Map's ItemProcessor (or deprecated Iterator). */
export function nestedGraphs(state: JsonObject, at: string): NestedGraph[] {
  if (state.Type === 'Parallel' && Array.isArray(state.Branches)) {
    return state.Branches.flatMap((b, i) => (isObject(b) ? [{ location: `${at}/Branches[${i}]`, graph: b }] : []));
  }
  if (state.Type === 'Map') {
    const field = 'ItemProcessor' in state ? 'ItemProcessor' : 'Iterator';
    const processor = state[field];
    if (!isObject(processor)) return [];
    const config = processor.ProcessorConfig;
    const mode = isObject(config) && config.Mode === 'DISTRIBUTED' ? 'DISTRIBUTED' : 'INLINE';
    return [{ location: `${at}/${field}`, graph: processor, mapMode: mode }];
  }
  return [];
}
