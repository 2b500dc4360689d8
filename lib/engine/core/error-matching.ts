import { StatesErrors, type Catcher, type Failure, type Retrier } from '../../asl';

/**
 * Whether an ErrorEquals list matches an error, as AWS matches it:
 * States.ALL matches any error except States.Runtime and States.DataLimitExceeded (terminal unless
 * named); States.TaskFailed matches any error except States.Timeout.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html
 */
export function errorMatches(errorEquals: readonly string[], error: string): boolean {
  for (const name of errorEquals) {
    if (name === error) return true;
    if (name === StatesErrors.ALL && !isTerminalForWildcards(error)) return true;
    if (name === StatesErrors.TaskFailed && error !== StatesErrors.Timeout && !isTerminalForWildcards(error)) return true;
  }
  return false;
}

function isTerminalForWildcards(error: string): boolean {
  return error === StatesErrors.Runtime || error === StatesErrors.DataLimitExceeded;
}

/** States.Runtime is never retried nor caught: "A retry or catch on States.ALL won't catch States.Runtime errors." */
export function isUnrecoverable(failure: Failure): boolean {
  return failure.error === StatesErrors.Runtime;
}

export function findRetrier(retriers: readonly Retrier[] | undefined, error: string): number {
  if (!retriers) return -1;
  return retriers.findIndex((r) => errorMatches(r.ErrorEquals, error));
}

export function findCatcher(catchers: readonly Catcher[] | undefined, error: string): number {
  if (!catchers) return -1;
  return catchers.findIndex((c) => errorMatches(c.ErrorEquals, error));
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
