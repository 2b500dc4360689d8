import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fn, openFixture, START, types, type Fixture } from './service-fixture';
import { pollUntil } from './until';

/**
 * Distributed Maps in the local service: each item a child execution with its own history,
 * the Map Run recorded for DescribeMapRun / ListMapRuns / UpdateMapRun, and ListExecutions by Map Run.
 */

let f: Fixture | undefined;
afterEach(async () => {
  await f?.close();
  f = undefined;
});

const UUID_V3 = /^[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function distributed(processor: object, extra: object = {}, executionType = 'STANDARD') {
  return { StartAt: 'D', States: { D: { Type: 'Map', ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: executionType }, ...processor }, End: true, ...extra } } };
}
/** Items equal to 0 fail; the others wait 60 s (virtual time) and succeed. */
const waitOrFail = {
  StartAt: 'C',
  States: {
    C: { Type: 'Choice', Choices: [{ Variable: '$.n', NumericEquals: 0, Next: 'Bad' }], Default: 'W' },
    W: { Type: 'Wait', Seconds: 60, End: true },
    Bad: { Type: 'Fail', Error: 'ItemBroke', Cause: 'item was 0' },
  },
};

const until = <T>(what: string, check: () => Promise<T | undefined>) => pollUntil(what, check, { attempts: 2000, intervalMs: 5 });

async function onlyMapRun(fx: Fixture, executionArn: string): Promise<string> {
  return until('the Map Run', async () => (await fx.ops.ListMapRuns({ executionArn })).mapRuns?.[0]?.mapRunArn);
}

async function children(fx: Fixture, mapRunArn: string) {
  const all = [];
  let nextToken: string | undefined;
  do {
    const page = await fx.ops.ListExecutions({ mapRunArn, maxResults: 100, nextToken });
    all.push(...(page.executions ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return all;
}

const counts = async (fx: Fixture, mapRunArn: string) => (await fx.ops.DescribeMapRun({ mapRunArn })).itemCounts!;

test('each item runs as a child execution with its own history; the parent records the Map Run; DescribeMapRun and ListMapRuns report it', async () => {
  f = await openFixture();
  const processor = { StartAt: 'Echo', States: { Echo: { Type: 'Task', Resource: fn('echo'), OutputPath: '$.event', End: true } } };
  const sm = await f.machine('Orders', distributed(processor, { Label: 'PerOrder', ItemsPath: '$.orders', ItemSelector: { 'order.$': '$$.Map.Item.Value', 'index.$': '$$.Map.Item.Index' }, MaxConcurrency: 2 }));
  const arn = await f.start(sm, { orders: ['a', 'b', 'c'] });
  const d = await f.closed(arn);
  expect(d.status).toBe('SUCCEEDED');
  expect(JSON.parse(d.output!)).toEqual([{ order: 'a', index: 0 }, { order: 'b', index: 1 }, { order: 'c', index: 2 }]);

  const events = await f.history(arn);
  expect(types(events)).toEqual(['ExecutionStarted', 'MapStateEntered', 'MapStateStarted', 'MapRunStarted', 'MapRunSucceeded', 'MapStateSucceeded', 'MapStateExited', 'ExecutionSucceeded']);
  const mapRunArn = events[3]!.mapRunStartedEventDetails!.mapRunArn!;
  expect(mapRunArn).toMatch(/^arn:aws:states:us-east-1:123456789012:mapRun:Orders\/PerOrder:[0-9a-f-]{36}$/);

  const runs = await f.ops.ListMapRuns({ executionArn: arn });
  expect(runs.mapRuns).toEqual([{ executionArn: arn, mapRunArn, stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:Orders/PerOrder', startDate: expect.any(Date), stopDate: expect.any(Date) }]);
  const described = await f.ops.DescribeMapRun({ mapRunArn });
  const done = { pending: 0, running: 0, succeeded: 3, failed: 0, timedOut: 0, aborted: 0, total: 3, resultsWritten: 3, failuresNotRedrivable: 0, pendingRedrive: 0 };
  expect(described).toMatchObject({ mapRunArn, executionArn: arn, status: 'SUCCEEDED', maxConcurrency: 2, toleratedFailureCount: 0, toleratedFailurePercentage: 0, itemCounts: done, executionCounts: done, redriveCount: 0 });

  const kids = await children(f, mapRunArn);
  expect(kids).toHaveLength(3);
  for (const k of kids) {
    expect(k).toMatchObject({ status: 'SUCCEEDED', mapRunArn, itemCount: 1, stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:Orders/PerOrder' });
    expect(k.name).toMatch(UUID_V3);
    expect(k.executionArn).toBe(`arn:aws:states:us-east-1:123456789012:execution:Orders/PerOrder:${k.name}`);
    const child = await f.ops.DescribeExecution({ executionArn: k.executionArn! });
    expect(child.mapRunArn).toBe(mapRunArn);
    const input = JSON.parse(child.input!) as { order: string; index: number };
    expect(JSON.parse(child.output!)).toEqual(input);
    const history = await f.history(k.executionArn!);
    expect(types(history)).toEqual(['ExecutionStarted', 'TaskStateEntered', 'LambdaFunctionScheduled', 'LambdaFunctionStarted', 'LambdaFunctionSucceeded', 'TaskStateExited', 'ExecutionSucceeded']);
    expect(history[0]!.executionStartedEventDetails!.input).toBe(child.input);
  }
  const forChild = await f.ops.DescribeStateMachineForExecution({ executionArn: kids[0]!.executionArn! });
  expect(forChild).toMatchObject({ mapRunArn, label: 'PerOrder' });
  expect(JSON.parse(forChild.definition!)).toEqual({ StartAt: 'Echo', States: processor.States });
  // The parent's own list does not hold its children: they ran as the labelled state machine.
  const own = (await f.ops.ListExecutions({ stateMachineArn: sm })).executions!;
  expect(own.map((e) => e.executionArn)).toEqual([arn]);
  // mapRunArn and itemCount belong to lists by Map Run only.
  expect(own[0]).not.toHaveProperty('mapRunArn');
  expect(own[0]).not.toHaveProperty('itemCount');
});

test('MaxConcurrency bounds the children running at once; DescribeMapRun counts pending, running and succeeded items as they go', async () => {
  f = await openFixture();
  const sm = await f.machine('Slow', distributed(waitOrFail, { MaxConcurrency: 2, ItemSelector: { 'n.$': '$$.Map.Item.Value' } }));
  const arn = await f.start(sm, [1, 2, 3, 4, 5]);
  const mapRunArn = await onlyMapRun(f, arn);
  await until('two running', async () => ((await counts(f!, mapRunArn)).running === 2 ? true : undefined));
  expect(await counts(f, mapRunArn)).toMatchObject({ pending: 3, running: 2, succeeded: 0, total: 5 });
  await f.service.admin.advanceTime(60_000);
  await until('two more', async () => ((await counts(f!, mapRunArn)).succeeded === 2 ? true : undefined));
  expect(await counts(f, mapRunArn)).toMatchObject({ pending: 1, running: 2, succeeded: 2 });
  await f.service.admin.advanceTime(60_000);
  await f.service.admin.advanceTime(60_000);
  expect((await f.closed(arn)).status).toBe('SUCCEEDED');
  expect(await counts(f, mapRunArn)).toMatchObject({ pending: 0, running: 0, succeeded: 5, resultsWritten: 5 });
  // Three rounds of 60 s: the last child started at 120 s.
  const history = await f.history(arn);
  expect(history.find((e) => e.type === 'MapRunSucceeded')!.timestamp!.getTime()).toBe(START + 180_000);
});

test('a failure past the tolerance fails the Map Run: the running children are aborted, DescribeMapRun says so', async () => {
  f = await openFixture();
  const sm = await f.machine('Strict', distributed(waitOrFail, { ItemSelector: { 'n.$': '$$.Map.Item.Value' } }));
  const arn = await f.start(sm, [1, 0, 2]);
  const d = await f.closed(arn);
  expect(d).toMatchObject({ status: 'FAILED', error: 'States.ExceedToleratedFailureThreshold', cause: 'The specified tolerated failure threshold was exceeded' });
  const mapRunArn = await onlyMapRun(f, arn);
  const kids = await until('the siblings aborted', async () => {
    const all = await children(f!, mapRunArn);
    return all.every((k) => k.status !== 'RUNNING') ? all : undefined;
  });
  expect(kids.map((k) => k.status).sort()).toEqual(['ABORTED', 'ABORTED', 'FAILED']);
  const failed = kids.find((k) => k.status === 'FAILED')!;
  expect(await f.ops.DescribeExecution({ executionArn: failed.executionArn! })).toMatchObject({ error: 'ItemBroke', cause: 'item was 0', redriveStatus: 'REDRIVABLE_BY_MAP_RUN' });
  await expect(f.ops.RedriveExecution({ executionArn: failed.executionArn! })).rejects.toMatchObject({ code: 'ExecutionNotRedrivable' });
  const aborted = kids.find((k) => k.status === 'ABORTED')!;
  expect(types(await f.history(aborted.executionArn!))).toEqual(['ExecutionStarted', 'ChoiceStateEntered', 'ChoiceStateExited', 'WaitStateEntered', 'ExecutionAborted']);
  expect(await f.ops.DescribeMapRun({ mapRunArn })).toMatchObject({ status: 'FAILED', itemCounts: { failed: 1, aborted: 2, running: 0, pending: 0, total: 3 } });
});

test('ToleratedFailureCount lets failed children through; their places in the output hold their errors', async () => {
  f = await openFixture();
  const processor = { StartAt: 'T', States: { T: { Type: 'Task', Resource: fn('fail'), End: true } } };
  const mixed = { StartAt: 'C', States: { C: { Type: 'Choice', Choices: [{ Variable: '$', NumericEquals: 0, Next: 'T' }], Default: 'Ok' }, Ok: { Type: 'Pass', End: true }, T: processor.States.T } };
  const sm = await f.machine('Tolerant', distributed(mixed, { ToleratedFailureCount: 1 }));
  const d = await f.closed(await f.start(sm, [5, 0, 6]));
  expect(d.status).toBe('SUCCEEDED');
  const out = JSON.parse(d.output!) as unknown[];
  expect(out[0]).toBe(5);
  expect(out[2]).toBe(6);
  expect(out[1]).toMatchObject({ Error: expect.any(String), Cause: expect.any(String) });
  const mapRunArn = await onlyMapRun(f, d.executionArn!);
  expect(await counts(f, mapRunArn)).toMatchObject({ succeeded: 2, failed: 1, resultsWritten: 2 });
});

test('UpdateMapRun raises the concurrency of a running Map Run and changes its tolerance', async () => {
  f = await openFixture();
  const sm = await f.machine('Tunable', distributed(waitOrFail, { MaxConcurrency: 1, ItemSelector: { 'n.$': '$$.Map.Item.Value' } }));
  const arn = await f.start(sm, [1, 2, 0, 3]);
  const mapRunArn = await onlyMapRun(f, arn);
  await until('one running', async () => ((await counts(f!, mapRunArn)).running === 1 ? true : undefined));
  await f.ops.UpdateMapRun({ mapRunArn, maxConcurrency: 4, toleratedFailureCount: 1 });
  // The item 0 child fails at once; the count of 1 tolerates it.
  await until('the others started', async () => ((await counts(f!, mapRunArn)).pending === 0 ? true : undefined));
  expect(await f.ops.DescribeMapRun({ mapRunArn })).toMatchObject({ status: 'RUNNING', maxConcurrency: 4, toleratedFailureCount: 1, itemCounts: { running: 3, failed: 1 } });
  await f.service.admin.advanceTime(60_000);
  const d = await f.closed(arn);
  expect(d.status).toBe('SUCCEEDED');
  expect(JSON.parse(d.output!)[2]).toEqual({ Error: 'ItemBroke', Cause: 'item was 0' });
  // All four ran within the first minute.
  expect((await f.history(arn)).find((e) => e.type === 'MapRunSucceeded')!.timestamp!.getTime()).toBe(START + 60_000);
  // A lower tolerance on a finished run is recorded but changes nothing.
  await f.ops.UpdateMapRun({ mapRunArn, toleratedFailureCount: 0 });
  expect(await f.ops.DescribeMapRun({ mapRunArn })).toMatchObject({ status: 'SUCCEEDED', toleratedFailureCount: 0 });
});

test('UpdateMapRun with a tolerance already exceeded fails the running Map Run', async () => {
  f = await openFixture();
  const sm = await f.machine('Tighten', distributed(waitOrFail, { ToleratedFailurePercentage: 50, ItemSelector: { 'n.$': '$$.Map.Item.Value' } }));
  const arn = await f.start(sm, [0, 1, 2, 3]);
  const mapRunArn = await onlyMapRun(f, arn);
  await until('one failed', async () => ((await counts(f!, mapRunArn)).failed === 1 ? true : undefined));
  await f.ops.UpdateMapRun({ mapRunArn, toleratedFailurePercentage: 10 });
  expect(await f.closed(arn)).toMatchObject({ status: 'FAILED', error: 'States.ExceedToleratedFailureThreshold' });
  expect((await f.ops.DescribeMapRun({ mapRunArn })).status).toBe('FAILED');
});

test('stopping the parent aborts its Map Run and stops its children', async () => {
  f = await openFixture();
  const sm = await f.machine('Stopped', distributed(waitOrFail, { ItemSelector: { 'n.$': '$$.Map.Item.Value' } }));
  const arn = await f.start(sm, [1, 2]);
  const mapRunArn = await onlyMapRun(f, arn);
  await until('two running', async () => ((await counts(f!, mapRunArn)).running === 2 ? true : undefined));
  await f.ops.StopExecution({ executionArn: arn, error: 'Enough' });
  expect(types(await f.history(arn)).slice(-1)).toEqual(['ExecutionAborted']);
  const kids = await until('children stopped', async () => {
    const all = await children(f!, mapRunArn);
    return all.every((k) => k.status === 'ABORTED') ? all : undefined;
  });
  expect(kids).toHaveLength(2);
  const described = await f.ops.DescribeMapRun({ mapRunArn });
  expect(described).toMatchObject({ status: 'ABORTED', itemCounts: { aborted: 2, running: 0 } });
  expect(described.stopDate).toBeInstanceOf(Date);
});

test('EXPRESS children have express ARNs and can be described and listed through their Map Run', async () => {
  f = await openFixture();
  const sm = await f.machine('Quick', distributed({ StartAt: 'P', States: { P: { Type: 'Pass', Result: 'done', End: true } } }, {}, 'EXPRESS'));
  const d = await f.closed(await f.start(sm, [1, 2]));
  expect(JSON.parse(d.output!)).toEqual(['done', 'done']);
  const mapRunArn = await onlyMapRun(f, d.executionArn!);
  const kids = await children(f, mapRunArn);
  expect(kids).toHaveLength(2);
  for (const k of kids) {
    expect(k.executionArn).toMatch(/^arn:aws:states:us-east-1:123456789012:express:Quick\/[0-9a-f-]{36}:[0-9a-f-]{36}:[0-9a-f-]{36}$/);
    expect((await f.ops.DescribeExecution({ executionArn: k.executionArn! })).status).toBe('SUCCEEDED');
  }
});

test('unknown Map Runs are ResourceNotFound for DescribeMapRun, UpdateMapRun and ListExecutions', async () => {
  f = await openFixture();
  const missing = 'arn:aws:states:us-east-1:123456789012:mapRun:Nope/L:3c39a231-69bb-3d89-8607-9e124eddbb0b';
  await expect(f.ops.DescribeMapRun({ mapRunArn: missing })).rejects.toMatchObject({ code: 'ResourceNotFound' });
  await expect(f.ops.UpdateMapRun({ mapRunArn: missing, maxConcurrency: 1 })).rejects.toMatchObject({ code: 'ResourceNotFound' });
  await expect(f.ops.ListExecutions({ mapRunArn: missing })).rejects.toMatchObject({ code: 'ResourceNotFound' });
});

test('a parent dropped from memory while its children run is rebuilt by replay when they report', async () => {
  f = await openFixture({ maxLiveExecutions: 1 });
  const sm = await f.machine('Evicted', distributed(waitOrFail, { MaxConcurrency: 3, ItemSelector: { 'n.$': '$$.Map.Item.Value' } }));
  const arns = [await f.start(sm, [1, 2, 3]), await f.start(sm, [4, 5])];
  for (const arn of arns) await onlyMapRun(f, arn);
  await f.service.admin.advanceTime(60_000);
  const outputs = [];
  for (const arn of arns) outputs.push(JSON.parse((await f.closed(arn)).output!));
  expect(outputs).toEqual([[{ n: 1 }, { n: 2 }, { n: 3 }], [{ n: 4 }, { n: 5 }]]);
  for (const arn of arns) {
    const history = await f.history(arn);
    expect(types(history)).toEqual(['ExecutionStarted', 'MapStateEntered', 'MapStateStarted', 'MapRunStarted', 'MapRunSucceeded', 'MapStateSucceeded', 'MapStateExited', 'ExecutionSucceeded']);
  }
});

describe('restart', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sagaflow-maprun-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const open = () => openFixture({ store: { kind: 'sqlite', dir }, clock: { mode: 'virtual', start: START } });

  test('a Map Run in flight resumes after a restart: its children are found again by name, none runs twice, the parent completes', async () => {
    let fx = await open();
    const sm = await fx.machine('Durable', distributed(waitOrFail, { MaxConcurrency: 2, ItemSelector: { 'n.$': '$$.Map.Item.Value' } }));
    const arn = await fx.start(sm, [1, 2, 3]);
    const mapRunArn = await onlyMapRun(fx, arn);
    await until('two running', async () => ((await counts(fx, mapRunArn)).running === 2 ? true : undefined));
    await fx.close();

    f = fx = await open();
    expect(await counts(fx, mapRunArn)).toMatchObject({ running: 2, pending: 1 });
    await fx.service.admin.advanceTime(60_000);
    await until('the third started', async () => ((await counts(fx, mapRunArn)).pending === 0 ? true : undefined));
    await fx.service.admin.advanceTime(60_000);
    const d = await fx.closed(arn);
    expect(d.status).toBe('SUCCEEDED');
    expect(JSON.parse(d.output!)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    const kids = await children(fx, mapRunArn);
    expect(kids).toHaveLength(3);
    for (const k of kids) {
      const history = await fx.history(k.executionArn!);
      expect(history.map((e) => e.id)).toEqual(history.map((_e, i) => i + 1));
      expect(types(history)).toEqual(['ExecutionStarted', 'ChoiceStateEntered', 'ChoiceStateExited', 'WaitStateEntered', 'WaitStateExited', 'ExecutionSucceeded']);
    }
    const parent = await fx.history(arn);
    expect(parent.map((e) => e.id)).toEqual(parent.map((_e, i) => i + 1));
    expect(await fx.ops.DescribeMapRun({ mapRunArn })).toMatchObject({ status: 'SUCCEEDED', itemCounts: { succeeded: 3, total: 3 } });
  });

  test('a child still waiting when the service stops ends after the restart, and its end reaches the resumed parent', async () => {
    let fx = await open();
    // The child's only state is a short wait; the parent waits on its Map Run.
    const sm = await fx.machine('Late', distributed({ StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 10, End: true } } }));
    const arn = await fx.start(sm, [1]);
    const mapRunArn = await onlyMapRun(fx, arn);
    await until('one running', async () => ((await counts(fx, mapRunArn)).running === 1 ? true : undefined));
    await fx.close();
    f = fx = await open();
    await fx.service.admin.advanceTime(10_000);
    expect((await fx.closed(arn)).status).toBe('SUCCEEDED');
    expect(await children(fx, mapRunArn)).toHaveLength(1);
  });
});

test('with ItemBatcher, DescribeMapRun counts items and child executions apart, and ListExecutions gives each child its batch size', async () => {
  f = await openFixture();
  const wait = { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 60, End: true } } };
  const sm = await f.machine('Batched', distributed(wait, { MaxConcurrency: 1, ItemBatcher: { MaxItemsPerBatch: 2 } }));
  const arn = await f.start(sm, [1, 2, 3, 4, 5]);
  const mapRunArn = await onlyMapRun(f, arn);
  await until('one batch running', async () => ((await counts(f!, mapRunArn)).running === 2 ? true : undefined));
  const running = await f.ops.DescribeMapRun({ mapRunArn });
  // A running Map Run has status RUNNING, nothing written yet and no stopDate key (floci-io/floci#2694, measured on AWS).
  expect(running).toMatchObject({ status: 'RUNNING', itemCounts: { resultsWritten: 0 } });
  expect('stopDate' in running).toBe(false);
  expect(running.itemCounts).toMatchObject({ pending: 3, running: 2, succeeded: 0, total: 5 });
  expect(running.executionCounts).toMatchObject({ pending: 2, running: 1, succeeded: 0, total: 3 });
  for (let i = 0; i < 3; i++) await f.service.admin.advanceTime(60_000);
  const d = await f.closed(arn);
  expect(d.status).toBe('SUCCEEDED');
  expect(JSON.parse(d.output!)).toEqual([{ Items: [1, 2] }, { Items: [3, 4] }, { Items: [5] }]);
  const done = await f.ops.DescribeMapRun({ mapRunArn });
  expect(done.itemCounts).toMatchObject({ pending: 0, running: 0, succeeded: 5, total: 5, resultsWritten: 5 });
  expect(done.executionCounts).toMatchObject({ pending: 0, running: 0, succeeded: 3, total: 3, resultsWritten: 3 });
  const kids = await children(f, mapRunArn);
  expect(kids.map((k) => k.itemCount).sort()).toEqual([1, 2, 2]);
});
