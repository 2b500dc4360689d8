import { StatesErrors, type Json, type JsonObject, type TaskState } from '../../asl';
import { effectiveInput, finishJsonata, finishJsonPath, jsonataBindings, jsonPathScope, payloadTemplate, stateRef } from '../core/data-flow';
import { heartbeatTimeout } from '../core/engine-failure';
import { LimitCauses } from '../core/engine-limits';
import type { Interpreter } from '../core/interpreter';
import { jsonText, parseJson } from '../core/json-text';
import type { StateRun } from '../core/state-run';
import { evaluateJsonataField, evaluateJsonataInteger } from '../jsonata';
import { readPath, statePrefix } from '../jsonpath';
import { StatesFailure } from '../states-failure';
import { taskEventWriters } from '../task/task-events';
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
 * Timeouts are timers: TimeoutSeconds from scheduling, HeartbeatSeconds from start and each heartbeat.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-task.html
 */
export const taskState: StateEvaluator = {
  execute(run, it) {
    const def = run.state.def as TaskState;
    run.taskToken = run.state.task!.pattern === 'waitForTaskToken' ? it.random.token() : undefined;
    if (run.state.queryLanguage === 'JSONata') return requestJsonata(run, it, def).then((request) => dispatch(run, it, def, request));
    dispatch(run, it, def, requestJsonPath(run, it, def));
  },
};

/** Records the Scheduled event and hands the task to the runtime, with its timers and handlers. */
function dispatch(run: StateRun, it: Interpreter, def: TaskState, request: TaskRequest): void {
  const resource = run.state.task!;
  const writer = taskEventWriters[resource.family];
  it.checkSize(run.name, request.payload);
  const thread = run.branch.thread;
  const taskId = it.nextId('task');
  run.taskId = taskId;
  const roleArn = roleOf(request.credentials);
  writer.scheduled(it, thread, resource, {
    payloadText: jsonText(request.payload),
    region: it.info.region,
    ...(request.timeoutSeconds !== undefined ? { timeoutSeconds: request.timeoutSeconds } : {}),
    ...(request.heartbeatSeconds !== undefined ? { heartbeatSeconds: request.heartbeatSeconds } : {}),
    ...(roleArn !== undefined ? { roleArn } : {}),
  });
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

  let heartbeatTimer: string | undefined;
  const clearTimers = () => {
    for (const t of run.timers) it.cancelTimer(t);
    run.timers = [];
    heartbeatTimer = undefined;
  };
  // Both expiries are recorded as States.Timeout with no cause (recorded on AWS); a heartbeat
  // expiry also answers to States.HeartbeatTimeout in Retry and Catch.
  const timeOut = (raise: () => StatesFailure) => () =>
    it.guard(run, () => {
      clearTimers();
      it.cancelTask(taskId);
      run.taskId = undefined;
      writer.timedOut(it, thread, resource, { error: StatesErrors.Timeout });
      throw raise();
    });
  const armHeartbeat = () => {
    if (request.heartbeatSeconds === undefined) return;
    if (heartbeatTimer !== undefined) {
      it.cancelTimer(heartbeatTimer);
      run.timers = run.timers.filter((t) => t !== heartbeatTimer);
    }
    heartbeatTimer = it.armTimer(request.heartbeatSeconds * 1000, timeOut(heartbeatTimeout));
    run.timers.push(heartbeatTimer);
  };
  let started = false;
  it.startTask(command, {
    started(input) {
      if (started) return;
      started = true;
      writer.started(it, thread, resource, input.workerName);
      armHeartbeat();
    },
    submitted(input) {
      writer.submitted(it, thread, resource, input.output);
    },
    succeeded(input) {
      return it.guard(run, () => {
        clearTimers();
        it.forgetTask(taskId);
        run.taskId = undefined;
        if (Buffer.byteLength(input.output, 'utf8') > it.limits.maxPayloadBytes) {
          // The result never reaches the state: the task fails with the quota error instead.
          const tooBig = { error: StatesErrors.DataLimitExceeded, cause: LimitCauses.dataLimit(resource.family === 'task' ? resource.resourceType : resource.arn) };
          writer.failed(it, thread, resource, tooBig);
          throw new StatesFailure(tooBig.error, tooBig.cause);
        }
        writer.succeeded(it, thread, resource, input.output);
        const result = parseJson(input.output);
        if (run.state.queryLanguage === 'JSONata') return finishJsonata(it, run, result, { result }).then((outcome) => it.complete(run, outcome, def.Next));
        it.complete(run, finishJsonPath(it, run, result, true), def.Next);
      });
    },
    failed(input) {
      return it.guard(run, () => {
        clearTimers();
        it.forgetTask(taskId);
        run.taskId = undefined;
        const failure = input.cause === undefined ? { error: input.error } : { error: input.error, cause: input.cause };
        writer.failed(it, thread, resource, failure, input.phase);
        throw new StatesFailure(failure.error, failure.cause as string);
      });
    },
    heartbeat() {
      armHeartbeat();
    },
  });
  if (request.timeoutSeconds !== undefined) run.timers.push(it.armTimer(request.timeoutSeconds * 1000, timeOut(() => new StatesFailure(StatesErrors.Timeout, undefined as unknown as string))));
}

function roleOf(credentials: Json | undefined): string | undefined {
  if (credentials === null || typeof credentials !== 'object' || Array.isArray(credentials)) return undefined;
  const role = (credentials as JsonObject).RoleArn;
  return typeof role === 'string' ? role : undefined;
}
