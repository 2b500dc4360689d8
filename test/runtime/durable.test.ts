import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fn, openFixture, START, types, type Fixture } from './service-fixture';
import { pollUntil } from './until';
import { SqliteStore } from '../../lib/store/sqlite-store';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { received } = require('./fixtures/tokens') as { received: Array<{ token: string; event: { name?: string } }> };

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sagaflow-durable-'));
  received.length = 0;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const open = () => openFixture({ store: { kind: 'sqlite', dir }, clock: { mode: 'virtual', start: START } });

const definition = {
  StartAt: 'Wait',
  States: {
    Wait: { Type: 'Wait', Seconds: 300, Next: 'Ask' },
    Ask: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken', Parameters: { FunctionName: fn('tokens'), Payload: { 'token.$': '$$.Task.Token', 'name.$': '$$.Execution.Name' } }, ResultPath: '$.answer', TimeoutSeconds: 3600, Next: 'Fan' },
    Fan: { Type: 'Map', ItemsPath: '$.items', ItemProcessor: { StartAt: 'Echo', States: { Echo: { Type: 'Task', Resource: fn('echo'), OutputPath: '$.event', End: true } } }, ResultPath: '$.echoed', End: true },
  },
};

const until = <T>(what: string, check: () => T | undefined | Promise<T | undefined>) => pollUntil(what, check, { attempts: 1000, intervalMs: 5 });

test('a restarted service resumes every execution: timers at their due times, tokens still accepted, contiguous ids', async () => {
  let f: Fixture = await open();
  const sm = await f.machine('Resume', definition);
  const arns: string[] = [];
  for (let i = 0; i < 5; i++) arns.push(await f.start(sm, { i, items: [i, i + 1] }, `run-${i}`));
  // Two of them reach the callback before the restart; three are still waiting.
  await f.service.admin.advanceTime(300_000);
  const early = arns.slice(0, 5);
  await until('five tokens', () => (received.length >= 5 ? true : undefined));
  const tokens = arns.map((arn) => received.find((r) => arn.endsWith(`:${r.event.name}`))!.token);
  received.length = 0;
  await f.ops.SendTaskSuccess({ taskToken: tokens[0]!, output: '{"ok":0}' });
  await until('the first to close', async () => ((await f.ops.DescribeExecution({ executionArn: early[0]! })).status === 'SUCCEEDED' ? true : undefined));
  const started2 = await f.start(sm, { i: 9, items: [] }, 'after-wait');
  await f.close();

  f = await open();
  expect(f.service.admin.now()).toBe(START + 300_000);
  // Tokens issued before the restart still complete their tasks.
  for (let i = 1; i < 5; i++) await f.ops.SendTaskSuccess({ taskToken: tokens[i]!, output: `{"ok":${i}}` });
  // The execution started last still waits for its 300 s, counted from its start.
  await f.service.admin.advanceTime(299_000);
  expect((await f.ops.DescribeExecution({ executionArn: started2 })).status).toBe('RUNNING');
  await f.service.admin.advanceTime(1000);
  // Tasks in flight at the restart were dispatched again (at-least-once), so look the token up by execution.
  const late = await until('the late token', () => received.find((r) => r.event.name === 'after-wait')?.token);
  await f.ops.SendTaskSuccess({ taskToken: late, output: '{"ok":9}' });
  for (const [i, arn] of [...arns, started2].entries()) {
    const d = await f.closed(arn);
    expect(d.status).toBe('SUCCEEDED');
    const out = JSON.parse(d.output!);
    expect(out.answer).toEqual({ ok: i === 5 ? 9 : i });
    const events = await f.history(arn);
    expect(events.map((e) => e.id)).toEqual(events.map((_e, k) => k + 1));
    expect(types(events).filter((t) => t === 'ExecutionStarted')).toHaveLength(1);
  }
  await expect(f.ops.SendTaskSuccess({ taskToken: tokens[1]!, output: '{}' })).rejects.toMatchObject({ code: 'TaskTimedOut' });
  await f.close();
});

test('executions evicted from memory are rebuilt by replay and go on exactly as before', async () => {
  const f = await openFixture({ maxLiveExecutions: 1 });
  received.length = 0;
  const sm = await f.machine('Evict', definition);
  const arns: string[] = [];
  for (let i = 0; i < 20; i++) arns.push(await f.start(sm, { i, items: [i] }));
  await f.service.admin.advanceTime(300_000);
  await until('twenty tokens', () => (received.length >= 20 ? true : undefined));
  for (const r of received.splice(0)) await f.ops.SendTaskSuccess({ taskToken: r.token, output: '{"ok":true}' });
  for (const arn of arns) {
    const d = await f.closed(arn);
    expect(d.status).toBe('SUCCEEDED');
    expect(JSON.parse(d.output!).echoed).toHaveLength(1);
  }
  await f.close();
});

describe('children of a parent that closed just before a crash', () => {
  // The crash window: the parent's close was committed, carrying out its CancelTask was not. The
  // parent's record is closed on disk while its awaited child is still RUNNING.
  const closeOnDisk = async (arn: string) => {
    const store = new SqliteStore({ dir });
    const parent = store.getExecution(arn)!;
    await store.write([{ kind: 'putExecution', record: { ...parent, status: 'ABORTED', stopDate: START + 1000 } }]);
    await store.close();
  };
  const waitingChild = { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 600, End: true } } };
  const parentOf = (child: string, resource: string) => ({ StartAt: 'Run', States: { Run: { Type: 'Task', Resource: resource, Parameters: { StateMachineArn: child }, End: true } } });
  const childOf = async (f: Fixture, child: string) => until('the child', async () => (await f.ops.ListExecutions({ stateMachineArn: child })).executions?.[0]?.executionArn);

  test('a .sync child is stopped on restart, as the cancel would have stopped it', async () => {
    let f = await open();
    const child = await f.machine('Child', waitingChild);
    const arn = await f.start(await f.machine('Parent', parentOf(child, 'arn:aws:states:::states:startExecution.sync:2')), {});
    const kid = await childOf(f, child);
    await f.close();
    await closeOnDisk(arn);

    f = await open();
    const stopped = await f.closed(kid);
    expect(stopped.status).toBe('ABORTED');
    expect(stopped.cause).toBe(`The Task state in AWS Step Functions execution [${arn}] which was managing this resource was aborted`);
    await f.close();
  });

  test('a Map Run child is stopped on restart', async () => {
    let f = await open();
    const map = { StartAt: 'M', States: { M: { Type: 'Map', ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, ...waitingChild }, End: true } } };
    const arn = await f.start(await f.machine('Fan', map), [1]);
    const mapRunArn = await until('the Map Run', async () => (await f.ops.ListMapRuns({ executionArn: arn })).mapRuns?.[0]?.mapRunArn);
    const kid = await until('the child', async () => (await f.ops.ListExecutions({ mapRunArn })).executions?.[0]?.executionArn);
    await f.close();
    await closeOnDisk(arn);

    f = await open();
    expect((await f.closed(kid)).status).toBe('ABORTED');
    await f.close();
  });

  test('a child started request-response keeps running: its parent never waited for it', async () => {
    let f = await open();
    const child = await f.machine('Child', waitingChild);
    const arn = await f.start(await f.machine('Parent', parentOf(child, 'arn:aws:states:::states:startExecution')), {});
    const kid = await childOf(f, child);
    expect((await f.closed(arn)).status).toBe('SUCCEEDED');
    await f.close();
    await closeOnDisk(arn);

    f = await open();
    await f.service.admin.advanceTime(599_000);
    expect((await f.ops.DescribeExecution({ executionArn: kid })).status).toBe('RUNNING');
    await f.service.admin.advanceTime(1000);
    expect((await f.closed(kid)).status).toBe('SUCCEEDED');
    await f.close();
  });
});
