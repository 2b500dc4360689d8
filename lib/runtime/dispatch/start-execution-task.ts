import { createHash, randomUUID } from 'node:crypto';
import type { Json, JsonObject } from '../../asl';
import type { ExecutionRecord } from '../../store/records';
import type { ExecutionHost } from '../executions/execution-host';
import type { ExecutionStarter } from '../executions/start-execution';
import type { RuntimeContext } from '../runtime-context';
import { ServiceError } from '../step-functions-operations';
import { sdkCause, type RunTaskCommand, type TaskHandler, type TaskRun } from './task-run';

const isObject = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A uuid derived from the parent task, so that dispatching the task again after a restart finds the same child. */
function childName(parentArn: string, taskId: string): string {
  const h = createHash('sha256').update(`${parentArn}/${taskId}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x40;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/** StartExecution's response headers, names, case and order as recorded on AWS (localstack test_sfn_task_service.snapshot.json). */
function httpMetadata(requestId: string, at: number, length: number): Json {
  const date = new Date(at).toUTCString();
  return {
    AllHttpHeaders: { 'x-amzn-RequestId': [requestId], connection: ['keep-alive'], 'Content-Length': [String(length)], Date: [date], 'Content-Type': ['application/x-amz-json-1.0'] },
    HttpHeaders: { connection: 'keep-alive', 'Content-Length': String(length), 'Content-Type': 'application/x-amz-json-1.0', Date: date, 'x-amzn-RequestId': requestId },
    HttpStatusCode: 200,
  };
}

/** StartExecution's answer as the integration returns it (dates in epoch milliseconds). */
function startResponse(record: ExecutionRecord, at: number): JsonObject {
  const requestId = randomUUID();
  const body = JSON.stringify({ executionArn: record.arn, startDate: record.startDate / 1000 });
  return { ExecutionArn: record.arn, SdkHttpMetadata: httpMetadata(requestId, at, body.length), SdkResponseMetadata: { RequestId: requestId }, StartDate: record.startDate };
}

/** DescribeExecution of the closed child, as `.sync` (texts) or `.sync:2` (JSON) hands it to the parent. */
function describeChild(record: ExecutionRecord, parsed: boolean): JsonObject {
  const value = (text: string | undefined): Json => (text === undefined ? null : parsed ? (JSON.parse(text) as Json) : text);
  const out: JsonObject = { ExecutionArn: record.arn, Input: value(record.input), InputDetails: { Included: true }, Name: record.name };
  if (record.status === 'SUCCEEDED') Object.assign(out, { Output: value(record.output), OutputDetails: { Included: true } });
  // A TIMED_OUT child is described without an error or cause: States.Timeout lives only in its history (measured).
  if (record.status !== 'TIMED_OUT') {
    if (record.error !== undefined) out.Error = record.error;
    if (record.cause !== undefined) out.Cause = record.cause;
  }
  Object.assign(out, {
    RedriveCount: record.redriveCount,
    RedriveStatus: record.status === 'SUCCEEDED' ? 'NOT_REDRIVABLE' : 'REDRIVABLE',
    ...(record.status === 'SUCCEEDED' ? { RedriveStatusReason: 'Execution is SUCCEEDED and cannot be redriven' } : {}),
    StartDate: record.startDate,
    StateMachineArn: record.stateMachineArn,
    Status: record.status,
    StopDate: record.stopDate ?? null,
  });
  // Java's bean serialisation writes the fields in alphabetical order.
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * `arn:aws:states:::states:startExecution` (request-response), `.sync` and `.sync:2` (the task
 * ends with the child), and `.waitForTaskToken` (the child sends the token back). Parameters:
 * StateMachineArn, Input (JSON or text), Name, TraceHeader.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/connect-stepfunctions.html
 */
export function startExecutionTasks(ctx: RuntimeContext, host: ExecutionHost, starter: ExecutionStarter): TaskHandler {
  const isSync = (c: RunTaskCommand) => c.pattern === 'sync' || c.pattern === 'sync:2';

  const finish = (report: TaskRun['report'], command: RunTaskCommand, child: ExecutionRecord) => {
    if (child.status === 'SUCCEEDED') return report({ kind: 'TaskSucceeded', output: JSON.stringify(describeChild(child, command.pattern === 'sync:2')) });
    // A child that did not succeed fails the task with States.TaskFailed whatever its own error; the cause
    // is its description with Input as text under `.sync:2` too (floci-io/floci AslExecutorNestedSyncFailureTest, measured).
    return report({ kind: 'TaskFailed', error: 'States.TaskFailed', cause: JSON.stringify(describeChild(child, false)) });
  };

  /** Tasks still starting their child: their own run reports the child's end, after TaskSubmitted. */
  const submitting = new Set<string>();
  const keyOf = (executionArn: string, taskId: string) => `${executionArn}\u0000${taskId}`;

  // A child closed: a `.sync` parent's task ends with it.
  host.onClose((child) => {
    const parent = child.parent;
    if (!parent || submitting.has(keyOf(parent.executionArn, parent.taskId))) return;
    void host
      .openTask(parent.executionArn, parent.taskId)
      .then((open) => {
        if (!open || !isSync(open.command)) return;
        return finish((r) => host.feed(parent.executionArn, { ...r, taskId: parent.taskId } as never), open.command, child);
      })
      .catch((err: unknown) => ctx.logError(`reporting child ${child.arn} to its parent`, err));
  });

  // After a crash between a parent's close and carrying out its CancelTask, the awaited child is
  // still RUNNING: it is stopped as the cancel would have stopped it.
  host.onOrphaned((child) => {
    if (!child.parent.awaited || child.mapRunArn !== undefined) return;
    void host.feed(child.arn, { kind: 'StopExecution', cause: abortedByParent(child.parent.executionArn) }).catch(() => undefined);
  });

  /** Starts the child (or, after a restart, finds it) and reports TaskStarted, then TaskSubmitted or the request-response result. */
  const startAndSubmit = async (task: TaskRun, p: JsonObject & { StateMachineArn: string }): Promise<void> => {
    const c = task.command;
    // An Input of null starts the child on {}, as absent does (localstack test_callback, recorded on AWS).
    const input = p.Input === undefined || p.Input === null ? '{}' : typeof p.Input === 'string' ? p.Input : JSON.stringify(p.Input);
    let child: ExecutionRecord;
    try {
      const started = await starter.start({
        stateMachineArn: p.StateMachineArn,
        name: typeof p.Name === 'string' ? p.Name : childName(task.executionArn, c.taskId),
        input,
        ...(typeof p.TraceHeader === 'string' ? { traceHeader: p.TraceHeader } : {}),
        parent: { executionArn: task.executionArn, taskId: c.taskId, ...(isSync(c) ? { awaited: true as const } : {}) },
      });
      child = started.record;
    } catch (err) {
      // After a restart the child may have closed already: its name is taken by the very execution we want.
      const again = task.recovering && err instanceof ServiceError && err.code === 'ExecutionAlreadyExists' ? findChild(ctx, task) : undefined;
      if (!again) {
        const e = err instanceof ServiceError ? err : new ServiceError('InternalError', String(err));
        return refused(task, `StepFunctions.${e.code}Exception`, sdkCause({ message: e.message, service: 'AWSStepFunctions', status: 400, code: e.code, requestId: randomUUID() }));
      }
      child = again;
    }
    const response = JSON.stringify(startResponse(child, ctx.clock.now()));
    if (!task.started) await task.report({ kind: 'TaskStarted' });
    if (c.pattern === 'waitForTaskToken') return;
    if (!isSync(c)) return task.report({ kind: 'TaskSucceeded', output: response });
    await task.report({ kind: 'TaskSubmitted', output: response });
  };

  return {
    async run(task: TaskRun) {
      const c = task.command;
      const p = isObject(c.payload) ? c.payload : {};
      if (typeof p.StateMachineArn !== 'string') {
        return refused(task, 'StepFunctions.InvalidArnException', sdkCause({ message: "Invalid Arn: 'StateMachineArn is required'", service: 'AWSStepFunctions', status: 400, code: 'InvalidArn', requestId: randomUUID() }));
      }
      const key = keyOf(task.executionArn, c.taskId);
      submitting.add(key);
      try {
        await startAndSubmit(task, p as JsonObject & { StateMachineArn: string });
      } finally {
        submitting.delete(key);
      }
      // A child that closed while its start was being reported: end the task here.
      const child = isSync(c) ? findChild(ctx, task) : undefined;
      if (child && child.status !== 'RUNNING') return finish(task.report, c, child);
    },
    cancel(executionArn, command) {
      if (!isSync(command)) return;
      // The parent gave up on the task: its child is stopped with it, with no error and AWS's cause
      // (floci-io/floci AslExecutorNestedSyncTimeoutTest, measured).
      const child = findChildOf(ctx, executionArn, command.taskId);
      if (child?.status === 'RUNNING') void host.feed(child.arn, { kind: 'StopExecution', cause: abortedByParent(executionArn) }).catch(() => undefined);
    },
  };
}

/**
 * StartExecution refused the child. The task has started either way (TaskStarted, then the failure:
 * localstack test_task_service_sfn.snapshot.json test_start_execution_no_such_arn, recorded on AWS).
 * For `.sync` and `.waitForTaskToken` that call is the submit step (TaskSubmitFailed); for
 * request-response the call is the task itself (TaskFailed).
 */
function refused(task: TaskRun, error: string, cause: string): Promise<void> {
  const started = task.started ? Promise.resolve() : task.report({ kind: 'TaskStarted' });
  if (task.command.pattern === 'request-response') return started.then(() => task.report({ kind: 'TaskFailed', error, cause }));
  return started.then(() => task.report({ kind: 'TaskFailed', error, cause, phase: 'submit' }));
}

/** The cause of a child execution stopped because the task of the parent that awaited it ended. */
export function abortedByParent(parentArn: string): string {
  return `The Task state in AWS Step Functions execution [${parentArn}] which was managing this resource was aborted`;
}

function findChildOf(ctx: RuntimeContext, parentArn: string, taskId: string): ExecutionRecord | undefined {
  return ctx.store.childExecutions(parentArn).find((r) => r.parent?.taskId === taskId);
}

function findChild(ctx: RuntimeContext, task: TaskRun): ExecutionRecord | undefined {
  return findChildOf(ctx, task.executionArn, task.command.taskId);
}
