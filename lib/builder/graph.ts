import type { StateGraph } from '../asl';
import type { StateNode } from './state-node';
import { WorkflowError } from './workflow-error';

/** The states reachable from `start` within one graph (not descending into Map/Parallel bodies), in visit order. */
export function reachable(start: StateNode): StateNode[] {
  const seen = new Set<StateNode>();
  const order: StateNode[] = [];
  const visit = (node: StateNode): void => {
    if (seen.has(node)) return;
    seen.add(node);
    order.push(node);
    for (const edge of node.edges()) visit(edge.target);
  };
  visit(start);
  return order;
}

/**
 * Enforces the rules that span a whole definition: a state name is used once across all nested
 * graphs, and no cycle exists except the back edge of a bounded `loop()` (a hand-made cycle would
 * grow the history until AWS fails the execution at 25,000 events).
 */
export class GraphChecker {
  private readonly names = new Map<string, StateNode>();
  private readonly graphOf = new Map<StateNode, StateNode>();

  register(graph: StateNode[]): void {
    for (const node of graph) {
      const home = this.graphOf.get(node);
      if (home && home !== graph[0]) {
        throw new WorkflowError(
          `the state belongs to two graphs (the one starting at '${home.name}' and the one starting at '${graph[0].name}'); a Map or Parallel body cannot transition to a state outside it`,
          'give each graph its own states; continue after the Map or Parallel with next()',
          node.name,
        );
      }
      this.graphOf.set(node, graph[0]);
      const other = this.names.get(node.name);
      if (other && other !== node) {
        throw new WorkflowError('the state name is used twice (names must be unique across the whole definition, nested graphs included)', 'rename one of the states', node.name);
      }
      this.names.set(node.name, node);
    }
    checkNoUnboundedCycle(graph[0]);
  }
}

function checkNoUnboundedCycle(start: StateNode): void {
  const onPath = new Set<StateNode>();
  const done = new Set<StateNode>();
  const visit = (node: StateNode): void => {
    if (done.has(node)) return;
    onPath.add(node);
    for (const edge of node.edges()) {
      if (edge.loopBack) continue;
      if (onPath.has(edge.target)) {
        throw new WorkflowError(
          `the transition back to '${edge.target.name}' makes an unbounded loop without continue-as-new; its history grows until AWS fails the execution at 25,000 events`,
          'build the loop with loop(), which continues as new after a bounded number of iterations',
          node.name,
        );
      }
      visit(edge.target);
    }
    onPath.delete(node);
    done.add(node);
  };
  visit(start);
}

/** Renders one graph's states, in visit order. */
export function renderStates(graph: StateNode[], render: (node: StateNode) => StateGraph['States'][string]): StateGraph {
  return { StartAt: graph[0].name, States: Object.fromEntries(graph.map((node) => [node.name, render(node)])) };
}
