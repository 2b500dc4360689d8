import { StatesErrors, type Catcher, type Retrier } from '../../asl';
import type { EngineFailure } from './engine-failure';

/**
 * Whether an ErrorEquals list matches a failure, as AWS matches it:
 * States.ALL matches any error except States.Runtime and States.DataLimitExceeded (terminal unless
 * named), save a task's result over the quota, which it does match (recorded on AWS);
 * States.TaskFailed matches any error except States.Timeout; a heartbeat expiry (reported as
 * States.Timeout) is also matched by States.HeartbeatTimeout.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html
 */
export function errorMatches(errorEquals: readonly string[], failure: EngineFailure): boolean {
  const error = failure.error;
  for (const name of errorEquals) {
    if (name === error) return true;
    if (name === StatesErrors.HeartbeatTimeout && failure.heartbeat) return true;
    if (name === StatesErrors.ALL && !isTerminalForWildcards(failure)) return true;
    if (name === StatesErrors.TaskFailed && error !== StatesErrors.Timeout && !isTerminalForWildcards(failure)) return true;
  }
  return false;
}

function isTerminalForWildcards(failure: EngineFailure): boolean {
  if (failure.error === StatesErrors.Runtime) return true;
  return failure.error === StatesErrors.DataLimitExceeded && !failure.taskResult;
}

/** States.Runtime is never retried nor caught: "A retry or catch on States.ALL won't catch States.Runtime errors." */
export function isUnrecoverable(failure: EngineFailure): boolean {
  return failure.error === StatesErrors.Runtime;
}

export function findRetrier(retriers: readonly Retrier[] | undefined, failure: EngineFailure): number {
  if (!retriers) return -1;
  return retriers.findIndex((r) => errorMatches(r.ErrorEquals, failure));
}

export function findCatcher(catchers: readonly Catcher[] | undefined, failure: EngineFailure): number {
  if (!catchers) return -1;
  return catchers.findIndex((c) => errorMatches(c.ErrorEquals, failure));
}

/**
 * The wait before retry number `attempt` (0-based) of a retrier, in milliseconds:
 * IntervalSeconds × BackoffRate^attempt, capped by MaxDelaySeconds; FULL jitter draws uniformly
 * from [0, delay) with the execution's seeded randomness.
 */
export function retryDelayMs(retrier: Retrier, attempt: number, random: () => number): number {
  const interval = retrier.IntervalSeconds ?? 1;
  const backoff = retrier.BackoffRate ?? 2;
  let seconds = interval * Math.pow(backoff, attempt);
  if (retrier.MaxDelaySeconds !== undefined) seconds = Math.min(seconds, retrier.MaxDelaySeconds);
  if (retrier.JitterStrategy === 'FULL') seconds = seconds * random();
  return Math.round(seconds * 1000);
}
