import type { MapRunRecord, Store } from '../../lib/store';
import { activityArn, backends, execution, type Backend } from './store-fixtures';

describe.each(backends)('%s store: timers, tokens, activity tasks and map runs', (_name, make) => {
  let backend: Backend;
  let store: Store;
  const x = execution('M', 'e1');
  const y = execution('M', 'e2');
  beforeEach(async () => {
    backend = make();
    store = backend.open();
    await store.write([{ kind: 'putExecution', record: x }, { kind: 'putExecution', record: y }]);
  });
  afterEach(async () => {
    await store.close();
    backend.cleanup();
  });

  test('timers list soonest first, equal due times in arming order; re-arming moves the due time only', async () => {
    await store.write([
      { kind: 'armTimer', timer: { executionArn: y.arn, timerId: 'wait', dueAt: 300 } },
      { kind: 'armTimer', timer: { executionArn: x.arn, timerId: 'retry', dueAt: 100 } },
      { kind: 'armTimer', timer: { executionArn: x.arn, timerId: 'heartbeat', dueAt: 300 } },
      { kind: 'armTimer', timer: { executionArn: x.arn, timerId: 'timeout', dueAt: 200 } },
    ]);
    expect(store.timers().map((t) => `${t.timerId}@${t.dueAt}`)).toEqual(['retry@100', 'timeout@200', 'wait@300', 'heartbeat@300']);
    // The heartbeat timer is pushed back (a heartbeat arrived), then the wait is re-armed at the same time as it.
    await store.write([{ kind: 'armTimer', timer: { executionArn: x.arn, timerId: 'heartbeat', dueAt: 400 } }]);
    await store.write([{ kind: 'armTimer', timer: { executionArn: y.arn, timerId: 'wait', dueAt: 400 } }]);
    expect(store.timers()).toEqual([
      { executionArn: x.arn, timerId: 'retry', dueAt: 100 },
      { executionArn: x.arn, timerId: 'timeout', dueAt: 200 },
      { executionArn: y.arn, timerId: 'wait', dueAt: 400 },
      { executionArn: x.arn, timerId: 'heartbeat', dueAt: 400 },
    ]);
    await store.write([
      { kind: 'cancelTimer', executionArn: x.arn, timerId: 'timeout' },
      { kind: 'cancelTimer', executionArn: x.arn, timerId: 'never-armed' },
      { kind: 'cancelTimer', executionArn: 'arn:unknown', timerId: 'timeout' },
    ]);
    expect(store.timers().map((t) => t.timerId)).toEqual(['retry', 'wait', 'heartbeat']);
  });

  test('a task token is found by its value until deleted; putting it again replaces it', async () => {
    await store.write([
      { kind: 'putToken', record: { token: 'AAAA', executionArn: x.arn, taskId: 'task-1' } },
      { kind: 'putToken', record: { token: 'BBBB', executionArn: y.arn, taskId: 'task-9' } },
    ]);
    expect(store.getToken('AAAA')).toStrictEqual({ token: 'AAAA', executionArn: x.arn, taskId: 'task-1' });
    await store.write([{ kind: 'putToken', record: { token: 'AAAA', executionArn: y.arn, taskId: 'task-2' } }]);
    expect(store.getToken('AAAA')).toEqual({ token: 'AAAA', executionArn: y.arn, taskId: 'task-2' });
    await store.write([{ kind: 'deleteToken', token: 'AAAA' }, { kind: 'deleteToken', token: 'never' }]);
    expect(store.getToken('AAAA')).toBeUndefined();
    expect(store.getToken('BBBB')).toBeDefined();
  });

  test('queued activity tasks: oldest first, ties in scheduling order, taken ones left out, up to the limit', async () => {
    const a = activityArn('work');
    const task = (token: string, scheduledAt: number, extra = {}) => ({ activityArn: a, token, executionArn: x.arn, taskId: `t-${token}`, input: `{"token":"${token}"}`, scheduledAt, ...extra });
    await store.write([
      { kind: 'putActivityTask', record: task('late', 30) },
      { kind: 'putActivityTask', record: task('tie1', 20) },
      { kind: 'putActivityTask', record: task('first', 10) },
      { kind: 'putActivityTask', record: task('tie2', 20) },
      { kind: 'putActivityTask', record: task('taken', 5, { startedAt: 6, workerName: 'w1' }) },
      { kind: 'putActivityTask', record: { ...task('other', 1), activityArn: activityArn('other') } },
    ]);
    expect(store.queuedActivityTasks(a, 10).map((t) => t.token)).toEqual(['first', 'tie1', 'tie2', 'late']);
    expect(store.queuedActivityTasks(a, 2).map((t) => t.token)).toEqual(['first', 'tie1']);
    expect(store.queuedActivityTasks(a, 1)).toStrictEqual([task('first', 10)]);
    // A worker takes 'first': it leaves the queue, and keeps its place among equals if it came back.
    await store.write([{ kind: 'putActivityTask', record: task('first', 10, { startedAt: 11, workerName: 'w2' }) }]);
    expect(store.queuedActivityTasks(a, 10).map((t) => t.token)).toEqual(['tie1', 'tie2', 'late']);
    expect(store.getActivityTask('first')).toStrictEqual(task('first', 10, { startedAt: 11, workerName: 'w2' }));
    await store.write([{ kind: 'deleteActivityTask', token: 'tie1' }, { kind: 'putActivityTask', record: task('tie2', 20, { input: '{"changed":true}' }) }]);
    expect(store.queuedActivityTasks(a, 10).map((t) => [t.token, t.input])).toEqual([
      ['tie2', '{"changed":true}'],
      ['late', '{"token":"late"}'],
    ]);
    expect(store.queuedActivityTasks(activityArn('nobody'), 10)).toEqual([]);
  });

  test('map runs are read by ARN and listed per execution, newest first, page by page', async () => {
    const run = (n: number, startDate: number, of = x.arn): MapRunRecord => ({
      arn: `arn:aws:states:us-east-1:123456789012:mapRun:M/map:run${n}`,
      executionArn: of,
      status: 'RUNNING',
      startDate,
      maxConcurrency: 10,
      toleratedFailurePercentage: 0,
      toleratedFailureCount: 0,
      itemCounts: '{"pending":1}',
      executionCounts: '{"pending":1}',
    });
    await store.write([run(1, 10), run(2, 30), run(3, 20), run(4, 30), run(5, 40, y.arn)].map((record) => ({ kind: 'putMapRun' as const, record })));
    const first = store.listMapRuns(x.arn, { limit: 3 });
    expect(first.items.map((r) => r.arn.slice(-4))).toEqual(['run2', 'run4', 'run3']);
    const second = store.listMapRuns(x.arn, { limit: 3, after: first.next });
    expect(second.items.map((r) => r.arn.slice(-4))).toEqual(['run1']);
    expect(second.next).toBeUndefined();
    const done = { ...run(3, 20), status: 'SUCCEEDED' as const, stopDate: 50, itemCounts: '{"succeeded":1}' };
    await store.write([{ kind: 'putMapRun', record: done }]);
    expect(store.getMapRun(done.arn)).toStrictEqual(done);
    expect(store.listMapRuns(y.arn, { limit: 10 }).items).toEqual([run(5, 40, y.arn)]);
    expect(store.getMapRun('arn:none')).toBeUndefined();
  });
});
