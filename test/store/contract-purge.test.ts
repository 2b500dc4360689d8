import { StoreIntegrityError, type ExecutionRecord, type Store, type StoreWrite } from '../../lib/store';
import { activityArn, backends, closed, execution, machineArn, passChain, wire, type Backend } from './store-fixtures';

/** Everything an execution can own, for the purge cascade. */
function belongings(x: ExecutionRecord, tag: string): StoreWrite[] {
  const mapRun = `arn:aws:states:us-east-1:123456789012:mapRun:M/${tag}:run`;
  return [
    { kind: 'appendInputs', executionArn: x.arn, inputs: [`{"kind":"StartExecution","tag":"${tag}"}`] },
    { kind: 'appendEvents', executionArn: x.arn, events: passChain(2) },
    { kind: 'armTimer', timer: { executionArn: x.arn, timerId: 'heartbeat', dueAt: 5 } },
    { kind: 'putToken', record: { token: `token-${tag}`, executionArn: x.arn, taskId: 't' } },
    { kind: 'putActivityTask', record: { activityArn: activityArn('work'), token: `activity-${tag}`, executionArn: x.arn, taskId: 't', input: '{}', scheduledAt: 1 } },
    { kind: 'putMapRun', record: { arn: mapRun, executionArn: x.arn, status: 'SUCCEEDED', startDate: 1, stopDate: 2, maxConcurrency: 0, toleratedFailurePercentage: 0, toleratedFailureCount: 0, itemCounts: '{}', executionCounts: '{}' } },
    { kind: 'setTags', resourceArn: x.arn, tags: [{ key: 'owner', value: tag }] },
    { kind: 'setTags', resourceArn: mapRun, tags: [{ key: 'run', value: tag }] },
  ];
}

describe.each(backends)('%s store: retention (purge)', (_name, make) => {
  let backend: Backend;
  let store: Store;
  beforeEach(() => {
    backend = make();
    store = backend.open();
  });
  afterEach(async () => {
    await store.close();
    backend.cleanup();
  });

  test('purgeCandidates: closed executions oldest close first, by close time, status and state machine', async () => {
    await store.write([
      { kind: 'putExecution', record: closed(execution('M', 'ok-old'), 'SUCCEEDED', 100) },
      { kind: 'putExecution', record: closed(execution('M', 'failed'), 'FAILED', 200) },
      { kind: 'putExecution', record: closed(execution('M', 'timed-out'), 'TIMED_OUT', 150) },
      { kind: 'putExecution', record: closed(execution('M', 'aborted'), 'ABORTED', 200) },
      { kind: 'putExecution', record: closed(execution('N', 'other-machine'), 'SUCCEEDED', 50) },
      { kind: 'putExecution', record: execution('M', 'running') },
      { kind: 'putExecution', record: { ...execution('M', 'pending'), status: 'PENDING_REDRIVE', stopDate: 10 } },
    ]);
    const names = (arns: string[]) => arns.map((a) => a.split(':').pop());
    expect(names(store.purgeCandidates({}))).toEqual(['other-machine', 'ok-old', 'timed-out', 'aborted', 'failed']);
    expect(names(store.purgeCandidates({ closedBefore: 200 }))).toEqual(['other-machine', 'ok-old', 'timed-out']);
    expect(names(store.purgeCandidates({ statuses: ['FAILED', 'TIMED_OUT'] }))).toEqual(['timed-out', 'failed']);
    expect(names(store.purgeCandidates({ stateMachineArn: machineArn('N') }))).toEqual(['other-machine']);
    expect(names(store.purgeCandidates({ statuses: ['SUCCEEDED'], closedBefore: 100 }))).toEqual(['other-machine']);
    // PENDING_REDRIVE is about to run again: never a candidate, even when asked for.
    expect(store.purgeCandidates({ statuses: ['PENDING_REDRIVE'] })).toEqual([]);
  });

  test('purgeExecution removes the execution and all it owns, and nothing of its neighbours', async () => {
    const gone = execution('M', 'gone');
    const kept = execution('M', 'kept');
    await store.write([{ kind: 'putExecution', record: gone }, { kind: 'putExecution', record: kept }, ...belongings(gone, 'gone'), ...belongings(kept, 'kept')]);
    await store.write([{ kind: 'putExecution', record: closed(gone, 'SUCCEEDED', 10) }, { kind: 'putExecution', record: closed(kept, 'SUCCEEDED', 10) }]);
    await store.write([{ kind: 'purgeExecution', arn: gone.arn }]);

    expect(store.getExecution(gone.arn)).toBeUndefined();
    expect(store.readInputs(gone.arn)).toEqual([]);
    expect(store.readEvents(gone.arn, { limit: 100 })).toEqual([]);
    expect(store.timers().map((t) => t.executionArn)).toEqual([kept.arn]);
    expect(store.getToken('token-gone')).toBeUndefined();
    expect(store.getActivityTask('activity-gone')).toBeUndefined();
    expect(store.queuedActivityTasks(activityArn('work'), 10).map((t) => t.token)).toEqual(['activity-kept']);
    expect(store.getMapRun('arn:aws:states:us-east-1:123456789012:mapRun:M/gone:run')).toBeUndefined();
    expect(store.listMapRuns(gone.arn, { limit: 10 }).items).toEqual([]);
    expect(store.getTags(gone.arn)).toEqual([]);
    expect(store.getTags('arn:aws:states:us-east-1:123456789012:mapRun:M/gone:run')).toEqual([]);
    expect(store.listExecutions({}, { limit: 10 }).items.map((r) => r.name)).toEqual(['kept']);

    expect(store.readInputs(kept.arn)).toHaveLength(1);
    expect(wire(store.readEvents(kept.arn, { limit: 100 }))).toEqual(wire(passChain(2)));
    expect(store.getToken('token-kept')).toBeDefined();
    expect(store.getTags(kept.arn)).toEqual([{ key: 'owner', value: 'kept' }]);
    expect(store.getTags('arn:aws:states:us-east-1:123456789012:mapRun:M/kept:run')).toEqual([{ key: 'run', value: 'kept' }]);
  });

  test('a purged execution name can start afresh with a new history', async () => {
    const x = execution('M', 'again');
    await store.write([{ kind: 'putExecution', record: closed(x, 'FAILED', 1) }, { kind: 'appendEvents', executionArn: x.arn, events: passChain(1) }]);
    await store.write([{ kind: 'purgeExecution', arn: x.arn }]);
    await store.write([{ kind: 'putExecution', record: x }, { kind: 'appendEvents', executionArn: x.arn, events: passChain(3).slice(0, 2) }]);
    expect(store.readEvents(x.arn, { limit: 100 }).map((e) => e.id)).toEqual([1, 2]);
  });

  test('purging a RUNNING or PENDING_REDRIVE execution is refused; an unknown one is a no-op', async () => {
    const running = execution('M', 'running');
    const pending = { ...execution('M', 'pending'), status: 'PENDING_REDRIVE' as const };
    await store.write([{ kind: 'putExecution', record: running }, { kind: 'putExecution', record: pending }]);
    await expect(store.write([{ kind: 'purgeExecution', arn: running.arn }])).rejects.toThrow(
      new StoreIntegrityError(`purgeExecution: execution ${running.arn} is RUNNING; only closed executions can be purged`),
    );
    await expect(store.write([{ kind: 'purgeExecution', arn: pending.arn }])).rejects.toBeInstanceOf(StoreIntegrityError);
    await store.write([{ kind: 'purgeExecution', arn: 'arn:aws:states:us-east-1:123456789012:execution:M:never' }]);
    expect(store.getExecution(running.arn)).toEqual(running);
    expect(store.getExecution(pending.arn)).toEqual(pending);
  });
});
