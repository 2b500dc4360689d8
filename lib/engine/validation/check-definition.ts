import type { JsonObject, QueryLanguage } from '../../asl';
import { isObject, type GraphContext, type ValidationOptions } from './context';
import type { DiagnosticSink } from './diagnostic';
import { isStateType } from './state-fields';
import { CommonStateRules, StateRulesByType } from './state-rules';
import { checkTransitions } from './rules/transitions';
import { checkGraphFields, checkRootFields } from './rules/graph-fields';
import { checkStateNames } from './rules/state-names';
import { checkMapLabels } from './rules/map-labels';
import { nestedGraphs } from './nested-graphs';
import { Messages } from './messages';

/** Runs every rule over a parsed definition object, reporting into `sink`. */
export function checkDefinition(root: JsonObject, options: ValidationOptions, sink: DiagnosticSink): void {
  checkRootFields(root, sink);
  const queryLanguage: QueryLanguage = root.QueryLanguage === 'JSONata' ? 'JSONata' : 'JSONPath';
  const graphs: GraphContext[] = [];
  collectGraphs({ location: '', graph: root, states: statesOf(root), queryLanguage }, graphs);
  for (const graph of graphs) {
    if (graph.location !== '') checkGraphFields(graph, sink);
    for (const [name, state] of Object.entries(graph.states)) checkState(graph, name, state, options, sink);
    // An absent or empty States is already reported; its targets would only repeat it.
    if (Object.keys(graph.states).length > 0) checkTransitions(graph, sink);
  }
  checkStateNames(root, sink);
  checkMapLabels(root, sink);
}

function statesOf(graph: JsonObject): Record<string, JsonObject> {
  const states: Record<string, JsonObject> = {};
  if (!isObject(graph.States)) return states;
  for (const [name, state] of Object.entries(graph.States)) states[name] = isObject(state) ? state : {};
  return states;
}

/** The graph and, depth first, every graph nested in its states. */
function collectGraphs(graph: GraphContext, into: GraphContext[]): void {
  into.push(graph);
  for (const [name, state] of Object.entries(graph.states)) {
    for (const nested of nestedGraphs(state, `${graph.location}/States/${name}`)) {
      collectGraphs({ ...nested, states: statesOf(nested.graph), queryLanguage: graph.queryLanguage }, into);
    }
  }
}

function checkState(graph: GraphContext, name: string, state: JsonObject, options: ValidationOptions, sink: DiagnosticSink): void {
  const location = `${graph.location}/States/${name}`;
  if (!('Type' in state)) {
    sink.schema(Messages.required(['Type']), location);
    return;
  }
  const type = state.Type;
  if (!isStateType(type)) {
    // AWS's order, quoted from CreateStateMachine by localstack (test_test_state_scenarios).
    sink.schema(Messages.typeValues(['Task', 'Wait', 'Pass', 'Succeed', 'Fail', 'Choice', 'Parallel', 'Map']), `${location}/Type`);
    return;
  }
  const declared = state.QueryLanguage;
  const queryLanguage: QueryLanguage = declared === undefined ? graph.queryLanguage : declared === 'JSONPath' ? 'JSONPath' : 'JSONata';
  const ctx = { name, state, type, location, queryLanguage, graph, options, sink };
  for (const rule of CommonStateRules) rule(ctx);
  for (const rule of StateRulesByType[type]) rule(ctx);
}
