import { MAX_EXECUTION_MS } from '../../engine/core/execution-duration-limit';
import { DEFAULT_LIMITS } from '../../engine/core/engine-limits';
import type { ExecutionRecord } from '../../store/records';

/**
 * AWS's time and size conditions on redriving a closed Standard execution (API_RedriveExecution):
 * "has not exceeded the redrivable period of 14 days … This period starts from the day a state
 * machine completes its execution", "has not exceeded the maximum open time of one year", and
 * "The execution event history count is less than 24,999" (room for ExecutionRedriven and one more
 * event under the 25,000-event quota). The reasons are DescribeExecution's redriveStatusReason texts.
 */
export const REDRIVABLE_PERIOD_MS = 14 * 24 * 60 * 60 * 1000;
/** AWS's fixed quota, not the service's `limits` option: a history raised past it is one AWS would not redrive either. */
export const MAX_REDRIVABLE_HISTORY_EVENTS = DEFAULT_LIMITS.maxHistoryEvents - 1;

export const RedriveLimitReasons = {
  historyLimit: 'Execution history event limit exceeded',
  maxExecutionTime: 'Execution has exceeded the max execution time',
  redrivablePeriod: 'Execution redrivable period exceeded',
} as const;

/**
 * Why a closed, unsuccessful execution can no longer be redriven at `now` (the service clock), or
 * undefined. Checked in the order AWS lists the reasons. The open time counts from the start and is
 * used up at the instant the engine's own maximum would end the execution; the redrivable period
 * counts from the last stop, so a redrive that failed again opens a new one.
 */
export function redriveLimitReason(r: Pick<ExecutionRecord, 'startDate' | 'stopDate' | 'eventCount'>, now: number): string | undefined {
  if (r.eventCount >= MAX_REDRIVABLE_HISTORY_EVENTS) return RedriveLimitReasons.historyLimit;
  if (now - r.startDate >= MAX_EXECUTION_MS.STANDARD) return RedriveLimitReasons.maxExecutionTime;
  if (r.stopDate !== undefined && now - r.stopDate > REDRIVABLE_PERIOD_MS) return RedriveLimitReasons.redrivablePeriod;
  return undefined;
}
