import { StatesErrors, type Json, type JsonObject, type TaskState } from '../../asl';
import { effectiveInput, finishJsonata, finishJsonPath, jsonataBindings, jsonPathScope, payloadTemplate, stateRef } from '../core/data-flow';
import { heartbeatTimeout, taskResultTooLarge, taskTimeout, unnamedTaskFailure } from '../core/engine-failure';
import { LimitCauses } from '../core/engine-limits';
import type { Thread } from '../core/branch';
import type { Interpreter, TaskHandlers } from '../core/interpreter';
import { excessNesting, nestingDepthMessage } from '../core/json-nesting';
import { jsonText, LazyJson, parseJson } from '../core/json-text';
import type { StateRun } from '../core/state-run';
import { evaluateJsonataField, evaluateJsonataInteger } from '../jsonata';
import { readPath, statePrefix } from '../jsonpath';
import { StatesFailure } from '../states-failure';
import type { EngineInputOf } from '../engine-input';
import { taskEventWriters, type ScheduledInfo, type TaskEventWriter } from '../task/task-events';
import type { TaskResource } from '../task/task-resource';
import { HAS_TOKEN } from '../task/task-token-patterns';
import type { StateEvaluator } from './state-evaluator';

interface TaskRequest {
  payload: Json;
  timeoutSeconds?: number;
  heartbeatSeconds?: number;
  credentials?: Json;
}

async function requestJsonata(run: StateRun, it: Interpreter, def: TaskState): Promise<TaskRequest> {
  const bindings = jsonataBindings(it, run);
  const request: TaskRequest = { payload: def.Arguments !== undefined ? await evaluateJsonataField(def.Arguments, 'Arguments', bindings) : run.input };
  it.inspect?.(run.name, 'afterArguments', request.payload);
  if (def.TimeoutSeconds !== undefined) request.timeoutSeconds = await evaluateJsonataInteger(def.TimeoutSeconds, 'TimeoutSeconds', bindings);
  if (def.HeartbeatSeconds !== undefined) request.heartbeatSeconds = await evaluateJsonataInteger(def.HeartbeatSeconds, 'HeartbeatSeconds', bindings);
  if (def.Credentials !== undefined) request.credentials = await evaluateJsonataField(def.Credentials, 'Credentials', bindings);
  return request;
}

function positiveInteger(value: Json, field: string, path: string, run: StateRun): number {
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) return value;
  throw new StatesFailure(
    StatesErrors.Runtime,
    `${statePrefix(stateRef(run))}The value for the field '${field}' must be a positive integer, but was '${jsonText(value)}' at path '${path}'`,
  );
}

function requestJsonPath(run: StateRun, it: Interpreter, def: TaskState): TaskRequest {
  const effective = effectiveInput(it, run);
  const request: TaskRequest = { payload: def.Parameters !== undefined ? payloadTemplate(it, run, def.Parameters, effective, 'Parameters') : effective };
  it.inspect?.(run.name, 'afterParameters', request.payload);
  const scope = jsonPathScope(it, run, effective);
  if (def.TimeoutSecondsPath !== undefined) {
    request.timeoutSeconds = positiveInteger(readPath(def.TimeoutSecondsPath, scope, 'TimeoutSecondsPath'), 'TimeoutSecondsPath', def.TimeoutSecondsPath, run);
  } else if (typeof def.TimeoutSeconds === 'number') request.timeoutSeconds = def.TimeoutSeconds;
  if (def.HeartbeatSecondsPath !== undefined) {
    request.heartbeatSeconds = positiveInteger(readPath(def.HeartbeatSecondsPath, scope, 'HeartbeatSecondsPath'), 'HeartbeatSecondsPath', def.HeartbeatSecondsPath, run);
  } else if (typeof def.HeartbeatSeconds === 'number') request.heartbeatSeconds = def.HeartbeatSeconds;
  if (def.Credentials !== undefined) request.credentials = payloadTemplate(it, run, def.Credentials, effective, 'Parameters');
  return request;
}

/**
 * Task: builds the request (Parameters / Arguments, timeouts, a task token for callbacks and
 * activities), records the Scheduled event, asks the runtime to run it, and folds the runtime's
 * reports into Started / Submitted / Succeeded / Failed / TimedOut events and the state's output.
 * Timeouts are timers: TimeoutSeconds from scheduling, HeartbeatSeconds from start (a Lambda callback: from submission) and each heartbeat.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-task.html
 */
export const taskState: StateEvaluator = {
  execute(run, it) {
    const def = run.state.def as TaskState;
    const pattern = run.state.task!.pattern;
    // A job run's token is derived per attempt, not drawn, so adding it left later draws unmoved.
    run.taskToken = !HAS_TOKEN[pattern] ? undefined : pattern === 'waitForTaskToken' ? it.random.token() : it.random.tokenFor(`${run.enteredEventId}:${run.retryCount}`);
    if (run.state.queryLanguage === 'JSONata') return requestJsonata(run, it, def).then((request) => dispatch(run, it, def, request));
    dispatch(run, it, def, requestJsonPath(run, it, def));
  },
};

/** Records the Scheduled event and hands the task to the runtime, with its timers and handlers. */
function dispatch(run: StateRun, it: Interpreter, def: TaskState, request: TaskRequest): void {
  const resource = run.state.task!;
  const writer = taskEventWriters[resource.family];
  if (resource.family === 'activity' && it.missingActivities?.includes(resource.arn)) {
    // Nothing is scheduled: the execution fails with the state entered (localstack's
    // test_activities snapshot, test_activity_task_on_deleted, recorded on AWS).
    throw new StatesFailure(StatesErrors.Runtime, `${statePrefix(stateRef(run))}The activity ${resource.arn} does not exist.`);
  }
  it.checkSize(run.name, request.payload, LimitCauses.parametersLimit);
  const thread = run.branch.thread;
  const taskId = it.nextId('task');
  run.taskId = taskId;
  // The payload text is built only if someone reads the event; a payload that is the state's
  // input shares the Entered event's text.
  const payload = request.payload === run.input && run.inputText ? run.inputText : new LazyJson(request.payload);
  const info: ScheduledInfo = { payload, region: it.info.region };
  if (request.timeoutSeconds !== undefined) info.timeoutSeconds = request.timeoutSeconds;
  if (request.heartbeatSeconds !== undefined) info.heartbeatSeconds = request.heartbeatSeconds;
  const roleArn = roleOf(request.credentials);
  if (roleArn !== undefined) info.roleArn = roleArn;
  writer.scheduled(it, thread, resource, info);
  const command: Parameters<Interpreter['startTask']>[0] = {
    kind: 'RunTask',
    taskId,
    resource: resource.arn,
    integration: resource.integration,
    pattern: resource.pattern,
    payload: request.payload,
    stateName: run.name,
  };
  if (run.taskToken !== undefined) command.taskToken = run.taskToken;
  if (request.timeoutSeconds !== undefined) command.timeoutSeconds = request.timeoutSeconds;
  if (request.heartbeatSeconds !== undefined) command.heartbeatSeconds = request.heartbeatSeconds;
  if (request.credentials !== undefined) command.credentials = request.credentials;
  const attempt = new TaskAttempt(run, it, def, taskId, request.heartbeatSeconds, resource, writer, thread);
  it.startTask(command, attempt);
  if (request.timeoutSeconds !== undefined) {
    run.timers.push(it.armTimer(request.timeoutSeconds * 1000, () => attempt.timedOut(taskTimeout)));
  }
}

/**
 * One attempt of a task, as the runtime's reports reach it: one object per attempt rather than a
 * closure per handler (a task is the most frequent state after Pass).
 */
class TaskAttempt implements TaskHandlers {
  private heartbeatTimer: string | undefined;
  private started_ = false;
  /** A Lambda callback's heartbeat counts only once the function has returned (TaskSubmitted). */
  private heartbeatDeferred: boolean;

  constructor(
    private readonly run: StateRun,
    private readonly it: Interpreter,
    private readonly def: TaskState,
    private readonly taskId: string,
    private readonly heartbeatSeconds: number | undefined,
    private readonly resource: TaskResource,
    private readonly writer: TaskEventWriter,
    private readonly thread: Thread,
  ) {
    // "If you invoke the Lambda function with a callback task, the heartbeat timeout doesn't start
    // counting until after the Lambda function has completed executing and returned a result"
    // (connect-lambda page).
    this.heartbeatDeferred = resource.integration.service === 'lambda' && resource.pattern === 'waitForTaskToken';
  }

  private clearTimers(): void {
    this.run.cancelTimers(this.it);
    this.heartbeatTimer = undefined;
  }

  /**
   * Both expiries are recorded as States.Timeout with no cause (recorded on AWS); a heartbeat
   * expiry also answers to States.HeartbeatTimeout in Retry and Catch.
   */
  timedOut(raise: () => StatesFailure): Promise<void> | void {
    return this.it.guard(this.run, () => {
      this.clearTimers();
      this.it.cancelTask(this.taskId);
      this.run.taskId = undefined;
      this.writer.timedOut(this.it, this.thread, this.resource, { error: StatesErrors.Timeout });
      throw raise();
    });
  }

  private armHeartbeat(): void {
    if (this.heartbeatSeconds === undefined || this.heartbeatDeferred) return;
    const run = this.run;
    const previous = this.heartbeatTimer;
    if (previous !== undefined) {
      this.it.cancelTimer(previous);
      run.timers = run.timers.filter((t) => t !== previous);
    }
    const timer = this.it.armTimer(this.heartbeatSeconds * 1000, () => this.timedOut(heartbeatTimeout));
    this.heartbeatTimer = timer;
    run.timers.push(timer);
  }

  started(input: EngineInputOf<'TaskStarted'>): void {
    if (this.started_) return;
    this.started_ = true;
    this.writer.started(this.it, this.thread, this.resource, input.workerName);
    this.armHeartbeat();
  }

  submitted(input: EngineInputOf<'TaskSubmitted'>): void {
    this.writer.submitted(this.it, this.thread, this.resource, input.output);
    if (this.heartbeatDeferred) {
      this.heartbeatDeferred = false;
      this.armHeartbeat();
    }
  }

  succeeded(input: EngineInputOf<'TaskSucceeded'>): Promise<void> | void {
    return this.it.guard(this.run, () => this.finish(input.output));
  }

  private finish(output: string): Promise<void> | void {
    const { run, it, resource } = this;
    this.clearTimers();
    it.forgetTask(this.taskId);
    run.taskId = undefined;
    if (Buffer.byteLength(output, 'utf8') > it.limits.maxPayloadBytes) {
      // The result never reaches the state: the task fails with the quota error instead.
      const tooBig = { error: StatesErrors.DataLimitExceeded, cause: LimitCauses.dataLimit(resource.family === 'task' ? resource.resourceType : resource.arn) };
      this.writer.failed(it, this.thread, resource, tooBig);
      throw taskResultTooLarge(tooBig.cause);
    }
    const excess = excessNesting(output);
    if (excess) {
      // A result nested past the JSON parser's limit cannot be read (see json-nesting.ts).
      const unreadable = { error: StatesErrors.Runtime, cause: nestingDepthMessage(excess.depth) };
      this.writer.failed(it, this.thread, resource, unreadable);
      throw new StatesFailure(unreadable.error, unreadable.cause);
    }
    this.writer.succeeded(it, this.thread, resource, output);
    const result = parseJson(output);
    const next = this.def.Next;
    if (run.state.queryLanguage === 'JSONata') return finishJsonata(it, run, result, { result }).then((outcome) => it.complete(run, outcome, next));
    it.complete(run, finishJsonPath(it, run, result, true), next);
  }

  failed(input: EngineInputOf<'TaskFailed'>): Promise<void> | void {
    return this.it.guard(this.run, () => {
      this.clearTimers();
      this.it.forgetTask(this.taskId);
      this.run.taskId = undefined;
      const failure: { error?: string; cause?: string } = input.unnamed ? {} : { error: input.error };
      if (input.cause !== undefined) failure.cause = input.cause;
      this.writer.failed(this.it, this.thread, this.resource, failure, input.phase);
      if (input.unnamed) throw unnamedTaskFailure(input.cause);
      throw new StatesFailure(input.error, input.cause as string);
    });
  }

  heartbeat(): void {
    this.armHeartbeat();
  }
}

function roleOf(credentials: Json | undefined): string | undefined {
  if (credentials === null || typeof credentials !== 'object' || Array.isArray(credentials)) return undefined;
  const role = (credentials as JsonObject).RoleArn;
  return typeof role === 'string' ? role : undefined;
}
