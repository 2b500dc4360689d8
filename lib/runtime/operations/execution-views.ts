import type * as sfn from '@aws-sdk/client-sfn';
import type { ExecutionRecord, MapRunRecord } from '../../store/records';
import { redriveLimitReason } from './redrive-eligibility';

type Output<T> = Omit<T, '$metadata'>;

/** Whether RedriveExecution would take the execution at `now` (the service clock), and AWS's reason when not. */
export function redriveStatus(r: ExecutionRecord, now: number): { redriveStatus: sfn.ExecutionRedriveStatus; redriveStatusReason?: string } {
  // A Map Run's child is redriven with its parent's Map Run, never on its own; an EXPRESS one too ("You can
  // redrive failed or timed out EXPRESS workflows only if they're a part of a Map Run", API_DescribeExecution).
  if (r.mapRunArn !== undefined && r.status !== 'RUNNING' && r.status !== 'SUCCEEDED') {
    // A Standard child past a redrive condition of its own (its history quota, its open time, its
    // 14 days) cannot be: "redriveStatusReason can include … for a Distributed Map that includes
    // child workflows of type STANDARD" the same reasons (API_DescribeExecution).
    const limit = r.type === 'STANDARD' && r.status !== 'PENDING_REDRIVE' ? redriveLimitReason(r, now) : undefined;
    if (limit !== undefined) return { redriveStatus: 'NOT_REDRIVABLE', redriveStatusReason: limit };
    return { redriveStatus: 'REDRIVABLE_BY_MAP_RUN' };
  }
  if (r.type === 'EXPRESS') return { redriveStatus: 'NOT_REDRIVABLE', redriveStatusReason: 'Execution is EXPRESS and cannot be redriven' };
  if (r.status === 'RUNNING' || r.status === 'SUCCEEDED' || r.status === 'PENDING_REDRIVE') {
    return { redriveStatus: 'NOT_REDRIVABLE', redriveStatusReason: `Execution is ${r.status} and cannot be redriven` };
  }
  const limit = redriveLimitReason(r, now);
  if (limit !== undefined) return { redriveStatus: 'NOT_REDRIVABLE', redriveStatusReason: limit };
  return { redriveStatus: 'REDRIVABLE' };
}

export function describeExecution(r: ExecutionRecord, now: number): Output<sfn.DescribeExecutionOutput> {
  const out: Output<sfn.DescribeExecutionOutput> = {
    executionArn: r.arn,
    stateMachineArn: r.stateMachineArn,
    name: r.name,
    status: r.status,
    startDate: new Date(r.startDate),
    input: r.input,
    inputDetails: { included: true },
  };
  if (r.stopDate !== undefined) out.stopDate = new Date(r.stopDate);
  if (r.output !== undefined) {
    out.output = r.output;
    out.outputDetails = { included: true };
  }
  // A timed-out execution reports States.Timeout only in its history event, not here (floci-io/floci#2733, measured).
  if (r.status !== 'TIMED_OUT') {
    if (r.error !== undefined) out.error = r.error;
    if (r.cause !== undefined) out.cause = r.cause;
  }
  if (r.traceHeader !== undefined) out.traceHeader = r.traceHeader;
  if (r.mapRunArn !== undefined) out.mapRunArn = r.mapRunArn;
  if (r.stateMachineVersionArn !== undefined) out.stateMachineVersionArn = r.stateMachineVersionArn;
  if (r.stateMachineAliasArn !== undefined) out.stateMachineAliasArn = r.stateMachineAliasArn;
  out.redriveCount = r.redriveCount;
  if (r.redriveDate !== undefined) out.redriveDate = new Date(r.redriveDate);
  Object.assign(out, redriveStatus(r, now));
  return out;
}

/** Whether a Map Run's children hold batches of items: its item and execution totals differ. */
export function isBatched(m: MapRunRecord): boolean {
  return (JSON.parse(m.itemCounts) as { total: number }).total !== (JSON.parse(m.executionCounts) as { total: number }).total;
}

/** How many items a Map Run child holds: one, or in a batched run the length of its input's `Items`. */
export function itemCountOf(r: ExecutionRecord, batched: boolean): number {
  if (!batched) return 1;
  const items = (JSON.parse(r.input) as { Items?: unknown }).Items;
  return Array.isArray(items) ? items.length : 1;
}

/** A ListExecutions item; `byMapRun` when the list was asked by mapRunArn, the only case AWS adds mapRunArn and itemCount. */
export function listItem(r: ExecutionRecord, byMapRun?: { batched: boolean }): sfn.ExecutionListItem {
  const item: sfn.ExecutionListItem = { executionArn: r.arn, stateMachineArn: r.stateMachineArn, name: r.name, status: r.status, startDate: new Date(r.startDate) };
  if (r.stopDate !== undefined) item.stopDate = new Date(r.stopDate);
  if (byMapRun && r.mapRunArn !== undefined) {
    item.mapRunArn = r.mapRunArn;
    item.itemCount = itemCountOf(r, byMapRun.batched);
  }
  if (r.stateMachineVersionArn !== undefined) item.stateMachineVersionArn = r.stateMachineVersionArn;
  if (r.stateMachineAliasArn !== undefined) item.stateMachineAliasArn = r.stateMachineAliasArn;
  item.redriveCount = r.redriveCount;
  if (r.redriveDate !== undefined) item.redriveDate = new Date(r.redriveDate);
  return item;
}
