import type { Failure } from '../../asl';
import type { Thread } from '../core/branch';
import type { Interpreter } from '../core/interpreter';
import { withLazyTexts, type LazyJson } from '../core/json-text';
import type { TaskFailurePhase } from '../engine-input';
import type { TaskEventFamily, TaskResource } from './task-resource';

const NOT_TRUNCATED = { truncated: false } as const;

/** A details object whose payload text is still a LazyJson (see withLazyTexts). */
type Lazy<T> = { [K in keyof T]: T[K] | LazyJson };

/** What the Scheduled event reports. */
export interface ScheduledInfo {
  /** The request's JSON text, built when the event is read. */
  payload: LazyJson;
  region: string;
  timeoutSeconds?: number;
  heartbeatSeconds?: number;
  roleArn?: string;
}

/** Writes one task's lifecycle events in its family's spelling. */
export interface TaskEventWriter {
  scheduled(it: Interpreter, thread: Thread, r: TaskResource, s: ScheduledInfo): number;
  started(it: Interpreter, thread: Thread, r: TaskResource, workerName?: string): number;
  submitted(it: Interpreter, thread: Thread, r: TaskResource, output: string): number;
  succeeded(it: Interpreter, thread: Thread, r: TaskResource, output: string): number;
  /** `phase`: the integration could not schedule, start or submit the task; none: the task itself failed. `f.error` is absent when SendTaskFailure gave none. */
  failed(it: Interpreter, thread: Thread, r: TaskResource, f: Partial<Failure>, phase?: TaskFailurePhase): number;
  timedOut(it: Interpreter, thread: Thread, r: TaskResource, f: Failure): number;
}

function err(f: Partial<Failure>): { error?: string; cause?: string } {
  const d: { error?: string; cause?: string } = {};
  if (f.error !== undefined) d.error = f.error;
  if (f.cause !== undefined) d.cause = f.cause;
  return d;
}

function resourceDetails(r: TaskResource) {
  return { resourceType: r.resourceType, resource: r.resource };
}

type Emit = (it: Interpreter, thread: Thread, r: TaskResource, f: Partial<Failure>) => number;

/**
 * Failures before the task ran, per family and phase. Lambda and activities have events of their
 * own for a failed schedule and (Lambda) a failed start; the `arn:aws:states:::` integrations record
 * a refused request as TaskStartFailed and a refused `.sync` / callback submission as TaskSubmitFailed.
 * A phase a family has no event for is its plain Failed event.
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_HistoryEvent.html
 */
const phaseFailures: Record<TaskEventFamily, Record<TaskFailurePhase, Emit>> = {
  lambda: {
    schedule: (it, thread, _r, f) => it.emit(thread, 'LambdaFunctionScheduleFailed', { lambdaFunctionScheduleFailedEventDetails: err(f) }),
    start: (it, thread, _r, f) => it.emit(thread, 'LambdaFunctionStartFailed', { lambdaFunctionStartFailedEventDetails: err(f) }),
    submit: (it, thread, _r, f) => it.emit(thread, 'LambdaFunctionFailed', { lambdaFunctionFailedEventDetails: err(f) }),
  },
  activity: {
    schedule: (it, thread, _r, f) => it.emit(thread, 'ActivityScheduleFailed', { activityScheduleFailedEventDetails: err(f) }),
    start: (it, thread, _r, f) => it.emit(thread, 'ActivityFailed', { activityFailedEventDetails: err(f) }),
    submit: (it, thread, _r, f) => it.emit(thread, 'ActivityFailed', { activityFailedEventDetails: err(f) }),
  },
  task: {
    schedule: (it, thread, r, f) => it.emit(thread, 'TaskStartFailed', { taskStartFailedEventDetails: { ...resourceDetails(r), ...err(f) } }),
    start: (it, thread, r, f) => it.emit(thread, 'TaskStartFailed', { taskStartFailedEventDetails: { ...resourceDetails(r), ...err(f) } }),
    submit: (it, thread, r, f) => it.emit(thread, 'TaskSubmitFailed', { taskSubmitFailedEventDetails: { ...resourceDetails(r), ...err(f) } }),
  },
};

/**
 * History event spellings per family: a plain Lambda ARN records LambdaFunction* events, an
 * activity Activity* events, every `arn:aws:states:::` integration Task* events.
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_HistoryEvent.html
 */
export const taskEventWriters: Record<TaskEventFamily, TaskEventWriter> = {
  lambda: {
    scheduled(it, thread, r, s) {
      type D = { resource: string; input: string; inputDetails: typeof NOT_TRUNCATED; timeoutInSeconds?: number; taskCredentials?: { roleArn?: string } };
      const d: Lazy<D> = { resource: r.arn, input: s.payload, inputDetails: NOT_TRUNCATED };
      if (s.timeoutSeconds !== undefined) d.timeoutInSeconds = s.timeoutSeconds;
      if (s.roleArn !== undefined) d.taskCredentials = { roleArn: s.roleArn };
      return it.emit(thread, 'LambdaFunctionScheduled', { lambdaFunctionScheduledEventDetails: withLazyTexts<D>(d) });
    },
    started: (it, thread) => it.emit(thread, 'LambdaFunctionStarted', {}),
    submitted: (it, thread, _r, output) =>
      it.emit(thread, 'LambdaFunctionSucceeded', { lambdaFunctionSucceededEventDetails: { output, outputDetails: NOT_TRUNCATED } }),
    succeeded: (it, thread, _r, output) =>
      it.emit(thread, 'LambdaFunctionSucceeded', { lambdaFunctionSucceededEventDetails: { output, outputDetails: NOT_TRUNCATED } }),
    failed: (it, thread, r, f, phase) =>
      phase ? phaseFailures.lambda[phase](it, thread, r, f) : it.emit(thread, 'LambdaFunctionFailed', { lambdaFunctionFailedEventDetails: err(f) }),
    timedOut: (it, thread, _r, f) => it.emit(thread, 'LambdaFunctionTimedOut', { lambdaFunctionTimedOutEventDetails: err(f) }),
  },
  activity: {
    scheduled(it, thread, r, s) {
      type D = { resource: string; input: string; inputDetails: typeof NOT_TRUNCATED; timeoutInSeconds?: number; heartbeatInSeconds?: number };
      const d: Lazy<D> = { resource: r.arn, input: s.payload, inputDetails: NOT_TRUNCATED };
      if (s.timeoutSeconds !== undefined) d.timeoutInSeconds = s.timeoutSeconds;
      if (s.heartbeatSeconds !== undefined) d.heartbeatInSeconds = s.heartbeatSeconds;
      return it.emit(thread, 'ActivityScheduled', { activityScheduledEventDetails: withLazyTexts<D>(d) });
    },
    started: (it, thread, _r, workerName) =>
      it.emit(thread, 'ActivityStarted', { activityStartedEventDetails: workerName === undefined ? {} : { workerName } }),
    submitted: (it, thread, _r, output) =>
      it.emit(thread, 'ActivitySucceeded', { activitySucceededEventDetails: { output, outputDetails: NOT_TRUNCATED } }),
    succeeded: (it, thread, _r, output) =>
      it.emit(thread, 'ActivitySucceeded', { activitySucceededEventDetails: { output, outputDetails: NOT_TRUNCATED } }),
    failed: (it, thread, r, f, phase) => (phase ? phaseFailures.activity[phase](it, thread, r, f) : it.emit(thread, 'ActivityFailed', { activityFailedEventDetails: err(f) })),
    timedOut: (it, thread, _r, f) => it.emit(thread, 'ActivityTimedOut', { activityTimedOutEventDetails: err(f) }),
  },
  task: {
    scheduled(it, thread, r, s) {
      type D = {
        resourceType: string;
        resource: string;
        region: string;
        parameters: string;
        timeoutInSeconds?: number;
        heartbeatInSeconds?: number;
        taskCredentials?: { roleArn?: string };
      };
      const d: Lazy<D> = { resourceType: r.resourceType, resource: r.resource, region: s.region, parameters: s.payload };
      if (s.timeoutSeconds !== undefined) d.timeoutInSeconds = s.timeoutSeconds;
      if (s.heartbeatSeconds !== undefined) d.heartbeatInSeconds = s.heartbeatSeconds;
      if (s.roleArn !== undefined) d.taskCredentials = { roleArn: s.roleArn };
      return it.emit(thread, 'TaskScheduled', { taskScheduledEventDetails: withLazyTexts<D>(d) });
    },
    started: (it, thread, r) => it.emit(thread, 'TaskStarted', { taskStartedEventDetails: resourceDetails(r) }),
    submitted: (it, thread, r, output) =>
      it.emit(thread, 'TaskSubmitted', { taskSubmittedEventDetails: { ...resourceDetails(r), output, outputDetails: NOT_TRUNCATED } }),
    succeeded: (it, thread, r, output) =>
      it.emit(thread, 'TaskSucceeded', { taskSucceededEventDetails: { ...resourceDetails(r), output, outputDetails: NOT_TRUNCATED } }),
    failed: (it, thread, r, f, phase) =>
      phase ? phaseFailures.task[phase](it, thread, r, f) : it.emit(thread, 'TaskFailed', { taskFailedEventDetails: { ...resourceDetails(r), ...err(f) } }),
    timedOut: (it, thread, r, f) => it.emit(thread, 'TaskTimedOut', { taskTimedOutEventDetails: { ...resourceDetails(r), ...err(f) } }),
  },
};
