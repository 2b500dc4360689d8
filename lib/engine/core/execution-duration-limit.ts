import type { ExecutionInfo } from '../engine-input';

/**
 * AWS's maximum execution time, a hard quota: 1 year for a Standard execution, 5 minutes for an
 * Express one. "If an execution runs for more than the 1-year maximum [5-minute maximum], it will
 * fail with a `States.Timeout` error and emit a `ExecutionsTimedOut` CloudWatch metric."
 * A year is taken as 365 days (the page gives no number of seconds).
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html#service-limits-state-machine-executions
 */
export const MAX_EXECUTION_MS = {
  STANDARD: 365 * 24 * 60 * 60 * 1000,
  EXPRESS: 5 * 60 * 1000,
} as const;

/** An Express execution is known by its ARN (`arn:aws:states:…:express:…`), as `$$.Execution` is. */
export function maxExecutionMs(info: Pick<ExecutionInfo, 'executionArn'>): number {
  return info.executionArn.split(':')[5] === 'express' ? MAX_EXECUTION_MS.EXPRESS : MAX_EXECUTION_MS.STANDARD;
}

/**
 * When the execution times out: the state machine's TimeoutSeconds from `runFrom` (its start, or
 * the redrive that resumed it), but never later than the quota allows from the execution's start
 * (`limited`: whether the quota applies). Undefined: nothing ends it.
 */
export function executionDeadline(info: Pick<ExecutionInfo, 'executionArn' | 'startTime'>, timeoutSeconds: number | undefined, runFrom: number, limited = true): number | undefined {
  const byTimeout = timeoutSeconds === undefined ? Infinity : runFrom + timeoutSeconds * 1000;
  const byQuota = limited ? info.startTime + maxExecutionMs(info) : Infinity;
  const due = Math.min(byTimeout, byQuota);
  return Number.isFinite(due) ? due : undefined;
}
