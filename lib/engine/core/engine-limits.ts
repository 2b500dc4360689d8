import type { EngineLimits, EngineOptions } from '../execution-api';

/** @see https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html */
export const DEFAULT_LIMITS: EngineLimits = { maxPayloadBytes: 262144, maxHistoryEvents: 25000 };

export function limitsOf(options?: EngineOptions): EngineLimits {
  return { ...DEFAULT_LIMITS, ...options?.limits };
}

/** AWS's texts for quota failures. */
export const LimitCauses = {
  /** @see https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html (States.DataLimitExceeded) */
  dataLimit: (name: string) =>
    `The state/task '${name}' returned a result with a size exceeding the maximum number of bytes service limit.`,
  /**
   * A Task's effective parameters over the quota, before anything is scheduled (an AWS production
   * error quoted in mbc-net/mbc-cqrs-serverless#466: "The state/task 'check_version' provided parameters …").
   */
  parametersLimit: (name: string) =>
    `The state/task '${name}' provided parameters with a size exceeding the maximum number of bytes service limit.`,
  /** @see https://docs.aws.amazon.com/step-functions/latest/dg/bp-history-limit.html */
  historyLimit: (max: number) => `The execution reached the maximum number of history events (${max}).`,
} as const;
