import type { QueryLanguage, StateGraph } from '../../../asl';

/**
 * A Distributed Map's item processor as a state machine of its own, keeping the query language it
 * inherited: what its children run, and what the labelled state machine `<machine>/<label>` holds.
 */
export function childDefinition(processor: StateGraph, queryLanguage: QueryLanguage): string {
  const def: StateGraph = { ...(processor.Comment !== undefined ? { Comment: processor.Comment } : {}), StartAt: processor.StartAt, States: processor.States };
  if (queryLanguage === 'JSONata') def.QueryLanguage = 'JSONata';
  return JSON.stringify(def);
}
