import { StatesErrors, type Failure } from '../../asl';
import { isStatesFailure, StatesFailure } from '../states-failure';

/** A failure as the engine carries it through Retry and Catch: AWS's error and cause, and what else it answers to. */
export interface EngineFailure extends Failure {
  /** A heartbeat expiry reports States.Timeout, yet Retry and Catch on States.HeartbeatTimeout match it too. */
  readonly heartbeat?: boolean;
}

/** A StatesFailure that also answers to States.HeartbeatTimeout. */
class HeartbeatFailure extends StatesFailure {
  readonly heartbeat = true;
}

/** Thrown when HeartbeatSeconds pass without a heartbeat: AWS records States.Timeout with no cause. */
export function heartbeatTimeout(): StatesFailure {
  return new HeartbeatFailure(StatesErrors.Timeout, undefined as unknown as string);
}

/** Raises failure data again (a branch's failure as its Parallel or Map state's own). */
export function toStatesFailure(f: EngineFailure): StatesFailure {
  const cause = f.cause as string;
  return f.heartbeat ? new HeartbeatFailure(f.error, cause) : new StatesFailure(f.error, cause);
}

/** The failure data a thrown StatesFailure stands for. */
export function failureFrom(e: StatesFailure): EngineFailure {
  const heartbeat = e instanceof HeartbeatFailure;
  if (e.cause === undefined) return heartbeat ? { error: e.error, heartbeat } : { error: e.error };
  return heartbeat ? { error: e.error, cause: e.cause, heartbeat } : { error: e.error, cause: e.cause };
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

/** The `{Error, Cause}` object a Catch or a failed Map item hands on. */
export function errorOutput(f: Failure): { Error: string; Cause?: string } {
  return f.cause === undefined ? { Error: f.error } : { Error: f.error, Cause: f.cause };
}
