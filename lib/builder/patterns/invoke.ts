import type { Activity } from '../activity';
import { PathRef, renderField, type Template } from '../json-path';
import { LAMBDA_TRANSIENT_RETRY, type RetryPolicy } from '../retry-policy';
import { Task } from '../states/task';
import { WorkflowError } from '../workflow-error';

export const LAMBDA_INVOKE = 'arn:aws:states:::lambda:invoke';

/** Options of an activity call (JSONPath). */
export interface JsonPathInvokeProps<I> {
  /** The state's name. @default the activity's name */
  name?: string;
  /** The activity's input: a typed template, or a path to the whole input. @default "$" (the state input) */
  payload?: Template<I>;
  /**
   * Where the activity's output goes. "$" (the default) replaces the state with the output;
   * a path such as "$.shipment" keeps the input and stores the output there; null discards it.
   * @default "$"
   */
  resultPath?: string | null;
  inputPath?: string;
  /** Retry policies, tried in order after the Lambda transient-error retry. @default none */
  retry?: RetryPolicy[];
  /** Retry Lambda's transient errors as AWS recommends. @default true */
  retryLambdaErrors?: boolean;
  /** @default none */
  timeoutSeconds?: number;
  heartbeatSeconds?: number;
  comment?: string;
}

/** A task that calls an activity through the optimised Lambda integration. */
export class ActivityTask<I, O> extends Task {
  constructor(readonly activity: Activity<I, O>, readonly props: JsonPathInvokeProps<I>) {
    const resultPath = props.resultPath === undefined ? '$' : props.resultPath;
    super(props.name ?? activity.name, {
      resource: LAMBDA_INVOKE,
      pattern: 'requestResponse',
      parameters: { FunctionName: `\${${activity.placeholder}}`, ...renderField('Payload', props.payload ?? new PathRef('$')) },
      // The integration's result wraps the function's output in Payload with HTTP metadata: keep only
      // the output. Replacing the state unwraps it entirely; storing it at a path keeps `<path>.Payload`
      // (JSONPath cannot place a selected value at a sub-path in one state).
      ...(resultPath === '$' ? { outputPath: '$.Payload' } : resultPath === null ? { resultPath: null } : { resultSelector: { 'Payload.$': '$.Payload' }, resultPath }),
      inputPath: props.inputPath,
      timeoutSeconds: props.timeoutSeconds,
      heartbeatSeconds: props.heartbeatSeconds,
      comment: props.comment,
      bind: (ctx) => ctx.bindActivity(activity),
    });
    if (props.retryLambdaErrors ?? true) this.addRetry(LAMBDA_TRANSIENT_RETRY);
    this.addRetry(...(props.retry ?? []));
  }

  /** A path to a field of the activity's output, as this task stores it. */
  output<K extends keyof O & string>(key: K): PathRef {
    const at = this.props.resultPath === undefined ? '$' : this.props.resultPath;
    if (at === null) throw new WorkflowError(`its output is discarded (resultPath: null), so '${key}' cannot be read`, 'give the task a resultPath such as "$.result"', this.name);
    return new PathRef(at === '$' ? `$.${key}` : `${at}.Payload.${key}`);
  }

}

/** Calls an activity: `invoke(ReserveInventory, {payload: {orderId: path('$.orderId'), ...}})`. */
export function invoke<I, O>(activity: Activity<I, O>, props: JsonPathInvokeProps<I> = {}): ActivityTask<I, O> {
  return new ActivityTask(activity, props);
}
