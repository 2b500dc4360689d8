import type * as sfn from '@aws-sdk/client-sfn';
import type { MapRunRecord } from '../../store/records';
import type { Store } from '../../store/store';
import { requireArnType } from '../arns';
import { emptyCounts, type MapRunCounts } from '../dispatch/map-run-records';
import { isBatched, itemCountOf, redriveStatus } from './execution-views';
import type { Runtime } from '../runtime';
import type { StepFunctionsOperations } from '../step-functions-operations';
import { missing, NotFound } from './errors';
import { pendingRedrive } from './pending-redrive';
import { listPage, pageRequest } from './paging';

type Ops = Pick<StepFunctionsOperations, 'DescribeMapRun' | 'ListMapRuns' | 'UpdateMapRun'>;

const countOf: Record<string, keyof MapRunCounts> = { RUNNING: 'running', SUCCEEDED: 'succeeded', FAILED: 'failed', TIMED_OUT: 'timedOut', ABORTED: 'aborted' };

/**
 * A Map Run's counts, read from its children: what has not started is pending. executionCounts
 * counts child executions; itemCounts counts the items they hold, one each unless ItemBatcher
 * batched them. Without a ResultWriter a child's result is written to the Map's output when it
 * succeeds (resultsWritten, as recorded on AWS). While a redrive runs, the unsuccessful children of
 * earlier runs not yet run again count as pendingRedrive ("unsuccessful child workflow executions
 * currently waiting to be redriven", API_MapRunExecutionCounts), not under their old status.
 */
function countsOf(store: Store, m: MapRunRecord, now: number): { items: MapRunCounts; executions: MapRunCounts } {
  const items = emptyCounts((JSON.parse(m.itemCounts) as MapRunCounts).total);
  const executions = emptyCounts((JSON.parse(m.executionCounts) as MapRunCounts).total);
  const batched = isBatched(m);
  for (const child of store.listExecutions({ mapRunArn: m.arn }, { limit: Infinity }).items) {
    const key = pendingRedrive(child, m) ? 'pendingRedrive' : countOf[child.status];
    if (key === undefined) continue;
    const held = itemCountOf(child, batched);
    items[key] += held;
    items.pending -= held;
    executions[key]++;
    executions.pending--;
    // "FAILED, ABORTED, or TIMED_OUT child workflow executions that cannot be redriven" (API_MapRunExecutionCounts).
    if (key !== 'pendingRedrive' && key !== 'running' && key !== 'succeeded' && redriveStatus(child, now).redriveStatus === 'NOT_REDRIVABLE') {
      items.failuresNotRedrivable += held;
      executions.failuresNotRedrivable++;
    }
  }
  items.resultsWritten = items.succeeded;
  executions.resultsWritten = executions.succeeded;
  return { items, executions };
}

/** Map Runs of Distributed Map states: their progress, the runs of an execution, and changes to a running one. */
export function mapRunOperations(rt: Runtime): Ops {
  const { store } = rt.ctx;
  const mapRun = (arn: string | undefined) => {
    if (!arn) throw missing('mapRunArn');
    requireArnType(arn, 'mapRun');
    const m = store.getMapRun(arn);
    if (!m) throw NotFound.resource(arn);
    return m;
  };
  return {
    async DescribeMapRun({ mapRunArn }) {
      const m = mapRun(mapRunArn);
      const { items, executions } = countsOf(store, m, rt.ctx.clock.now());
      return {
        mapRunArn: m.arn,
        executionArn: m.executionArn,
        status: m.status,
        startDate: new Date(m.startDate),
        ...(m.stopDate !== undefined ? { stopDate: new Date(m.stopDate) } : {}),
        maxConcurrency: m.maxConcurrency,
        toleratedFailurePercentage: m.toleratedFailurePercentage,
        toleratedFailureCount: m.toleratedFailureCount,
        itemCounts: items as sfn.MapRunItemCounts,
        executionCounts: executions as sfn.MapRunExecutionCounts,
        // "If you have not yet redriven a Map Run, the redriveCount is 0" and there is no redriveDate (API_DescribeMapRun).
        redriveCount: m.redriveCount ?? 0,
        ...(m.redriveDate !== undefined ? { redriveDate: new Date(m.redriveDate) } : {}),
      };
    },
    async ListMapRuns({ executionArn, maxResults, nextToken }) {
      if (!executionArn) throw missing('executionArn');
      requireArnType(executionArn, 'execution');
      if (!store.getExecution(executionArn)) throw NotFound.execution(executionArn);
      const page = listPage(() => store.listMapRuns(executionArn, pageRequest(maxResults, nextToken)));
      return {
        // The state machine a run's children ran as: `…:stateMachine:<name>/<label>` (recorded on AWS).
        mapRuns: page.items.map((m) => ({ executionArn: m.executionArn, mapRunArn: m.arn, stateMachineArn: m.arn.replace(':mapRun:', ':stateMachine:').replace(/:[^:]*$/, ''), startDate: new Date(m.startDate), ...(m.stopDate !== undefined ? { stopDate: new Date(m.stopDate) } : {}) })),
        ...(page.next ? { nextToken: page.next } : {}),
      };
    },
    /** The new settings are recorded, and a running Map Run applies them from now on (its execution decides which children start). */
    async UpdateMapRun({ mapRunArn, maxConcurrency, toleratedFailureCount, toleratedFailurePercentage }) {
      const m = { ...mapRun(mapRunArn) };
      if (maxConcurrency !== undefined) m.maxConcurrency = maxConcurrency;
      if (toleratedFailureCount !== undefined) m.toleratedFailureCount = toleratedFailureCount;
      if (toleratedFailurePercentage !== undefined) m.toleratedFailurePercentage = toleratedFailurePercentage;
      await store.write([{ kind: 'putMapRun', record: m }]);
      if (m.status === 'RUNNING') {
        await rt.host.feed(m.executionArn, {
          kind: 'UpdateMapRun',
          mapRunArn: m.arn,
          ...(maxConcurrency !== undefined ? { maxConcurrency } : {}),
          ...(toleratedFailureCount !== undefined ? { toleratedFailureCount } : {}),
          ...(toleratedFailurePercentage !== undefined ? { toleratedFailurePercentage } : {}),
        });
      }
      return {};
    },
  };
}
