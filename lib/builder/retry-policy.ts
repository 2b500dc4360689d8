import type { Catcher, Retrier } from '../asl';
import { WorkflowError } from './workflow-error';

/**
 * A retry policy on a task, Map or Parallel: ASL's Retrier with the builder's spelling.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html#error-handling-retrying-after-an-error
 */
export interface RetryPolicy {
  /** Error names to retry. @default ["States.ALL"] */
  errors?: string[];
  /** Seconds before the first retry; a positive integer. @default 1 */
  intervalSeconds?: number;
  /** Retries after the first attempt; 0 means never retry. @default 3 */
  maxAttempts?: number;
  /** Multiplier of the interval per retry, at least 1.0. @default 2.0 */
  backoffRate?: number;
  /** Cap on any one interval, in seconds. @default no cap */
  maxDelaySeconds?: number;
  /** "FULL" randomises each interval between 0 and its value. @default "NONE" */
  jitter?: 'FULL' | 'NONE';
}

const ALL = 'States.ALL';
/** ASL's own upper bounds on Retrier fields. */
const MAX_ATTEMPTS = 99999999;
const MAX_DELAY_SECONDS = 31622400;

/** The transient Lambda errors AWS recommends retrying on every `lambda:invoke` task. */
export const LAMBDA_TRANSIENT_ERRORS = [
  'Lambda.ServiceException',
  'Lambda.AWSLambdaException',
  'Lambda.SdkClientException',
  'Lambda.TooManyRequestsException',
];

/** AWS's recommended retrier for those errors (what the console generates). */
export const LAMBDA_TRANSIENT_RETRY: RetryPolicy = {
  errors: LAMBDA_TRANSIENT_ERRORS,
  intervalSeconds: 1,
  maxAttempts: 3,
  backoffRate: 2,
  jitter: 'FULL',
};

function isPositiveInteger(n: number): boolean {
  return Number.isInteger(n) && n > 0;
}

/** Checks an error list as ASL does: non-empty, and `States.ALL` alone and last. */
export function checkErrorNames(errors: string[], state: string, field: 'Retry' | 'Catch', position: number): void {
  if (errors.length === 0) {
    throw new WorkflowError(`${field} #${position + 1} has an empty error list`, `name at least one error, or ${ALL}`, state);
  }
  if (errors.includes(ALL) && errors.length > 1) {
    throw new WorkflowError(`${field} #${position + 1} mixes ${ALL} with other error names`, `give ${ALL} its own ${field} entry, placed last`, state);
  }
}

function checkAllLast(lists: string[][], state: string, field: 'Retry' | 'Catch'): void {
  const at = lists.findIndex((errors) => errors.includes(ALL));
  if (at >= 0 && at !== lists.length - 1) {
    throw new WorkflowError(`${field} #${at + 1} uses ${ALL} but is not the last entry, so later entries never match`, `move the ${ALL} entry to the end`, state);
  }
}

/** Validates retry policies and renders them as ASL Retriers. */
export function renderRetry(policies: RetryPolicy[], state: string): Retrier[] {
  const lists = policies.map((p) => p.errors ?? [ALL]);
  policies.forEach((p, i) => {
    checkErrorNames(lists[i], state, 'Retry', i);
    const bad = (what: string, fix: string): never => {
      throw new WorkflowError(`Retry #${i + 1} has an invalid ${what}`, fix, state);
    };
    if (p.intervalSeconds !== undefined && !(isPositiveInteger(p.intervalSeconds) && p.intervalSeconds <= 99999999)) bad(`intervalSeconds (${p.intervalSeconds})`, 'use a positive whole number of seconds');
    if (p.maxAttempts !== undefined && !(Number.isInteger(p.maxAttempts) && p.maxAttempts >= 0 && p.maxAttempts <= MAX_ATTEMPTS)) bad(`maxAttempts (${p.maxAttempts})`, `use a whole number from 0 to ${MAX_ATTEMPTS}`);
    if (p.backoffRate !== undefined && !(Number.isFinite(p.backoffRate) && p.backoffRate >= 1)) bad(`backoffRate (${p.backoffRate})`, 'use a number of at least 1.0');
    if (p.maxDelaySeconds !== undefined && !(isPositiveInteger(p.maxDelaySeconds) && p.maxDelaySeconds <= MAX_DELAY_SECONDS)) bad(`maxDelaySeconds (${p.maxDelaySeconds})`, `use a whole number from 1 to ${MAX_DELAY_SECONDS}`);
    if (p.jitter !== undefined && p.jitter !== 'FULL' && p.jitter !== 'NONE') bad(`jitter (${String(p.jitter)})`, "use 'FULL' or 'NONE'");
  });
  checkAllLast(lists, state, 'Retry');
  return policies.map((p, i) => ({
    ErrorEquals: lists[i],
    ...(p.intervalSeconds !== undefined && { IntervalSeconds: p.intervalSeconds }),
    ...(p.maxAttempts !== undefined && { MaxAttempts: p.maxAttempts }),
    ...(p.backoffRate !== undefined && { BackoffRate: p.backoffRate }),
    ...(p.maxDelaySeconds !== undefined && { MaxDelaySeconds: p.maxDelaySeconds }),
    ...(p.jitter !== undefined && { JitterStrategy: p.jitter }),
  }));
}

/** Worst case: every retrier's attempts are used (each retrier counts its attempts separately). */
export function worstCaseRetries(policies: RetryPolicy[]): number {
  return policies.reduce((sum, p) => sum + (p.maxAttempts ?? 3), 0);
}

/** Validates the error lists of catchers (already rendered) the same way. */
export function checkCatchers(catchers: Catcher[], state: string): void {
  catchers.forEach((c, i) => checkErrorNames(c.ErrorEquals, state, 'Catch', i));
  checkAllLast(catchers.map((c) => c.ErrorEquals), state, 'Catch');
}
