import type { ExecutionQuery, ExecutionRecord, MapRunRecord } from '../../store/records';
import { invalidArn, parseStateMachineArn, requireArnType } from '../arns';
import { refuseMapLabelArn } from '../map-label-arns';
import type { Runtime } from '../runtime';
import { ServiceError, type StepFunctionsOperations } from '../step-functions-operations';
import { missing, NotFound } from './errors';
import { describeExecution, isBatched, listItem, redriveStatus } from './execution-views';
import { filteredPage, listPage, pageRequest } from './paging';
import { shownChild } from './pending-redrive';
import { RedriveClientTokens } from './redrive-client-tokens';

type Ops = Pick<StepFunctionsOperations, 'StartExecution' | 'StartSyncExecution' | 'DescribeExecution' | 'ListExecutions' | 'StopExecution' | 'RedriveExecution'>;

/** Executions: start (idempotent by name), start and wait (EXPRESS), describe, list, stop, redrive. */
export function executionOperations(rt: Runtime): Ops {
  const redriveTokens = new RedriveClientTokens();
  const { store } = rt.ctx;

  const execution = (arn: string | undefined): ExecutionRecord => {
    if (!arn) throw missing('executionArn');
    requireArnType(arn, arn.includes(':express:') ? 'express' : 'execution');
    const r = store.getExecution(arn);
    if (!r) throw NotFound.execution(arn);
    return r;
  };

  return {
    async StartExecution(input) {
      if (!input.stateMachineArn) throw missing('stateMachineArn');
      refuseMapLabelArn('StartExecution', input.stateMachineArn);
      const { record } = await rt.starter.start({
        stateMachineArn: input.stateMachineArn,
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.input !== undefined ? { input: input.input } : {}),
        ...(input.traceHeader !== undefined ? { traceHeader: input.traceHeader } : {}),
      });
      return { executionArn: record.arn, startDate: new Date(record.startDate) };
    },

    async StartSyncExecution(input) {
      if (!input.stateMachineArn) throw missing('stateMachineArn');
      const target = parseStateMachineArn(input.stateMachineArn);
      const sm = store.getStateMachine(target.stateMachineArn);
      if (!sm) throw NotFound.stateMachine(input.stateMachineArn);
      if (sm.type !== 'EXPRESS') throw new ServiceError('StateMachineTypeNotSupported', 'This operation is not supported by this type of state machine');
      const { record } = await rt.starter.start({
        stateMachineArn: input.stateMachineArn,
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.input !== undefined ? { input: input.input } : {}),
        ...(input.traceHeader !== undefined ? { traceHeader: input.traceHeader } : {}),
        synchronous: true,
      });
      const done = await rt.host.whenClosed(record.arn);
      const d = describeExecution(done, rt.ctx.clock.now());
      const duration = Math.max(100, Math.ceil(((done.stopDate ?? done.startDate) - done.startDate) / 100) * 100);
      return {
        executionArn: d.executionArn,
        stateMachineArn: d.stateMachineArn,
        name: d.name,
        startDate: d.startDate,
        stopDate: d.stopDate,
        status: d.status as 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT',
        ...(d.error !== undefined ? { error: d.error } : {}),
        ...(d.cause !== undefined ? { cause: d.cause } : {}),
        input: d.input,
        inputDetails: d.inputDetails,
        ...(d.output !== undefined ? { output: d.output } : {}),
        // Present even when the execution failed and has no output (recorded on AWS: localstack's test_express_sync.snapshot.json).
        outputDetails: { included: true },
        ...(d.traceHeader !== undefined ? { traceHeader: d.traceHeader } : {}),
        billingDetails: { billedMemoryUsedInMB: 64, billedDurationInMilliseconds: duration },
      };
    },

    async DescribeExecution({ executionArn }) {
      const r = execution(executionArn);
      return describeExecution(r.mapRunArn === undefined ? r : shownChild(r, store.getMapRun(r.mapRunArn)), rt.ctx.clock.now());
    },

    async ListExecutions(input) {
      if (!input.stateMachineArn && !input.mapRunArn) {
        throw new ServiceError('ValidationException', 'Must provide a StateMachine ARN or MapRun ARN');
      }
      if (input.stateMachineArn && input.mapRunArn) {
        throw new ServiceError('ValidationException', 'Only one of StateMachine ARN or MapRun ARN can be provided');
      }
      const query: ExecutionQuery = {};
      let mapRun: MapRunRecord | undefined;
      if (input.stateMachineArn) {
        const target = parseStateMachineArn(input.stateMachineArn);
        const sm = store.getStateMachine(target.stateMachineArn);
        if (!sm) throw NotFound.stateMachine(input.stateMachineArn);
        // Recorded on AWS (localstack's test_sfn_api_express.snapshot.json).
        if (sm.type === 'EXPRESS') throw new ServiceError('StateMachineTypeNotSupported', 'This operation is not supported by this type of state machine');
        query.stateMachineArn = target.stateMachineArn;
        if (target.kind === 'version') query.stateMachineVersionArn = target.arn;
        if (target.kind === 'alias') query.stateMachineAliasArn = target.arn;
        // "If you provide a stateMachineArn and a PENDING_REDRIVE statusFilter, the API returns a validation exception."
        if (input.statusFilter === 'PENDING_REDRIVE') throw new ServiceError('ValidationException', 'The PENDING_REDRIVE status filter can only be used with a mapRunArn');
      } else {
        requireArnType(input.mapRunArn!, 'mapRun');
        mapRun = store.getMapRun(input.mapRunArn!);
        if (!mapRun) throw NotFound.resource(input.mapRunArn!);
        query.mapRunArn = input.mapRunArn!;
      }
      if (input.statusFilter && !(mapRun && input.statusFilter === 'PENDING_REDRIVE')) query.status = input.statusFilter;
      if (input.redriveFilter === 'REDRIVEN') query.redriven = true;
      if (input.redriveFilter === 'NOT_REDRIVEN') query.redriven = false;
      const request = pageRequest(input.maxResults, input.nextToken);
      const statusFilter = input.statusFilter;
      // A Map Run child waiting to be redriven is PENDING_REDRIVE as shown, not as stored (a stored
      // FAILED child may show as PENDING_REDRIVE): a status filter on a Map Run's children is applied
      // to the children as shown, reading on until the page is full.
      const page = mapRun
        ? filteredPage((r) => store.listExecutions(query, r), (r) => !statusFilter || shownChild(r, mapRun).status === statusFilter, request)
        : listPage(() => store.listExecutions(query, request));
      const items = mapRun ? page.items.map((r) => shownChild(r, mapRun)) : page.items;
      return { executions: items.map((r) => listItem(r, mapRun && { batched: isBatched(mapRun) })), ...(page.next ? { nextToken: page.next } : {}) };
    },

    async StopExecution({ executionArn, error, cause }) {
      const r = execution(executionArn);
      if (r.type === 'EXPRESS' && !executionArn!.includes(':express:')) throw invalidArn(executionArn!);
      if (r.status === 'RUNNING') {
        await rt.host.feed(r.arn, { kind: 'StopExecution', ...(error !== undefined ? { error } : {}), ...(cause !== undefined ? { cause } : {}) });
      }
      const after = store.getExecution(r.arn)!;
      return { stopDate: new Date(after.stopDate ?? rt.ctx.clock.now()) };
    },

    async RedriveExecution({ executionArn, clientToken }) {
      const r = execution(executionArn);
      const now = rt.ctx.clock.now();
      const answered = redriveTokens.answered(r.arn, clientToken, now);
      if (answered !== undefined) return { redriveDate: new Date(answered) };
      const status = redriveStatus(r, now);
      if (status.redriveStatus === 'REDRIVABLE_BY_MAP_RUN') {
        throw new ServiceError('ExecutionNotRedrivable', `Execution with arn '${r.arn}' is a child of Map Run '${r.mapRunArn}': redrive its parent execution`);
      }
      if (status.redriveStatus !== 'REDRIVABLE') {
        throw new ServiceError('ExecutionNotRedrivable', `Execution with arn '${r.arn}' cannot be redriven: ${status.redriveStatusReason}`);
      }
      await rt.host.feed(r.arn, { kind: 'RedriveExecution' });
      const after = store.getExecution(r.arn)!;
      // The redrive counter moves only when the engine took the redrive (the status may already be closed again).
      if (after.redriveCount === r.redriveCount) {
        throw new ServiceError('ExecutionNotRedrivable', `Execution with arn '${r.arn}' cannot be redriven: it has no failed state to run again`);
      }
      const redriveDate = after.redriveDate ?? rt.ctx.clock.now();
      redriveTokens.remember(r.arn, clientToken, now, redriveDate);
      return { redriveDate: new Date(redriveDate) };
    },
  };
}
