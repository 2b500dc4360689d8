import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openFixture, START, types, type Fixture } from './service-fixture';
import { pollUntil } from './until';

/**
 * Redriving a parent whose Distributed Map did not finish redrives its Map Run: the same Map Run
 * (MapRunRedriven, redriveCount + 1) reruns only the children that did not succeed. STANDARD
 * children are redriven (same ARN, redriveCount + 1, from the state that failed), EXPRESS ones are
 * started again under the same ARN; the outputs of the children that succeeded are kept in item order.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/redrive-map-run.html
 */

let f: Fixture | undefined;
afterEach(async () => {
  await f?.close();
  f = undefined;
});

const until = <T>(what: string, check: () => Promise<T | undefined>) => pollUntil(what, check, { attempts: 2000, intervalMs: 5 });

function distributed(processor: object, extra: object = {}, executionType = 'STANDARD') {
  return { StartAt: 'D', States: { D: { Type: 'Map', ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: executionType }, ...processor }, ItemSelector: { 'n.$': '$$.Map.Item.Value' }, End: true, ...extra } } };
}

/** JSONata: no limit on the first run (0), one child at a time once redriven. */
function oneAtATimeOnRedrive(processor: object) {
  const map = {
    Type: 'Map',
    QueryLanguage: 'JSONata',
    ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, ...processor },
    ItemSelector: { n: '{% $states.context.Map.Item.Value %}' },
    MaxConcurrency: '{% $states.context.Execution.RedriveCount %}',
    End: true,
  };
  return { StartAt: 'D', States: { D: map } };
}

/** Item 0 waits 60 s, then fails at X unless the child was redriven; the others succeed at once. Done records the child's redrives. */
const failsUntilRedriven = {
  StartAt: 'C',
  States: {
    C: { Type: 'Choice', Choices: [{ Variable: '$.n', NumericEquals: 0, Next: 'W' }], Default: 'Done' },
    W: { Type: 'Wait', Seconds: 60, Next: 'X' },
    X: { Type: 'Choice', Choices: [{ Variable: '$$.Execution.RedriveCount', NumericGreaterThan: 0, Next: 'Done' }] },
    Done: { Type: 'Pass', Parameters: { 'n.$': '$.n', 'redrives.$': '$$.Execution.RedriveCount' }, End: true },
  },
};

/** Every child waits 60 s. */
const waits = { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 60, Next: 'Done' }, Done: { Type: 'Pass', End: true } } };

async function onlyMapRun(fx: Fixture, executionArn: string): Promise<string> {
  const runs = (await fx.ops.ListMapRuns({ executionArn })).mapRuns!;
  expect(runs).toHaveLength(1);
  return runs[0]!.mapRunArn!;
}

async function children(fx: Fixture, mapRunArn: string, statusFilter?: 'PENDING_REDRIVE' | 'ABORTED' | 'RUNNING') {
  return (await fx.ops.ListExecutions({ mapRunArn, maxResults: 100, ...(statusFilter ? { statusFilter } : {}) })).executions!;
}

const counts = async (fx: Fixture, mapRunArn: string) => (await fx.ops.DescribeMapRun({ mapRunArn })).executionCounts!;
const settled = (fx: Fixture, mapRunArn: string) => until('the children settled', async () => ((await children(fx, mapRunArn, 'RUNNING')).length === 0 ? true : undefined));

test('only the failed child runs again, redriven under its ARN from the state that failed; the Map Run is the same and its output keeps the others in order', async () => {
  f = await openFixture();
  const sm = await f.machine('Orders', distributed(failsUntilRedriven, { Label: 'Each' }));
  const arn = await f.start(sm, [1, 0, 2]);
  const mapRunArn = await until('the Map Run', async () => (await f!.ops.ListMapRuns({ executionArn: arn })).mapRuns?.[0]?.mapRunArn);
  await until('two succeeded', async () => ((await counts(f!, mapRunArn)).succeeded === 2 ? true : undefined));
  await f.service.admin.advanceTime(60_000);
  expect(await f.closed(arn)).toMatchObject({ status: 'FAILED', error: 'States.ExceedToleratedFailureThreshold' });
  const before = await children(f, mapRunArn);
  const failed = before.find((k) => k.status === 'FAILED')!;
  const failedHistory = types(await f.history(failed.executionArn!));
  expect(await f.ops.DescribeMapRun({ mapRunArn })).toMatchObject({ status: 'FAILED', redriveCount: 0, executionCounts: { succeeded: 2, failed: 1 } });
  expect((await f.ops.DescribeMapRun({ mapRunArn })).redriveDate).toBeUndefined();

  await f.service.admin.advanceTime(5_000);
  const { redriveDate } = await f.ops.RedriveExecution({ executionArn: arn });
  const d = await f.closed(arn);
  expect(d).toMatchObject({ status: 'SUCCEEDED', redriveCount: 1 });
  expect(JSON.parse(d.output!)).toEqual([
    { n: 1, redrives: 0 },
    { n: 0, redrives: 1 },
    { n: 2, redrives: 0 },
  ]);

  const events = await f.history(arn);
  expect(types(events)).toEqual([
    'ExecutionStarted', 'MapStateEntered', 'MapStateStarted', 'MapRunStarted', 'MapRunFailed', 'MapStateFailed', 'ExecutionFailed',
    'ExecutionRedriven', 'MapStateEntered', 'MapStateStarted', 'MapRunRedriven', 'MapRunSucceeded', 'MapStateSucceeded', 'MapStateExited', 'ExecutionSucceeded',
  ]);
  const redriven = events.find((e) => e.type === 'MapRunRedriven')!;
  expect(redriven.mapRunRedrivenEventDetails).toEqual({ mapRunArn, redriveCount: 1 });
  expect(redriven.previousEventId).toBe(events.filter((e) => e.type === 'MapStateStarted')[1]!.id);

  // One Map Run, redriven once, with every child succeeded now.
  expect(await onlyMapRun(f, arn)).toBe(mapRunArn);
  const described = await f.ops.DescribeMapRun({ mapRunArn });
  const done = { pending: 0, running: 0, succeeded: 3, failed: 0, timedOut: 0, aborted: 0, total: 3, resultsWritten: 3, failuresNotRedrivable: 0, pendingRedrive: 0 };
  expect(described).toMatchObject({ status: 'SUCCEEDED', redriveCount: 1, itemCounts: done, executionCounts: done });
  expect(described.redriveDate).toEqual(redriveDate);

  // The same three children: the failed one redriven (its history goes on), the others untouched.
  const after = await children(f, mapRunArn);
  expect(after.map((k) => k.executionArn).sort()).toEqual(before.map((k) => k.executionArn).sort());
  for (const k of after) {
    const wasFailed = k.executionArn === failed.executionArn;
    expect(k).toMatchObject({ status: 'SUCCEEDED', redriveCount: wasFailed ? 1 : 0 });
    if (!wasFailed) expect(k.startDate).toEqual(before.find((b) => b.executionArn === k.executionArn)!.startDate);
  }
  const child = await f.ops.DescribeExecution({ executionArn: failed.executionArn! });
  expect(child).toMatchObject({ status: 'SUCCEEDED', redriveCount: 1, redriveDate: expect.any(Date), mapRunArn });
  const history = types(await f.history(failed.executionArn!));
  expect(history.slice(0, failedHistory.length)).toEqual(failedHistory);
  expect(history.slice(failedHistory.length)).toEqual(['ExecutionRedriven', 'ChoiceStateEntered', 'ChoiceStateExited', 'PassStateEntered', 'PassStateExited', 'ExecutionSucceeded']);
  const redrivenKids = (await f.ops.ListExecutions({ mapRunArn, redriveFilter: 'REDRIVEN' })).executions!;
  expect(redrivenKids.map((k) => k.executionArn)).toEqual([failed.executionArn]);
});

test('children aborted with their parent are redriven; past MaxConcurrency they wait as PENDING_REDRIVE, counted in pendingRedrive', async () => {
  f = await openFixture();
  const sm = await f.machine('Batch', oneAtATimeOnRedrive(waits));
  const arn = await f.start(sm, [1, 2, 3]);
  const mapRunArn = await until('the Map Run', async () => (await f!.ops.ListMapRuns({ executionArn: arn })).mapRuns?.[0]?.mapRunArn);
  await until('three running', async () => ((await counts(f!, mapRunArn)).running === 3 ? true : undefined));
  await f.ops.StopExecution({ executionArn: arn });
  await until('three aborted', async () => ((await children(f!, mapRunArn, 'ABORTED')).length === 3 ? true : undefined));
  expect(await f.ops.DescribeMapRun({ mapRunArn })).toMatchObject({ status: 'ABORTED', executionCounts: { aborted: 3, pendingRedrive: 0 } });

  await f.ops.RedriveExecution({ executionArn: arn });
  await until('one redriven', async () => ((await counts(f!, mapRunArn)).running === 1 ? true : undefined));
  expect(await f.ops.DescribeMapRun({ mapRunArn })).toMatchObject({
    status: 'RUNNING',
    redriveCount: 1,
    // The settings the redrive read anew.
    maxConcurrency: 1,
    executionCounts: { running: 1, pendingRedrive: 2, aborted: 0, pending: 0, total: 3 },
    itemCounts: { running: 1, pendingRedrive: 2, aborted: 0, total: 3 },
  });
  const waiting = await children(f, mapRunArn, 'PENDING_REDRIVE');
  expect(waiting).toHaveLength(2);
  expect(waiting.every((k) => k.status === 'PENDING_REDRIVE')).toBe(true);
  expect(await f.ops.DescribeExecution({ executionArn: waiting[0]!.executionArn! })).toMatchObject({ status: 'PENDING_REDRIVE', redriveCount: 0, redriveStatus: 'REDRIVABLE_BY_MAP_RUN' });
  expect(await children(f, mapRunArn, 'ABORTED')).toEqual([]);
  // The filter applies to the children as shown, before paging: one per page, each page full, then no more.
  const first = await f.ops.ListExecutions({ mapRunArn, statusFilter: 'PENDING_REDRIVE', maxResults: 1 });
  expect(first.executions).toHaveLength(1);
  const second = await f.ops.ListExecutions({ mapRunArn, statusFilter: 'PENDING_REDRIVE', maxResults: 1, nextToken: first.nextToken! });
  expect(second.executions).toHaveLength(1);
  expect(second.nextToken).toBeUndefined();
  expect([first.executions![0]!.executionArn, second.executions![0]!.executionArn].sort()).toEqual(waiting.map((k) => k.executionArn).sort());

  for (let i = 0; i < 3; i++) await f.service.admin.advanceTime(60_000);
  const d = await f.closed(arn);
  expect(d.status).toBe('SUCCEEDED');
  expect(JSON.parse(d.output!)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
  // One child at a time: the last was redriven two minutes after the redrive.
  expect((await f.history(arn)).find((e) => e.type === 'MapRunSucceeded')!.timestamp!.getTime()).toBe(START + 180_000);
  expect(await counts(f, mapRunArn)).toMatchObject({ succeeded: 3, pendingRedrive: 0, aborted: 0 });
  for (const k of await children(f, mapRunArn)) {
    expect(k.redriveCount).toBe(1);
    expect(types(await f.history(k.executionArn!))).toEqual(['ExecutionStarted', 'WaitStateEntered', 'ExecutionAborted', 'ExecutionRedriven', 'WaitStateEntered', 'WaitStateExited', 'PassStateEntered', 'PassStateExited', 'ExecutionSucceeded']);
  }
});

test('items that never started before the Map Run failed start on redrive as new children of the same Map Run', async () => {
  f = await openFixture();
  const failsFirst = {
    StartAt: 'X',
    States: {
      X: { Type: 'Choice', Choices: [{ Or: [{ Not: { Variable: '$.n', NumericEquals: 0 } }, { Variable: '$$.Execution.RedriveCount', NumericGreaterThan: 0 }], Next: 'Done' }] },
      Done: { Type: 'Pass', End: true },
    },
  };
  const sm = await f.machine('OneByOne', distributed(failsFirst, { MaxConcurrency: 1 }));
  const arn = await f.start(sm, [0, 1, 2]);
  expect((await f.closed(arn)).status).toBe('FAILED');
  const mapRunArn = await onlyMapRun(f, arn);
  expect(await counts(f, mapRunArn)).toMatchObject({ failed: 1, pending: 2, total: 3 });
  expect(await children(f, mapRunArn)).toHaveLength(1);

  await f.ops.RedriveExecution({ executionArn: arn });
  const d = await f.closed(arn);
  expect(d.status).toBe('SUCCEEDED');
  expect(JSON.parse(d.output!)).toEqual([{ n: 0 }, { n: 1 }, { n: 2 }]);
  expect(await onlyMapRun(f, arn)).toBe(mapRunArn);
  expect(await counts(f, mapRunArn)).toMatchObject({ succeeded: 3, failed: 0, pending: 0, pendingRedrive: 0 });
  const kids = await children(f, mapRunArn);
  expect(kids.map((k) => k.redriveCount).sort()).toEqual([0, 0, 1]);
});

test('a child failing again on redrive fails the Map Run again; a second redrive counts 2', async () => {
  f = await openFixture();
  const twice = {
    StartAt: 'X',
    States: {
      X: { Type: 'Choice', Choices: [{ Variable: '$$.Execution.RedriveCount', NumericGreaterThan: 1, Next: 'Done' }] },
      Done: { Type: 'Pass', End: true },
    },
  };
  const sm = await f.machine('Twice', distributed(twice));
  const arn = await f.start(sm, [7]);
  expect((await f.closed(arn)).status).toBe('FAILED');
  const mapRunArn = await onlyMapRun(f, arn);
  await f.ops.RedriveExecution({ executionArn: arn });
  expect((await f.closed(arn)).status).toBe('FAILED');
  expect(await f.ops.DescribeMapRun({ mapRunArn })).toMatchObject({ status: 'FAILED', redriveCount: 1, executionCounts: { failed: 1, pendingRedrive: 0 } });
  await f.ops.RedriveExecution({ executionArn: arn });
  expect(await f.closed(arn)).toMatchObject({ status: 'SUCCEEDED', redriveCount: 2 });
  expect(await f.ops.DescribeMapRun({ mapRunArn })).toMatchObject({ status: 'SUCCEEDED', redriveCount: 2 });
  const redrives = (await f.history(arn)).filter((e) => e.type === 'MapRunRedriven').map((e) => e.mapRunRedrivenEventDetails);
  expect(redrives).toEqual([
    { mapRunArn, redriveCount: 1 },
    { mapRunArn, redriveCount: 2 },
  ]);
  expect((await children(f, mapRunArn))[0]).toMatchObject({ status: 'SUCCEEDED', redriveCount: 2 });
});

test('a Map Run that failed on States.Runtime is not redriven: the redrive starts a new Map Run with every child', async () => {
  f = await openFixture();
  // Item 1's ItemSelector reads a field it does not have: States.Runtime, after item 0's child started.
  const sm = await f.machine('Broken', distributed({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, { ItemSelector: { 'v.$': '$$.Map.Item.Value.v' }, MaxConcurrency: 1 }));
  const arn = await f.start(sm, [{ v: 1 }, {}]);
  expect(await f.closed(arn)).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
  const first = await onlyMapRun(f, arn);
  await f.ops.RedriveExecution({ executionArn: arn });
  expect(await f.closed(arn)).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
  const runs = (await f.ops.ListMapRuns({ executionArn: arn })).mapRuns!.map((m) => m.mapRunArn);
  expect(runs).toHaveLength(2);
  expect(runs).toContain(first);
  const events = types(await f.history(arn));
  expect(events.filter((t) => t === 'MapRunStarted')).toHaveLength(2);
  expect(events).not.toContain('MapRunRedriven');
  expect((await f.ops.DescribeMapRun({ mapRunArn: first })).redriveCount).toBe(0);
});

test('EXPRESS children that failed are started again under the same ARN, from the first state, with no redrive count', async () => {
  f = await openFixture();
  // Fails when the execution started at the service's start; a later start passes.
  const late = {
    StartAt: 'X',
    States: {
      X: { Type: 'Choice', Choices: [{ Variable: '$$.Execution.StartTime', TimestampGreaterThan: '2026-01-01T00:00:30Z', Next: 'Done' }] },
      Done: { Type: 'Pass', End: true },
    },
  };
  const sm = await f.machine('Quick', distributed(late, {}, 'EXPRESS'));
  const arn = await f.start(sm, [1, 2]);
  expect((await f.closed(arn)).status).toBe('FAILED');
  const mapRunArn = await onlyMapRun(f, arn);
  await settled(f, mapRunArn);
  const before = await children(f, mapRunArn);
  expect(before).toHaveLength(2);
  expect(await f.ops.DescribeExecution({ executionArn: before[0]!.executionArn! })).toMatchObject({ status: 'FAILED', redriveStatus: 'REDRIVABLE_BY_MAP_RUN' });

  await f.service.admin.advanceTime(60_000);
  await f.ops.RedriveExecution({ executionArn: arn });
  expect((await f.closed(arn)).status).toBe('SUCCEEDED');
  const after = await children(f, mapRunArn);
  expect(after.map((k) => k.executionArn).sort()).toEqual(before.map((k) => k.executionArn).sort());
  for (const k of after) {
    expect(k).toMatchObject({ status: 'SUCCEEDED', redriveCount: 0, startDate: new Date(START + 60_000) });
    expect(types(await f.history(k.executionArn!))).toEqual(['ExecutionStarted', 'ChoiceStateEntered', 'ChoiceStateExited', 'PassStateEntered', 'PassStateExited', 'ExecutionSucceeded']);
  }
  expect(await f.ops.DescribeMapRun({ mapRunArn })).toMatchObject({ status: 'SUCCEEDED', redriveCount: 1, executionCounts: { succeeded: 2, failed: 0 } });
});

describe('restart', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sagaflow-maprun-redrive-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const open = () => openFixture({ store: { kind: 'sqlite', dir }, clock: { mode: 'virtual', start: START } });

  test('a redriven Map Run resumes after a restart: the redriven children are found again, none is redriven twice', async () => {
    let fx = await open();
    const sm = await fx.machine('Durable', oneAtATimeOnRedrive(waits));
    const arn = await fx.start(sm, [1, 2]);
    const mapRunArn = await until('the Map Run', async () => (await fx.ops.ListMapRuns({ executionArn: arn })).mapRuns?.[0]?.mapRunArn);
    await until('two running', async () => ((await counts(fx, mapRunArn)).running === 2 ? true : undefined));
    await fx.ops.StopExecution({ executionArn: arn });
    await until('two aborted', async () => ((await children(fx, mapRunArn, 'ABORTED')).length === 2 ? true : undefined));
    await fx.ops.RedriveExecution({ executionArn: arn });
    await until('one redriven', async () => ((await counts(fx, mapRunArn)).running === 1 ? true : undefined));
    await fx.close();

    f = fx = await open();
    expect(await counts(fx, mapRunArn)).toMatchObject({ running: 1, pendingRedrive: 1 });
    await fx.service.admin.advanceTime(60_000);
    await until('the second redriven', async () => ((await counts(fx, mapRunArn)).pendingRedrive === 0 ? true : undefined));
    await fx.service.admin.advanceTime(60_000);
    expect(await fx.closed(arn)).toMatchObject({ status: 'SUCCEEDED', redriveCount: 1 });
    for (const k of await children(fx, mapRunArn)) {
      expect(k.redriveCount).toBe(1);
      expect(types(await fx.history(k.executionArn!)).filter((t) => t === 'ExecutionRedriven')).toHaveLength(1);
    }
  });

  test('an EXPRESS child started again is stored anew under its ARN', async () => {
    let fx = await open();
    const late = {
      StartAt: 'X',
      States: { X: { Type: 'Choice', Choices: [{ Variable: '$$.Execution.StartTime', TimestampGreaterThan: '2026-01-01T00:00:30Z', Next: 'Done' }] }, Done: { Type: 'Pass', End: true } },
    };
    const sm = await fx.machine('QuickDurable', distributed(late, {}, 'EXPRESS'));
    const arn = await fx.start(sm, [1]);
    expect((await fx.closed(arn)).status).toBe('FAILED');
    const mapRunArn = await onlyMapRun(fx, arn);
    await settled(fx, mapRunArn);
    await fx.service.admin.advanceTime(60_000);
    await fx.ops.RedriveExecution({ executionArn: arn });
    expect((await fx.closed(arn)).status).toBe('SUCCEEDED');
    await fx.close();

    f = fx = await open();
    const [k] = await children(fx, mapRunArn);
    expect(k).toMatchObject({ status: 'SUCCEEDED', startDate: new Date(START + 60_000) });
    expect(types(await fx.history(k!.executionArn!))).toEqual(['ExecutionStarted', 'ChoiceStateEntered', 'ChoiceStateExited', 'PassStateEntered', 'PassStateExited', 'ExecutionSucceeded']);
  });
});

test('a child that used up its history quota keeps its failure on redrive: AWS could not redrive it on its own either', async () => {
  f = await openFixture();
  // The child's inline Map writes 4 events per item: 7,000 items pass the 25,000-event quota.
  const quota = { StartAt: 'Big', States: { Big: { Type: 'Map', ItemsPath: '$.items', ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, End: true } } };
  const sm = await f.machine('Quota', { StartAt: 'D', States: { D: { Type: 'Map', ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, ...quota }, ItemSelector: { 'items.$': '$$.Map.Item.Value' }, End: true } } });
  const arn = await f.start(sm, [Array.from({ length: 7000 }, (_, i) => i)]);
  expect((await f.closed(arn)).status).toBe('FAILED');
  const mapRunArn = await onlyMapRun(f, arn);
  const [kid] = await children(f, mapRunArn);
  const before = await f.ops.DescribeExecution({ executionArn: kid!.executionArn! });
  // "redriveStatusReason can include … Execution history event limit exceeded" for a Map Run's Standard children (API_DescribeExecution).
  expect(before).toMatchObject({ status: 'FAILED', redriveStatus: 'NOT_REDRIVABLE', redriveStatusReason: 'Execution history event limit exceeded' });
  expect(await counts(f, mapRunArn)).toMatchObject({ failed: 1, failuresNotRedrivable: 1, total: 1 });
  const events = (await f.history(kid!.executionArn!)).length;

  await f.ops.RedriveExecution({ executionArn: arn });
  expect((await f.closed(arn)).status).toBe('FAILED');
  const after = await f.ops.DescribeExecution({ executionArn: kid!.executionArn! });
  expect(after).toMatchObject({ status: 'FAILED', redriveCount: 0, error: before.error, cause: before.cause });
  expect(await f.history(kid!.executionArn!)).toHaveLength(events);
  expect(await counts(f, mapRunArn)).toMatchObject({ failed: 1, failuresNotRedrivable: 1, total: 1 });
});
