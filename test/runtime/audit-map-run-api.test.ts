import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  DescribeMapRunCommand,
  ListExecutionsCommand,
  ListMapRunsCommand,
  RedriveExecutionCommand,
  StartExecutionCommand,
  UpdateMapRunCommand,
  type DescribeExecutionCommandOutput,
} from '@aws-sdk/client-sfn';
import { wireService } from '../api/wire-service';
import { pollUntil } from './until';

/**
 * Audit of the Map Run and redrive API surface against the AWS Step Functions API reference
 * (API_DescribeMapRun, API_ListMapRuns, API_UpdateMapRun, API_DescribeExecution, API_ListExecutions,
 * API_ExecutionListItem, API_RedriveExecution), driven over the wire with the SDK.
 */

jest.setTimeout(120_000);
const ROLE = 'arn:aws:iam::123456789012:role/sagaflow';
const wire = wireService({ start: Date.UTC(2026, 0, 1) });
const until = <T>(what: string, check: () => Promise<T | undefined>) => pollUntil(what, check, { attempts: 1000, intervalMs: 10 });

let n = 0;
async function machine(definition: object): Promise<string> {
  const { stateMachineArn } = await wire.client.send(new CreateStateMachineCommand({ name: `audit-${++n}`, definition: JSON.stringify(definition), roleArn: ROLE }));
  return stateMachineArn!;
}
async function start(stateMachineArn: string, input: unknown = {}): Promise<string> {
  return (await wire.client.send(new StartExecutionCommand({ stateMachineArn, input: JSON.stringify(input) }))).executionArn!;
}
async function closed(executionArn: string): Promise<DescribeExecutionCommandOutput> {
  return until(`${executionArn} closed`, async () => {
    const d = await wire.client.send(new DescribeExecutionCommand({ executionArn }));
    return d.status === 'RUNNING' ? undefined : d;
  });
}
const failing = { StartAt: 'F', States: { F: { Type: 'Fail', Error: 'Broke', Cause: 'it broke' } } };
function distributed(processor: object, extra: object = {}) {
  return { StartAt: 'D', States: { D: { Type: 'Map', ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, ...processor }, End: true, ...extra } } };
}
const pass = { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } };

test('DescribeMapRun of a finished run: every required member, all counters of itemCounts and executionCounts, redriveCount 0 and no redriveDate', async () => {
  const sm = await machine(distributed(pass, { Label: 'L', MaxConcurrency: 1 }));
  const arn = await start(sm, [1, 2]);
  expect((await closed(arn)).status).toBe('SUCCEEDED');
  const { mapRuns } = await wire.client.send(new ListMapRunsCommand({ executionArn: arn }));
  const d = await wire.client.send(new DescribeMapRunCommand({ mapRunArn: mapRuns![0]!.mapRunArn }));
  const counters = { pending: 0, running: 0, succeeded: 2, failed: 0, timedOut: 0, aborted: 0, total: 2, resultsWritten: 2, failuresNotRedrivable: 0, pendingRedrive: 0 };
  expect(d).toMatchObject({ executionArn: arn, status: 'SUCCEEDED', maxConcurrency: 1, toleratedFailurePercentage: 0, toleratedFailureCount: 0, itemCounts: counters, executionCounts: counters, redriveCount: 0 });
  expect(d.startDate).toBeInstanceOf(Date);
  expect(d.stopDate).toBeInstanceOf(Date);
  expect(d.redriveDate).toBeUndefined();
});

test('ListMapRuns pages with maxResults and nextToken over the runs of one execution', async () => {
  const sm = await machine({
    StartAt: 'A',
    States: {
      A: { Type: 'Map', Label: 'A', ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, ...pass }, ResultPath: null, Next: 'B' },
      B: { Type: 'Map', Label: 'B', ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'Q', States: { Q: { Type: 'Pass', End: true } } }, End: true },
    },
  });
  const arn = await start(sm, [1]);
  expect((await closed(arn)).status).toBe('SUCCEEDED');
  const first = await wire.client.send(new ListMapRunsCommand({ executionArn: arn, maxResults: 1 }));
  expect(first.mapRuns).toHaveLength(1);
  expect(first.nextToken).toEqual(expect.any(String));
  const second = await wire.client.send(new ListMapRunsCommand({ executionArn: arn, maxResults: 1, nextToken: first.nextToken }));
  expect(second.mapRuns).toHaveLength(1);
  expect(second.nextToken).toBeUndefined();
  expect(new Set([first.mapRuns![0]!.mapRunArn, second.mapRuns![0]!.mapRunArn]).size).toBe(2);
  for (const r of [...first.mapRuns!, ...second.mapRuns!]) expect(r).toMatchObject({ executionArn: arn, startDate: expect.any(Date), stopDate: expect.any(Date) });
});

test('UpdateMapRun ranges: toleratedFailurePercentage above 100, a negative count or concurrency is a ValidationException', async () => {
  const sm = await machine(distributed(pass));
  const arn = await start(sm, [1]);
  await closed(arn);
  const mapRunArn = (await wire.client.send(new ListMapRunsCommand({ executionArn: arn }))).mapRuns![0]!.mapRunArn!;
  for (const bad of [{ toleratedFailurePercentage: 100.5 }, { toleratedFailureCount: -1 }, { maxConcurrency: -1 }]) {
    await expect(wire.client.send(new UpdateMapRunCommand({ mapRunArn, ...bad }))).rejects.toMatchObject({ name: 'ValidationException' });
  }
});

test('DescribeExecution of a failed execution: error and cause, no output, inputDetails included, redriveCount 0, REDRIVABLE with no reason', async () => {
  const arn = await start(await machine(failing));
  const d = await closed(arn);
  expect(d).toMatchObject({ status: 'FAILED', error: 'Broke', cause: 'it broke', inputDetails: { included: true }, redriveCount: 0, redriveStatus: 'REDRIVABLE' });
  expect(d.output).toBeUndefined();
  expect(d.redriveDate).toBeUndefined();
  expect(d.redriveStatusReason).toBeUndefined();
  expect(d.mapRunArn).toBeUndefined();
  expect(d.stateMachineVersionArn).toBeUndefined();
  expect(d.stateMachineAliasArn).toBeUndefined();
});

test('RedriveExecution: a SUCCEEDED or RUNNING execution is ExecutionNotRedrivable; a FAILED one gets redriveDate, redriveCount 1', async () => {
  const ok = await start(await machine(pass));
  await closed(ok);
  await expect(wire.client.send(new RedriveExecutionCommand({ executionArn: ok }))).rejects.toMatchObject({ name: 'ExecutionNotRedrivable' });
  const running = await start(await machine({ StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 3600, End: true } } }));
  await expect(wire.client.send(new RedriveExecutionCommand({ executionArn: running }))).rejects.toMatchObject({ name: 'ExecutionNotRedrivable' });
  expect(await wire.client.send(new DescribeExecutionCommand({ executionArn: running }))).toMatchObject({ redriveStatus: 'NOT_REDRIVABLE', redriveStatusReason: 'Execution is RUNNING and cannot be redriven' });

  const bad = await start(await machine(failing));
  await closed(bad);
  const { redriveDate } = await wire.client.send(new RedriveExecutionCommand({ executionArn: bad }));
  expect(redriveDate).toBeInstanceOf(Date);
  const d = await closed(bad);
  expect(d).toMatchObject({ status: 'FAILED', redriveCount: 1, redriveDate });
});

test('RedriveExecution of an unknown execution is ExecutionDoesNotExist', async () => {
  const sm = await machine(failing);
  const missing = sm.replace(':stateMachine:', ':execution:') + ':nope';
  await expect(wire.client.send(new RedriveExecutionCommand({ executionArn: missing }))).rejects.toMatchObject({ name: 'ExecutionDoesNotExist' });
});

test('ListExecutions by stateMachineArn: no mapRunArn or itemCount on the items, redriveCount on each; redriveFilter splits redriven from not', async () => {
  const sm = await machine(failing);
  const a = await start(sm);
  const b = await start(sm);
  await closed(a);
  await closed(b);
  await wire.client.send(new RedriveExecutionCommand({ executionArn: a }));
  await closed(a);
  const all = (await wire.client.send(new ListExecutionsCommand({ stateMachineArn: sm }))).executions!;
  expect(all).toHaveLength(2);
  for (const e of all) {
    expect(e.mapRunArn).toBeUndefined();
    expect(e.itemCount).toBeUndefined();
    expect(typeof e.redriveCount).toBe('number');
  }
  const redriven = (await wire.client.send(new ListExecutionsCommand({ stateMachineArn: sm, redriveFilter: 'REDRIVEN' }))).executions!;
  expect(redriven.map((e) => e.executionArn)).toEqual([a]);
  expect(redriven[0]).toMatchObject({ redriveCount: 1, redriveDate: expect.any(Date) });
  const notRedriven = (await wire.client.send(new ListExecutionsCommand({ stateMachineArn: sm, redriveFilter: 'NOT_REDRIVEN' }))).executions!;
  expect(notRedriven.map((e) => e.executionArn)).toEqual([b]);
  expect(notRedriven[0]!.redriveCount).toBe(0);
  expect(notRedriven[0]!.redriveDate).toBeUndefined();
});

test('ListExecutions by mapRunArn: children carry mapRunArn and itemCount, stateMachineArn is <machine>/<label>', async () => {
  const sm = await machine(distributed(pass, { Label: 'Kids' }));
  const arn = await start(sm, [1, 2]);
  await closed(arn);
  const mapRunArn = (await wire.client.send(new ListMapRunsCommand({ executionArn: arn }))).mapRuns![0]!.mapRunArn!;
  const kids = (await wire.client.send(new ListExecutionsCommand({ mapRunArn }))).executions!;
  expect(kids).toHaveLength(2);
  for (const k of kids) expect(k).toMatchObject({ mapRunArn, itemCount: 1, stateMachineArn: `${sm}/Kids`, status: 'SUCCEEDED', redriveCount: 0 });
  const child = await wire.client.send(new DescribeExecutionCommand({ executionArn: kids[0]!.executionArn }));
  expect(child).toMatchObject({ mapRunArn, redriveStatus: 'NOT_REDRIVABLE', redriveStatusReason: 'Execution is SUCCEEDED and cannot be redriven' });
});

test('ListExecutions with neither or both of stateMachineArn and mapRunArn is a ValidationException', async () => {
  const sm = await machine(distributed(pass));
  const arn = await start(sm, [1]);
  await closed(arn);
  const mapRunArn = (await wire.client.send(new ListMapRunsCommand({ executionArn: arn }))).mapRuns![0]!.mapRunArn!;
  await expect(wire.client.send(new ListExecutionsCommand({}))).rejects.toMatchObject({ name: 'ValidationException' });
  await expect(wire.client.send(new ListExecutionsCommand({ stateMachineArn: sm, mapRunArn }))).rejects.toMatchObject({ name: 'ValidationException' });
});

test('ListExecutions by mapRunArn with redriveFilter: after the parent is redriven, the redriven child is REDRIVEN, the others NOT_REDRIVEN', async () => {
  // Item 0 matches no choice (States.NoChoiceMatched) until its child is redriven; the redrive reruns the Choice.
  const processor = { StartAt: 'C', States: { C: { Type: 'Choice', Choices: [{ Variable: '$$.Execution.RedriveCount', NumericGreaterThan: 0, Next: 'P' }, { Variable: '$', NumericEquals: 1, Next: 'P' }] }, P: { Type: 'Pass', End: true } } };
  const sm = await machine(distributed(processor));
  const arn = await start(sm, [0, 1]);
  expect((await closed(arn)).status).toBe('FAILED');
  const mapRunArn = (await wire.client.send(new ListMapRunsCommand({ executionArn: arn }))).mapRuns![0]!.mapRunArn!;
  await wire.client.send(new RedriveExecutionCommand({ executionArn: arn }));
  expect((await closed(arn)).status).toBe('SUCCEEDED');
  const redriven = (await wire.client.send(new ListExecutionsCommand({ mapRunArn, redriveFilter: 'REDRIVEN' }))).executions!;
  expect(redriven).toHaveLength(1);
  expect(redriven[0]).toMatchObject({ status: 'SUCCEEDED', redriveCount: 1, redriveDate: expect.any(Date), mapRunArn });
  const not = (await wire.client.send(new ListExecutionsCommand({ mapRunArn, redriveFilter: 'NOT_REDRIVEN' }))).executions!;
  expect(not).toHaveLength(1);
  expect(not[0]).toMatchObject({ status: 'SUCCEEDED', redriveCount: 0 });
  expect(await wire.client.send(new DescribeMapRunCommand({ mapRunArn }))).toMatchObject({ status: 'SUCCEEDED', redriveCount: 1, redriveDate: expect.any(Date) });
});

test('RedriveExecution clientToken longer than 64 characters is a ValidationException', async () => {
  const arn = await start(await machine(failing));
  await closed(arn);
  await expect(wire.client.send(new RedriveExecutionCommand({ executionArn: arn, clientToken: 'x'.repeat(65) }))).rejects.toMatchObject({ name: 'ValidationException' });
});

// API_ListExecutions, statusFilter: "If you provide a stateMachineArn and a PENDING_REDRIVE statusFilter, the API returns a validation exception."
test('ListExecutions with a stateMachineArn and statusFilter PENDING_REDRIVE is a ValidationException', async () => {
  const sm = await machine(failing);
  await closed(await start(sm));
  await expect(wire.client.send(new ListExecutionsCommand({ stateMachineArn: sm, statusFilter: 'PENDING_REDRIVE' }))).rejects.toMatchObject({ name: 'ValidationException', message: 'The PENDING_REDRIVE status filter can only be used with a mapRunArn' });
});

// API_RedriveExecution, clientToken: "The API will return idempotent responses for the last 10 client tokens used to
// successfully redrive the execution. These client tokens are valid for up to 15 minutes after they are first used."
test('RedriveExecution repeated with the same clientToken is answered idempotently: no second redrive, the same redriveDate', async () => {
  const arn = await start(await machine(failing));
  await closed(arn);
  const first = await wire.client.send(new RedriveExecutionCommand({ executionArn: arn, clientToken: 'same-token' }));
  expect((await closed(arn)).redriveCount).toBe(1);
  const again = await wire.client.send(new RedriveExecutionCommand({ executionArn: arn, clientToken: 'same-token' }));
  expect(again.redriveDate).toEqual(first.redriveDate);
  expect((await closed(arn)).redriveCount).toBe(1);
});

const DAY = 24 * 60 * 60 * 1000;
async function advance(ms: number) {
  await fetch(`${wire.url}/_sagaflow/clock/advance`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ms }) });
}
const distributedFailing = { StartAt: 'D', States: { D: { Type: 'Map', ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, ...failing }, End: true } } };

// API_DescribeExecution, redriveStatus: "For a Distributed Map that includes child workflows of type STANDARD, redriveStatus
// indicates whether or not the Map Run can redrive child workflow executions." redrive-map-run.html: "The parent workflow is
// redrivable. If the parent workflow isn't redrivable, you can't redrive the child workflow executions in a Map Run."
// API_MapRunExecutionCounts, failuresNotRedrivable: "child workflows with an execution status of FAILED, ABORTED, or TIMED_OUT and a redriveStatus of NOT_REDRIVABLE."
test('a failed Map Run child whose parent is past the 14-day redrivable period is NOT_REDRIVABLE and counted in failuresNotRedrivable', async () => {
  const parent = (await wire.client.send(new StartExecutionCommand({ stateMachineArn: await machine(distributedFailing), input: '[1]' }))).executionArn!;
  expect((await closed(parent)).status).toBe('FAILED');
  const mapRunArn = (await wire.client.send(new ListMapRunsCommand({ executionArn: parent }))).mapRuns![0]!.mapRunArn!;
  const [kid] = (await wire.client.send(new ListExecutionsCommand({ mapRunArn }))).executions!;
  expect((await wire.client.send(new DescribeExecutionCommand({ executionArn: kid!.executionArn }))).redriveStatus).toBe('REDRIVABLE_BY_MAP_RUN');
  await advance(15 * DAY);
  expect(await wire.client.send(new DescribeExecutionCommand({ executionArn: parent }))).toMatchObject({ redriveStatus: 'NOT_REDRIVABLE', redriveStatusReason: 'Execution redrivable period exceeded' });
  const child = await wire.client.send(new DescribeExecutionCommand({ executionArn: kid!.executionArn }));
  expect(child.redriveStatus).toBe('NOT_REDRIVABLE');
  const counts = (await wire.client.send(new DescribeMapRunCommand({ mapRunArn }))).executionCounts!;
  expect(counts).toMatchObject({ failed: 1, failuresNotRedrivable: 1 });
});

// API_DescribeExecution, redriveStatusReason: "For executions of type STANDARD, or for a Distributed Map that includes child
