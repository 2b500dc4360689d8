import type { State, StateGraph, StateMachineDefinition } from '../lib/asl';

/**
 * The service integrations a compiled definition uses, read from its Task (and Map) states: what
 * the state machine's role must be allowed to do, and nothing more. A resource this does not
 * know fails the synth instead of silently getting no permission (or a broad one).
 */
export type TaskIntegration =
  /** `lambda:invoke` (and `.waitForTaskToken`) of a `${…FunctionArn}` placeholder. */
  | { kind: 'lambda'; state: string; placeholder: string }
  /** `states:startExecution`, fire-and-forget, `.sync`/`.sync:2` or `.waitForTaskToken`, of another workflow or of itself (continue-as-new). */
  | { kind: 'startExecution'; state: string; pattern: 'request-response' | 'sync' | 'callback'; target: { placeholder: string } | 'self' };

export class UnsupportedIntegrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsupportedIntegrationError';
  }
}

const LAMBDA = /^arn:aws:states:::lambda:invoke(\.waitForTaskToken)?$/;
const START_EXECUTION = /^arn:aws:states:::states:startExecution(\.sync(:2)?|\.waitForTaskToken)?$/;
const PLACEHOLDER = /^\$\{([A-Za-z0-9_]+)\}$/;

function placeholderOf(value: unknown): string | undefined {
  return typeof value === 'string' ? PLACEHOLDER.exec(value)?.[1] : undefined;
}

function taskIntegration(name: string, resource: string, parameters: Record<string, unknown>): TaskIntegration {
  if (LAMBDA.test(resource)) {
    const placeholder = placeholderOf(parameters.FunctionName);
    if (!placeholder) throw new UnsupportedIntegrationError(`state ${name} invokes a Lambda function that is not an activity placeholder (FunctionName ${JSON.stringify(parameters.FunctionName ?? parameters['FunctionName.$'])})`);
    return { kind: 'lambda', state: name, placeholder };
  }
  const start = START_EXECUTION.exec(resource);
  if (start) {
    const pattern = start[1] === '.waitForTaskToken' ? 'callback' : start[1] ? 'sync' : 'request-response';
    if (parameters['StateMachineArn.$'] === '$$.StateMachine.Id') return { kind: 'startExecution', state: name, pattern, target: 'self' };
    const placeholder = placeholderOf(parameters.StateMachineArn);
    if (!placeholder) throw new UnsupportedIntegrationError(`state ${name} starts a state machine chosen at run time; name it with a sub-workflow placeholder`);
    return { kind: 'startExecution', state: name, pattern, target: { placeholder } };
  }
  throw new UnsupportedIntegrationError(`state ${name} uses ${resource}, which has no least-privilege policy here yet`);
}

function visit(graph: StateGraph, out: TaskIntegration[]): void {
  for (const [name, state] of Object.entries(graph.States) as [string, State][]) {
    if (state.Type === 'Task') {
      const parameters = (state.Parameters ?? state.Arguments ?? {}) as Record<string, unknown>;
      out.push(taskIntegration(name, state.Resource, parameters));
    } else if (state.Type === 'Parallel') {
      for (const branch of state.Branches) visit(branch, out);
    } else if (state.Type === 'Map') {
      const body = state.ItemProcessor ?? state.Iterator;
      if (state.ItemProcessor?.ProcessorConfig?.Mode === 'DISTRIBUTED') {
        throw new UnsupportedIntegrationError(`state ${name} is a Distributed Map, whose child executions have no least-privilege policy here yet`);
      }
      if (body) visit(body, out);
    }
  }
}

export function taskIntegrations(definition: StateMachineDefinition): TaskIntegration[] {
  const out: TaskIntegration[] = [];
  visit(definition, out);
  return out;
}
