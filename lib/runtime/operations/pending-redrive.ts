import type { ExecutionRecord, MapRunRecord } from '../../store/records';

const UNSUCCESSFUL = new Set(['FAILED', 'TIMED_OUT', 'ABORTED']);

/**
 * Whether a Map Run child waits to be redriven: its Map Run is running a redrive, and the child ended
 * unsuccessfully in an earlier run of it and has not run again yet (held back by MaxConcurrency).
 * AWS shows such a child as PENDING_REDRIVE and counts it in `pendingRedrive`; once the Map Run ends,
 * none is pending any more ("the count … in the Pending redrive state is reset to 0").
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/redrive-map-run.html#redrive-child-workflow-behavior
 */
export function pendingRedrive(child: ExecutionRecord, mapRun: MapRunRecord | undefined): boolean {
  return mapRun?.status === 'RUNNING' && (mapRun.redriveCount ?? 0) > (child.mapRunRedrive ?? 0) && UNSUCCESSFUL.has(child.status);
}

/** The child as the API shows it: PENDING_REDRIVE while it waits to be redriven. */
export function shownChild(child: ExecutionRecord, mapRun: MapRunRecord | undefined): ExecutionRecord {
  return pendingRedrive(child, mapRun) ? { ...child, status: 'PENDING_REDRIVE' } : child;
}
