import type { QueryLanguage, State, StateGraph, StateMachineDefinition, StateType } from '../../asl';
import { itemProcessor, isDistributed } from '../states/map-run/item-processor';
import { parseTaskResource, type TaskResource } from '../task/task-resource';

/** One state, read once per definition: its effective query language and what it nests. */
export interface CompiledState<T extends StateType = StateType> {
  name: string;
  type: T;
  def: Extract<State, { Type: T }>;
  queryLanguage: QueryLanguage;
  /** Task only. */
  task?: TaskResource;
  /** Parallel: one graph per branch; Map: the item processor. */
  graphs: CompiledGraph[];
  /** Map only: distributed mode. */
  distributed: boolean;
}

export interface CompiledGraph {
  startAt: string;
  states: ReadonlyMap<string, CompiledState>;
  queryLanguage: QueryLanguage;
}

export interface CompiledDefinition extends CompiledGraph {
  timeoutSeconds?: number;
}

/**
 * A state without QueryLanguage uses the machine's, also inside a Map or Parallel that declares its
 * own ("If the state does not contain a queryLanguage field, then it will use the query language
 * specified in the top-level queryLanguage field", CDK's StateBaseProps; localstack's parser,
 * checked against AWS, inherits the top level too).
 */
function compileState(name: string, def: State, machine: QueryLanguage): CompiledState {
  const queryLanguage = def.QueryLanguage ?? machine;
  const compiled: CompiledState = { name, type: def.Type, def, queryLanguage, graphs: [], distributed: false };
  if (def.Type === 'Task') compiled.task = parseTaskResource(def.Resource);
  if (def.Type === 'Parallel') compiled.graphs = def.Branches.map((b) => compileGraph(b, machine));
  if (def.Type === 'Map') {
    const processor = itemProcessor(def);
    if (processor) compiled.graphs = [compileGraph(processor, machine)];
    compiled.distributed = isDistributed(def);
  }
  return compiled;
}

function compileGraph(graph: StateGraph, machine: QueryLanguage): CompiledGraph {
  const queryLanguage = machine;
  const states = new Map<string, CompiledState>();
  for (const name of Object.keys(graph.States)) states.set(name, compileState(name, graph.States[name]!, queryLanguage));
  return { startAt: graph.StartAt, states, queryLanguage };
}

const cache = new WeakMap<StateMachineDefinition, CompiledDefinition>();

/** Compiles a definition once; executions of the same definition object share the result. */
export function compileDefinition(definition: StateMachineDefinition): CompiledDefinition {
  let compiled = cache.get(definition);
  if (!compiled) {
    compiled = { ...compileGraph(definition, definition.QueryLanguage ?? 'JSONPath'), timeoutSeconds: definition.TimeoutSeconds };
    cache.set(definition, compiled);
  }
  return compiled;
}
