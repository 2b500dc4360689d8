import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryStore, SqliteStore, type Store, type StoreWrite } from '../../lib/store';
import { fn, openFixture, type Fixture } from './service-fixture';

/**
 * The store's contract (lib/store/store.ts): a putExecution's eventCount is the id of the
 * execution's last event once its write() call is applied (the SQLite store reads the count back
 * from the events). This watches every write the runtime makes through a range of executions —
 * tasks that succeed, fail, retry and are caught, a Map, a Parallel, a wait, a stop, a redrive, a
 * callback — and checks the rule after each call, in both stores.
 */

type Broken = { arn: string; counted: number; held: number };

function watch(proto: { write(writes: StoreWrite[]): Promise<void> }, broken: Broken[]): () => void {
  const original = proto.write;
  proto.write = function (this: Store, writes: StoreWrite[]) {
    const done = original.call(this, writes);
    const last = new Map<string, number>();
    for (const w of writes) if (w.kind === 'putExecution') last.set(w.record.arn, w.record.eventCount);
    for (const [arn, counted] of last) {
      const held = this.readEvents(arn, { reverse: true, limit: 1 })[0]?.id ?? 0;
      if (held !== counted) broken.push({ arn, counted, held });
    }
    return done;
  };
  return () => void (proto.write = original);
}

const definition = {
  StartAt: 'Fan',
  States: {
    Fan: { Type: 'Map', ItemsPath: '$.items', ItemProcessor: { StartAt: 'Echo', States: { Echo: { Type: 'Task', Resource: fn('echo'), End: true } } }, ResultPath: '$.mapped', Next: 'Both' },
    Both: {
      Type: 'Parallel',
      ResultPath: '$.both',
      Branches: [
        { StartAt: 'Flaky', States: { Flaky: { Type: 'Task', Resource: fn('flaky'), Retry: [{ ErrorEquals: ['Transient'], IntervalSeconds: 1, BackoffRate: 1, MaxAttempts: 3 }], End: true } } },
        { StartAt: 'Pause', States: { Pause: { Type: 'Wait', Seconds: 5, End: true } } },
      ],
      Next: 'Pay',
    },
    Pay: { Type: 'Task', Resource: fn('fail'), Catch: [{ ErrorEquals: ['PaymentDeclined'], ResultPath: '$.error', Next: 'Approve' }], End: true },
    Approve: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken', Parameters: { FunctionName: fn('tokens'), Payload: { 'token.$': '$$.Task.Token' } }, Next: 'Fail' },
    Fail: { Type: 'Fail', Error: 'Rejected', Cause: 'by the approver' },
  },
};

describe.each([
  ['memory', MemoryStore.prototype, () => ({ kind: 'memory' as const })],
  ['sqlite', SqliteStore.prototype, (dir: string) => ({ kind: 'sqlite' as const, dir })],
])('%s store: every record the runtime writes counts its events', (_name, proto, store) => {
  let f: Fixture;
  let dir: string;
  const broken: Broken[] = [];
  let unwatch: () => void;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sagaflow-count-'));
    unwatch = watch(proto as never, broken);
    f = await openFixture({ store: store(dir) });
  });
  afterAll(async () => {
    await f.close();
    unwatch();
    rmSync(dir, { recursive: true, force: true });
  });

  test('through success, retry, catch, a Map, a Parallel, a wait, a callback, a Fail, a redrive and a stop', async () => {
    (require('./fixtures/flaky') as { reset(): void }).reset();
    const { received } = require('./fixtures/tokens') as { received: Array<{ token: string }> };
    received.length = 0;
    const sm = await f.machine('counted', definition);
    const first = await f.start(sm, { items: [1, 2, 3] }, 'first');
    for (let i = 0; i < 20 && received.length === 0; i++) await f.service.admin.advanceTime(1000);
    expect(received).toHaveLength(1);
    await f.ops.SendTaskSuccess({ taskToken: received[0].token, output: '{"approved":false}' });
    expect((await f.closed(first)).status).toBe('FAILED');
    await f.ops.RedriveExecution({ executionArn: first });
    expect((await f.closed(first)).status).toBe('FAILED');
    const second = await f.start(sm, { items: [] }, 'second');
    await f.ops.StopExecution({ executionArn: second, error: 'Operator' });
    expect((await f.closed(second)).status).toBe('ABORTED');
    expect((await f.history(first)).length).toBeGreaterThan(30);
    expect(broken).toEqual([]);
  });
});

test('the watch catches a record that miscounts its events', async () => {
  const broken: Broken[] = [];
  const unwatch = watch(MemoryStore.prototype as never, broken);
  const store = new MemoryStore();
  try {
    const arn = 'arn:aws:states:us-east-1:123456789012:execution:M:e';
    const record = { arn, name: 'e', stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:M', revisionId: 'r', type: 'STANDARD' as const, status: 'RUNNING' as const, roleArn: 'r', input: '{}', startDate: 0, redriveCount: 0, eventCount: 3 };
    await store.write([{ kind: 'putExecution', record }]);
    expect(broken).toEqual([{ arn, counted: 3, held: 0 }]);
  } finally {
    unwatch();
    await store.close();
  }
});
