type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Visits every state of a graph and of the graphs nested in it, depth first, each state before
 * the graphs it holds. It reads definitions that may not be valid yet: whatever is not shaped like
 * a graph or a state is passed by.
 */
export function forEachState(graph: unknown, visit: (name: string, state: Obj) => void): void {
  const states = isObj(graph) ? graph.States : undefined;
  if (!isObj(states)) return;
  for (const [name, state] of Object.entries(states)) {
    if (!isObj(state)) continue;
    visit(name, state);
    forEachInnerState(state, visit);
  }
}

/** forEachState over the graphs a state holds: each Parallel branch, a Map's ItemProcessor (or its older Iterator). */
export function forEachInnerState(state: Obj, visit: (name: string, state: Obj) => void): void {
  if (Array.isArray(state.Branches)) for (const branch of state.Branches) forEachState(branch, visit);
  forEachState(state.ItemProcessor ?? state.Iterator, visit);
}
