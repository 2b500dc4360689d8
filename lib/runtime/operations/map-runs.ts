import type * as sfn from '@aws-sdk/client-sfn';
import { requireArnType } from '../arns';
import type { Runtime } from '../runtime';
import type { StepFunctionsOperations } from '../step-functions-operations';
import { missing, NotFound } from './errors';
import { listPage, pageRequest } from './paging';

type Ops = Pick<StepFunctionsOperations, 'DescribeMapRun' | 'ListMapRuns' | 'UpdateMapRun'>;

/** Map Runs of Distributed Map states. */
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
      return {
        mapRunArn: m.arn,
        executionArn: m.executionArn,
        status: m.status,
        startDate: new Date(m.startDate),
        ...(m.stopDate !== undefined ? { stopDate: new Date(m.stopDate) } : {}),
        maxConcurrency: m.maxConcurrency,
        toleratedFailurePercentage: m.toleratedFailurePercentage,
        toleratedFailureCount: m.toleratedFailureCount,
        itemCounts: JSON.parse(m.itemCounts) as sfn.MapRunItemCounts,
        executionCounts: JSON.parse(m.executionCounts) as sfn.MapRunExecutionCounts,
        redriveCount: 0,
      };
    },
    async ListMapRuns({ executionArn, maxResults, nextToken }) {
      if (!executionArn) throw missing('executionArn');
      requireArnType(executionArn, 'execution');
      if (!store.getExecution(executionArn)) throw NotFound.execution(executionArn);
      const page = listPage(() => store.listMapRuns(executionArn, pageRequest(maxResults, nextToken)));
      return {
        mapRuns: page.items.map((m) => ({ executionArn: m.executionArn, mapRunArn: m.arn, stateMachineArn: m.arn.replace(':mapRun:', ':stateMachine:').replace(/:[^:]*$/, ''), startDate: new Date(m.startDate), ...(m.stopDate !== undefined ? { stopDate: new Date(m.stopDate) } : {}) })),
        ...(page.next ? { nextToken: page.next } : {}),
      };
    },
    async UpdateMapRun({ mapRunArn, maxConcurrency, toleratedFailureCount, toleratedFailurePercentage }) {
      const m = { ...mapRun(mapRunArn) };
      if (maxConcurrency !== undefined) m.maxConcurrency = maxConcurrency;
      if (toleratedFailureCount !== undefined) m.toleratedFailureCount = toleratedFailureCount;
      if (toleratedFailurePercentage !== undefined) m.toleratedFailurePercentage = toleratedFailurePercentage;
      await store.write([{ kind: 'putMapRun', record: m }]);
      return {};
    },
  };
}
