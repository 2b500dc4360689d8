import type { EngineCommand } from '../../engine';
import type { MapRunRecord } from '../../store/records';
import type { Store, StoreWrite } from '../../store/store';
import { putDefinition } from '../operations/definitions';

type MapRunStatus = MapRunRecord['status'];

/** MapRunItemCounts / MapRunExecutionCounts with every field AWS sends. */
export interface MapRunCounts {
  pending: number;
  running: number;
  succeeded: number;
  failed: number;
  timedOut: number;
  aborted: number;
  total: number;
  resultsWritten: number;
  failuresNotRedrivable: number;
  pendingRedrive: number;
}

export function emptyCounts(total: number): MapRunCounts {
  return { pending: total, running: 0, succeeded: 0, failed: 0, timedOut: 0, aborted: 0, total, resultsWritten: 0, failuresNotRedrivable: 0, pendingRedrive: 0 };
}

/**
 * The Map Run records one decision changes, written in the same commit as its events: a started run
 * (and the item processor its children run), a redriven run (RUNNING again), a run's end, and, when the execution closes, the end
 * (ABORTED) of every run it still had going. `startedBefore`: whether an earlier decision of the
 * execution started a Map Run (if not, the store holds none of its runs and is not asked).
 */
export function mapRunWrites(store: Store, executionArn: string, at: number, commands: readonly EngineCommand[], startedBefore = true): StoreWrite[] {
  let changed: Map<string, MapRunRecord> | undefined;
  const writes: StoreWrite[] = [];
  const close = (r: MapRunRecord | undefined, status: MapRunStatus) => {
    if (r?.status === 'RUNNING') (changed ??= new Map()).set(r.arn, { ...r, status, stopDate: at });
  };
  for (const c of commands) {
    if (c.kind === 'StartMapRun') {
      const { revisionId, write } = putDefinition(c.definition);
      if (!store.getDefinition(revisionId)) writes.push(write);
      // Items and child executions agree unless ItemBatcher groups items into batches.
      (changed ??= new Map()).set(c.mapRunArn, {
        arn: c.mapRunArn,
        executionArn,
        status: 'RUNNING',
        startDate: at,
        maxConcurrency: c.maxConcurrency,
        toleratedFailurePercentage: c.toleratedFailurePercentage,
        toleratedFailureCount: c.toleratedFailureCount,
        itemCounts: JSON.stringify(emptyCounts(c.itemCount)),
        executionCounts: JSON.stringify(emptyCounts(c.executionCount)),
      });
    } else if (c.kind === 'RedriveMapRun') {
      const r = changed?.get(c.mapRunArn) ?? store.getMapRun(c.mapRunArn);
      if (!r) throw new Error(`runtime bug: no Map Run ${c.mapRunArn} to redrive`);
      const { stopDate: _stopped, ...open } = r;
      const settings = { maxConcurrency: c.maxConcurrency, toleratedFailureCount: c.toleratedFailureCount, toleratedFailurePercentage: c.toleratedFailurePercentage };
      (changed ??= new Map()).set(r.arn, { ...open, ...settings, status: 'RUNNING', redriveCount: c.redriveCount, redriveDate: at });
    } else if (c.kind === 'CloseMapRun') {
      close(changed?.get(c.mapRunArn) ?? store.getMapRun(c.mapRunArn), c.status);
    } else if (c.kind === 'CloseExecution') {
      for (const r of changed?.values() ?? []) close(r, 'ABORTED');
      if (startedBefore) for (const r of store.listMapRuns(executionArn, { limit: Infinity }).items) if (!changed?.has(r.arn)) close(r, 'ABORTED');
    }
  }
  for (const r of changed?.values() ?? []) writes.push({ kind: 'putMapRun', record: r });
  return writes;
}
