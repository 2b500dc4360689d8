import type { StateMachineDefinition } from '../asl';
import type { ActivityBinding, CompiledWorkflow, SubWorkflowBinding, WorkflowBudget } from './compiled-workflow';
import { GraphChecker, reachable, renderStates } from './graph';
import { HistoryBudget } from './history-budget';
import { checkPathFields } from './path-fields';
import { DEFAULT_HISTORY_BUDGET, LoopChoice } from './patterns/loop';
import type { Chainable, RenderContext, StateNode } from './state-node';
import { WorkflowError } from './workflow-error';

/** AWS's limit on a state machine definition. */
export const MAX_DEFINITION_BYTES = 1024 * 1024;

export interface WorkflowProps {
  comment?: string;
  /** The execution's own timeout. @default none */
  timeoutSeconds?: number;
}

/** A named orchestration; `compile()` builds its states afresh and returns the ASL and its budget. */
export interface Workflow {
  readonly kind: 'sagaflow.workflow';
  readonly name: string;
  compile(): CompiledWorkflow;
}

/** True for a value made by `workflow()`, e.g. an export of a user's module. */
export function isWorkflow(value: unknown): value is Workflow {
  return typeof value === 'object' && value !== null && (value as Workflow).kind === 'sagaflow.workflow';
}

/**
 * Declares an orchestration: `workflow('OrderSaga', () => saga(...))`. The definition function
 * runs at each compile, so every compile gets its own states, and any mistake is reported as a
 * WorkflowError naming this workflow.
 */
export function workflow(name: string, definition: () => Chainable, props: WorkflowProps = {}): Workflow {
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(name)) {
    throw new WorkflowError(`the workflow name '${name}' is not alphanumeric`, 'use a PascalCase name such as OrderSaga');
  }
  return {
    kind: 'sagaflow.workflow',
    name,
    compile: () => {
      try {
        return compileWorkflow(name, definition(), props);
      } catch (err) {
        throw err instanceof WorkflowError ? err.inWorkflow(name) : err;
      }
    },
  };
}

function compileWorkflow(name: string, root: Chainable, props: WorkflowProps): CompiledWorkflow {
  // Pass 1: every graph, nested ones included: unique names, no unbounded cycles.
  const checker = new GraphChecker();
  const graphs = new Map<StateNode, StateNode[]>();
  const all: StateNode[] = [];
  const collect = (start: StateNode): void => {
    // Each body compiles to its own copy of its states: the same states as two bodies repeat their names.
    if (graphs.has(start)) throw new WorkflowError('the states starting here are used twice, as two branches or bodies, so their names would repeat', 'build each branch or body from states of its own', start.name);
    const graph = reachable(start);
    checker.register(graph);
    graphs.set(start, graph);
    all.push(...graph);
    for (const node of graph) node.nestedStarts().forEach(collect);
  };
  collect(root.startState);

  // Pass 2: the history budget, which also fixes each loop's iterations per execution.
  const history = new HistoryBudget();
  const loops = all.filter((n): n is LoopChoice => n instanceof LoopChoice);
  const topLevel = new Set(graphs.get(root.startState));
  let loopBudget: WorkflowBudget['loop'];
  let iterationEvents = 0;
  for (const loop of loops) {
    if (!topLevel.has(loop)) throw new WorkflowError('a loop() inside a Map or Parallel cannot continue as new', 'move the loop to the top level of the workflow', loop.name);
    const iteration = history.longestTo(loop.bodyStart, loop);
    const before = loop.bodyStart === root.startState ? 0 : history.longestTo(root.startState, loop.bodyStart) - loop.bodyStart.ownEvents(history, false);
    const fixed = 1 + before + history.longestFrom(loop.continueAsNew, false);
    const budget = loop.props.historyBudget ?? DEFAULT_HISTORY_BUDGET;
    const fit = Math.floor((budget - fixed) / iteration);
    const iterations = loop.props.iterationsPerExecution ?? fit;
    if (iterations < 1 || iterations > fit) {
      throw new WorkflowError(
        `${iterations} iterations of ${iteration} events each (plus ${fixed}) exceed the history budget of ${budget} events`,
        fit >= 1 ? `use at most ${fit} iterationsPerExecution, or raise historyBudget` : 'shorten the loop body or raise historyBudget',
        loop.name,
      );
    }
    loop.iterations = iterations;
    iterationEvents = Math.max(iterationEvents, iteration);
    loopBudget = { iterationsPerExecution: iterations, eventsPerExecution: fixed + iterations * iteration, budget };
  }
  const worstCaseEvents = loops.length > 0 ? iterationEvents : history.run(root.startState);

  // Pass 3: render.
  const activities = new Map<string, ActivityBinding>();
  const subWorkflows = new Map<string, SubWorkflowBinding>();
  const ctx: RenderContext = {
    renderGraph: (start) => renderStates(graphs.get(start) ?? reachable(start), (node) => node.render(ctx)),
    bindActivity: (a) => {
      const known = activities.get(a.name);
      if (known && known.entry !== a.entry) {
        throw new WorkflowError(`two different activities are named '${a.name}' (${known.entry} and ${a.entry})`, 'declare each activity once and reuse it');
      }
      activities.set(a.name, { name: a.name, placeholder: a.placeholder, entry: a.entry, handler: a.handler, timeoutSeconds: a.timeoutSeconds });
    },
    bindSubWorkflow: (child, placeholder) => void subWorkflows.set(child, { name: child, placeholder }),
  };
  const graph = ctx.renderGraph(root.startState);
  checkPathFields(graph);
  const definition: StateMachineDefinition = {
    ...(props.comment && { Comment: props.comment }),
    StartAt: graph.StartAt,
    States: graph.States,
    ...(props.timeoutSeconds !== undefined && { TimeoutSeconds: props.timeoutSeconds }),
  };
  const definitionBytes = Buffer.byteLength(JSON.stringify(definition), 'utf8');
  if (definitionBytes > MAX_DEFINITION_BYTES) {
    throw new WorkflowError(`the definition has ${definitionBytes} bytes, over AWS's limit of ${MAX_DEFINITION_BYTES}`, 'split it into sub-workflows with startWorkflow()');
  }
  return {
    name,
    definition,
    activities: [...activities.values()],
    subWorkflows: [...subWorkflows.values()],
    budget: {
      states: all.length,
      definitionBytes,
      worstCaseEvents,
      ...(loopBudget && { loop: loopBudget }),
      ...(history.unboundedMaps.length > 0 && { perItem: history.unboundedMaps }),
    },
  };
}
