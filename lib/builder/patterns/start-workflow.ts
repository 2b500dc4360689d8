import type { JsonObject } from '../../asl';
import { PathRef, renderTemplate, type Template } from '../json-path';
import type { RetryPolicy } from '../retry-policy';
import { Task } from '../states/task';
import { WorkflowError } from '../workflow-error';

export const START_EXECUTION_SYNC = 'arn:aws:states:::states:startExecution.sync:2';

/** Options of a sub-workflow call (JSONPath). */
export interface JsonPathStartWorkflowProps<I> {
  /** @default `Run<Child>` */
  name?: string;
  /** The child's input. @default the state input */
  input?: Template<I>;
  /** Where the child's output goes: "$" replaces the state with it; "$.x" stores it at `$.x.Output`. @default "$" */
  resultPath?: string | null;
  retry?: RetryPolicy[];
  timeoutSeconds?: number;
  comment?: string;
}

/**
 * Starts another workflow and waits for it (`states:startExecution.sync:2`, whose result carries
 * the child's output as JSON). The child is linked to this execution through
 * AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID, so the console shows them together.
 */
export function startWorkflow<I = unknown>(child: string | { name: string }, props: JsonPathStartWorkflowProps<I> = {}): Task {
  const childName = typeof child === 'string' ? child : child.name;
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(childName)) {
    throw new WorkflowError(`the child workflow name '${childName}' is not alphanumeric, so it cannot form a placeholder`, 'use a PascalCase workflow name', props.name ?? `Run${childName}`);
  }
  const placeholder = `${childName}StateMachineArn`;
  const input = props.input ?? new PathRef('$');
  const resultPath = props.resultPath === undefined ? '$' : props.resultPath;
  const inputField: JsonObject = input instanceof PathRef
    ? { 'Input.$': input.expression } // a whole-input path cannot take the linking field; link by name only
    : { Input: { ...(renderTemplate(input) as JsonObject), 'AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID.$': '$$.Execution.Id' } };
  const task = new Task(props.name ?? `Run${childName}`, {
    resource: START_EXECUTION_SYNC,
    pattern: 'sync',
    parameters: { StateMachineArn: `\${${placeholder}}`, ...inputField },
    ...(resultPath === '$' ? { outputPath: '$.Output' } : resultPath === null ? { resultPath: null } : { resultSelector: { 'Output.$': '$.Output' }, resultPath }),
    timeoutSeconds: props.timeoutSeconds,
    comment: props.comment,
    bind: (ctx) => ctx.bindSubWorkflow(childName, placeholder),
  });
  return task.addRetry(...(props.retry ?? []));
}
