import { StatesErrors, type Failure } from '../../asl';
import { isStatesFailure, StatesFailure } from '../states-failure';

/** A failure as the engine carries it through Retry and Catch: AWS's error and cause, and what else it answers to. */
export interface EngineFailure extends Failure {
  /** A heartbeat expiry reports States.Timeout, yet Retry and Catch on States.HeartbeatTimeout match it too. */
  readonly heartbeat?: boolean;
  /** A task's TimeoutSeconds or HeartbeatSeconds ran out: its events carry no cause, yet the error output's Cause is "". */
  readonly timedOut?: boolean;
}

/** A StatesFailure for a task whose time ran out. */
class TimeoutFailure extends StatesFailure {
  readonly timedOut = true;
}

/** A timeout that also answers to States.HeartbeatTimeout. */
class HeartbeatFailure extends TimeoutFailure {
  readonly heartbeat = true;
}

/** Thrown when a task's TimeoutSeconds pass: AWS records States.Timeout with no cause. */
export function taskTimeout(): StatesFailure {
  return new TimeoutFailure(StatesErrors.Timeout, undefined as unknown as string);
}

/** Thrown when HeartbeatSeconds pass without a heartbeat: AWS records States.Timeout with no cause. */
export function heartbeatTimeout(): StatesFailure {
  return new HeartbeatFailure(StatesErrors.Timeout, undefined as unknown as string);
}

/** Raises failure data again (a branch's failure as its Parallel or Map state's own). */
export function toStatesFailure(f: EngineFailure): StatesFailure {
  const cause = f.cause as string;
  if (f.heartbeat) return new HeartbeatFailure(f.error, cause);
  return f.timedOut ? new TimeoutFailure(f.error, cause) : new StatesFailure(f.error, cause);
}

/** The failure data a thrown StatesFailure stands for. */
export function failureFrom(e: StatesFailure): EngineFailure {
  const f: { error: string; cause?: string; heartbeat?: boolean; timedOut?: boolean } = { error: e.error };
  if (e.cause !== undefined) f.cause = e.cause;
  if (e instanceof TimeoutFailure) f.timedOut = true;
  if (e instanceof HeartbeatFailure) f.heartbeat = true;
  return f;
}

export function asEngineFailure(e: unknown): EngineFailure | undefined {
  return isStatesFailure(e) ? failureFrom(e) : undefined;
}

/** `{error, cause}` with absent keys left out, as AWS writes event details. */
export function errorDetails(f: Failure): { error?: string; cause?: string } {
  const d: { error?: string; cause?: string } = {};
  if (f.error !== undefined) d.error = f.error;
  if (f.cause !== undefined) d.cause = f.cause;
  return d;
}

/**
 * The `{Error, Cause}` object a Catch or a failed Map item hands on. A timed-out task hands on an
 * empty Cause (localstack test_task_service_lambda.snapshot.json test_invoke_timeout, recorded on AWS;
 * aws-samples/serverless-coffee-workshop#15 quotes `{"Error":"States.Timeout","Cause":""}` from AWS).
 */
export function errorOutput(f: EngineFailure): { Error: string; Cause?: string } {
  if (f.cause !== undefined) return { Error: f.error, Cause: f.cause };
  return f.timedOut ? { Error: f.error, Cause: '' } : { Error: f.error };
}
