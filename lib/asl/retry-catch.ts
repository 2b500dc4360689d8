import type { Json } from './json';

/** @see https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html#error-handling-retrying-after-an-error */
export interface Retrier {
  ErrorEquals: string[];
  /** @default 1 */
  IntervalSeconds?: number;
  /** @default 3 */
  MaxAttempts?: number;
  /** @default 2.0 */
  BackoffRate?: number;
  MaxDelaySeconds?: number;
  /** @default "NONE" */
  JitterStrategy?: 'FULL' | 'NONE';
  Comment?: string;
}

/** @see https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html#error-handling-fallback-states */
export interface Catcher {
  ErrorEquals: string[];
  Next: string;
  /** JSONPath only. @default "$" */
  ResultPath?: string | null;
  /** JSONata only. */
  Output?: Json;
  Assign?: Record<string, Json>;
  Comment?: string;
}
