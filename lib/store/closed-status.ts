import type { ExecutionStatus } from '../engine/execution-api';

export type ClosedStatus = Exclude<ExecutionStatus, 'RUNNING' | 'PENDING_REDRIVE'>;

/** The statuses of an execution that has ended (PENDING_REDRIVE is about to run again, so it is open). */
export const CLOSED_STATUSES: readonly ClosedStatus[] = ['SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED'];

export function isClosed(status: ExecutionStatus): status is ClosedStatus {
  return (CLOSED_STATUSES as readonly string[]).includes(status);
}

/** The statuses purgeCandidates looks at: those asked for, restricted to closed ones. */
export function purgeStatuses(asked: readonly ExecutionStatus[] | undefined): ClosedStatus[] {
  return asked === undefined ? [...CLOSED_STATUSES] : CLOSED_STATUSES.filter((s) => asked.includes(s));
}
