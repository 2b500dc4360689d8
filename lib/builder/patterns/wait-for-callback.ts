import type { Activity } from '../activity';
import { Context, PathRef, renderField, templateUses, type Template } from '../json-path';
import { LAMBDA_TRANSIENT_RETRY, type RetryPolicy } from '../retry-policy';
import type { Chainable } from '../state-node';
import { Task } from '../states/task';
import { WorkflowError } from '../workflow-error';

export const LAMBDA_INVOKE_WAIT_FOR_TASK_TOKEN = 'arn:aws:states:::lambda:invoke.waitForTaskToken';

/** Options of a callback (JSONPath). The activity's output type is the result sent back with SendTaskSuccess. */
export interface JsonPathCallbackProps<I> {
  /** @default the activity's name */
  name?: string;
  /** The activity's input; it must carry `Context.taskToken` so the activity can call back. */
  payload: Template<I>;
  /** How long to wait for the callback. Required: without it a lost token waits for a year. */
  timeoutSeconds: number;
  /** The longest gap allowed between heartbeats (SendTaskHeartbeat). @default none */
  heartbeatSeconds?: number;
  /** Runs when the wait times out (States.Timeout, which includes a missed heartbeat). @default the timeout fails the execution */
  onTimeout?: Chainable;
  /** Where the timeout's `{Error, Cause}` goes for onTimeout. @default "$.timeout" */
  timeoutResultPath?: string | null;
  /** Where the callback result goes. @default "$" */
  resultPath?: string | null;
  retry?: RetryPolicy[];
  /** @default true */
  retryLambdaErrors?: boolean;
  comment?: string;
}

/** A task that invokes an activity with a task token and waits until the token is completed. */
export class CallbackTask<I, O> extends Task {
  constructor(readonly activity: Activity<I, O>, readonly props: JsonPathCallbackProps<I>) {
    const name = props.name ?? activity.name;
    if (props.timeoutSeconds === undefined) {
      throw new WorkflowError('the callback has no timeout, so a lost task token would keep the execution open for a year', 'set timeoutSeconds, e.g. 86400 for 24 hours', name);
    }
    if (!templateUses(props.payload, Context.taskToken.expression)) {
      throw new WorkflowError("the payload does not carry the task token, so the activity can never call back", 'add a field such as taskToken: Context.taskToken', name);
    }
    super(name, {
      resource: LAMBDA_INVOKE_WAIT_FOR_TASK_TOKEN,
      pattern: 'waitForTaskToken',
      // The result is what the callback sends, not a Lambda response: no Payload to unwrap.
      parameters: { FunctionName: `\${${activity.placeholder}}`, ...renderField('Payload', props.payload) },
      resultPath: props.resultPath,
      timeoutSeconds: props.timeoutSeconds,
      heartbeatSeconds: props.heartbeatSeconds,
      comment: props.comment,
      bind: (ctx) => ctx.bindActivity(activity),
    });
    if (props.retryLambdaErrors ?? true) this.addRetry(LAMBDA_TRANSIENT_RETRY);
    this.addRetry(...(props.retry ?? []));
    if (props.onTimeout) {
      this.addCatch(props.onTimeout, { errors: ['States.Timeout'], resultPath: props.timeoutResultPath === undefined ? '$.timeout' : props.timeoutResultPath });
    }
  }

  /** A path to a field of the callback result. */
  output<K extends keyof O & string>(key: K): PathRef {
    const at = this.props.resultPath === undefined ? '$' : this.props.resultPath;
    if (at === null) throw new WorkflowError(`its output is discarded (resultPath: null), so '${key}' cannot be read`, 'give the task a resultPath such as "$.result"', this.name);
    return new PathRef(at === '$' ? `$.${key}` : `${at}.${key}`);
  }

}

/**
 * Invokes an activity with `$$.Task.Token` and waits for SendTaskSuccess / SendTaskFailure:
 * `waitForCallback(SendApprovalRequest, {payload: {..., taskToken: Context.taskToken}, timeoutSeconds: 86400})`.
 */
export function waitForCallback<I, O>(activity: Activity<I, O>, props: JsonPathCallbackProps<I>): CallbackTask<I, O> {
  return new CallbackTask(activity, props);
}
