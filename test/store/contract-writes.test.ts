import { StoreClosedError, StoreIntegrityError, type Store } from '../../lib/store';
import { backends, execution, passChain, wire, type Backend } from './store-fixtures';

describe.each(backends)('%s store: write semantics', (_name, make) => {
  let backend: Backend;
  let store: Store & { stats: { writes: number; failedWrites: number; transactions: number } };
  beforeEach(() => {
    backend = make();
    store = backend.open() as typeof store;
  });
  afterEach(async () => {
    await store.close();
    backend.cleanup();
  });

  test('reads see a write as soon as it is handed over, before its commit', async () => {
    const x = execution('M', 'e1');
    const committed = store.stats.transactions;
    const pending = store.write([{ kind: 'putExecution', record: x }, { kind: 'appendEvents', executionArn: x.arn, events: passChain(1) }]);
    expect(store.stats.transactions).toBe(committed);
    expect(store.getExecution(x.arn)).toEqual(x);
    expect(store.readEvents(x.arn, { limit: 10 })).toHaveLength(4);
    expect(store.listExecutions({}, { limit: 10 }).items.map((r) => r.arn)).toEqual([x.arn]);
    await pending;
    expect(store.stats.transactions).toBe(committed + 1);
  });

  test('the write() calls of one tick share one transaction, and each resolves only after it commits', async () => {
    const before = { ...store.stats };
    const resolvedAfterCommit: boolean[] = [];
    const calls = ['a', 'b', 'c'].map((n) =>
      store.write([{ kind: 'putExecution', record: execution('M', n) }]).then(() => resolvedAfterCommit.push(store.stats.transactions === before.transactions + 1)),
    );
    await Promise.all(calls);
    expect(resolvedAfterCommit).toEqual([true, true, true]);
    expect(store.stats).toEqual({ writes: before.writes + 3, failedWrites: before.failedWrites, transactions: before.transactions + 1 });
    // Writes of later ticks are later transactions.
    await store.write([{ kind: 'putExecution', record: execution('M', 'd') }]);
    await store.write([{ kind: 'putExecution', record: execution('M', 'e') }]);
    expect(store.stats.transactions).toBe(before.transactions + 3);
  });

  test('a call whose write is refused leaves nothing and rejects, while the other calls of its tick commit', async () => {
    const existing = execution('M', 'existing', { eventCount: 2 });
    await store.write([
      { kind: 'putExecution', record: existing },
      { kind: 'appendEvents', executionArn: existing.arn, events: passChain(1).slice(0, 2) },
      { kind: 'appendInputs', executionArn: existing.arn, inputs: ['{"n":1}'] },
      { kind: 'armTimer', timer: { executionArn: existing.arn, timerId: 'first', dueAt: 100 } },
      { kind: 'putExecution', record: execution('M', 'other') },
      { kind: 'armTimer', timer: { executionArn: execution('M', 'other').arn, timerId: 'second', dueAt: 100 } },
      { kind: 'setTags', resourceArn: existing.arn, tags: [{ key: 'k', value: 'v1' }] },
      { kind: 'putToken', record: { token: 'tok', executionArn: existing.arn, taskId: 't1' } },
    ]);
    const before = { ...store.stats };
    const fresh = execution('M', 'fresh');
    const first = store.write([{ kind: 'putExecution', record: execution('M', 'first') }]);
    const refused = store.write([
      { kind: 'putExecution', record: fresh },
      { kind: 'appendInputs', executionArn: fresh.arn, inputs: ['{}'] },
      { kind: 'putExecution', record: { ...existing, status: 'SUCCEEDED', stopDate: 9, eventCount: 4 } },
      { kind: 'appendEvents', executionArn: existing.arn, events: passChain(1).slice(2, 4) },
      { kind: 'appendInputs', executionArn: existing.arn, inputs: ['{"n":2}'] },
      { kind: 'cancelTimer', executionArn: existing.arn, timerId: 'first' },
      { kind: 'armTimer', timer: { executionArn: existing.arn, timerId: 'later', dueAt: 50 } },
      { kind: 'setTags', resourceArn: existing.arn, tags: [{ key: 'k', value: 'v2' }] },
      { kind: 'deleteToken', token: 'tok' },
      { kind: 'appendEvents', executionArn: existing.arn, events: passChain(2).slice(5, 6) }, // id 6 after 4: a gap
    ]);
    const last = store.write([{ kind: 'putExecution', record: execution('M', 'last') }]);
    // Undone at once, before the tick's commit.
    expect(store.getExecution(fresh.arn)).toBeUndefined();
    await expect(refused).rejects.toThrow(StoreIntegrityError);
    await Promise.all([first, last]);

    expect(store.getExecution(execution('M', 'first').arn)).toBeDefined();
    expect(store.getExecution(execution('M', 'last').arn)).toBeDefined();
    expect(store.getExecution(fresh.arn)).toBeUndefined();
    expect(store.readInputs(fresh.arn)).toEqual([]);
    expect(store.getExecution(existing.arn)).toEqual(existing);
    expect(wire(store.readEvents(existing.arn, { limit: 10 }))).toEqual(wire(passChain(1).slice(0, 2)));
    expect(store.readInputs(existing.arn)).toEqual(['{"n":1}']);
    expect(store.timers().map((t) => t.timerId)).toEqual(['first', 'second']);
    expect(store.getTags(existing.arn)).toEqual([{ key: 'k', value: 'v1' }]);
    expect(store.getToken('tok')).toBeDefined();
    expect(store.stats).toEqual({ writes: before.writes + 2, failedWrites: before.failedWrites + 1, transactions: before.transactions + 1 });
  });

  test('after a refused call, appends go on from what was committed, not from what the refused call appended', async () => {
    const x = execution('M', 'x');
    await store.write([{ kind: 'putExecution', record: x }, { kind: 'appendEvents', executionArn: x.arn, events: passChain(1).slice(0, 2) }, { kind: 'appendInputs', executionArn: x.arn, inputs: ['{"n":1}'] }]);
    await expect(
      store.write([
        { kind: 'appendEvents', executionArn: x.arn, events: passChain(1).slice(2, 4) },
        { kind: 'appendInputs', executionArn: x.arn, inputs: ['{"n":"undone"}'] },
        { kind: 'appendEvents', executionArn: x.arn, events: passChain(2).slice(5, 6) }, // a gap: refused
      ]),
    ).rejects.toThrow(StoreIntegrityError);
    await store.write([{ kind: 'appendEvents', executionArn: x.arn, events: passChain(1).slice(2, 4) }, { kind: 'appendInputs', executionArn: x.arn, inputs: ['{"n":2}'] }]);
    expect(store.readEvents(x.arn, { limit: 10 }).map((e) => e.id)).toEqual([1, 2, 3, 4]);
    expect(store.readInputs(x.arn)).toEqual(['{"n":1}', '{"n":2}']);
  });

  test('a write of an unknown kind is refused like any other bad write', async () => {
    await expect(store.write([{ kind: 'putExecution', record: execution('M', 'x') }, { kind: 'noSuchWrite' } as never])).rejects.toThrow(TypeError);
    expect(store.getExecution(execution('M', 'x').arn)).toBeUndefined();
  });

  test('records are copied in and out: mutating what was written or read never changes the store (events are the writer\'s no more)', async () => {
    const x = execution('M', 'e1', { parent: { executionArn: 'arn:parent', taskId: 't' } });
    const events = passChain(1);
    const tags = [{ key: 'a', value: '1' }];
    const inputs = ['{"n":1}'];
    await store.write([
      { kind: 'putExecution', record: x },
      { kind: 'appendEvents', executionArn: x.arn, events },
      { kind: 'appendInputs', executionArn: x.arn, inputs },
      { kind: 'setTags', resourceArn: x.arn, tags },
    ]);
    const snapshot = { record: JSON.stringify(x), events: wire(events) };
    x.status = 'FAILED';
    x.parent!.taskId = 'changed';
    // Appended events are handed over for good (the engine never touches an emitted event), so
    // the memory store keeps them as they are, lazy payload texts included; only reads copy.
    tags[0].value = 'changed';
    inputs.push('more');

    const read = store.getExecution(x.arn)!;
    read.status = 'ABORTED';
    read.parent!.taskId = 'also changed';
    const listed = store.listExecutions({}, { limit: 1 }).items[0];
    listed.name = 'changed';
    const readEvents = store.readEvents(x.arn, { limit: 10 });
    (readEvents[1] as { stateEnteredEventDetails: { name: string } }).stateEnteredEventDetails.name = 'changed';
    store.getTags(x.arn)[0].value = 'changed';
    store.readInputs(x.arn).push('more');

    expect(JSON.stringify(store.getExecution(x.arn))).toBe(snapshot.record);
    expect(wire(store.readEvents(x.arn, { limit: 10 }))).toEqual(snapshot.events);
    expect(store.getTags(x.arn)).toEqual([{ key: 'a', value: '1' }]);
    expect(store.readInputs(x.arn)).toEqual(['{"n":1}']);
  });

  test('flush resolves once everything handed over is committed', async () => {
    const before = store.stats.transactions;
    void store.write([{ kind: 'putExecution', record: execution('M', 'a') }]);
    await store.flush();
    expect(store.stats.transactions).toBe(before + 1);
    await store.flush(); // nothing pending
  });

  test('close commits what is pending; afterwards every call fails with StoreClosedError, and close itself is idempotent', async () => {
    const pending = store.write([{ kind: 'putExecution', record: execution('M', 'a') }]);
    await store.close();
    await expect(pending).resolves.toBeUndefined();
    expect(store.stats.transactions).toBe(1);
    expect(() => store.getExecution(execution('M', 'a').arn)).toThrow(StoreClosedError);
    expect(() => store.listExecutions({}, { limit: 1 })).toThrow(StoreClosedError);
    expect(() => store.timers()).toThrow(/is closed/);
    await expect(store.write([{ kind: 'putExecution', record: execution('M', 'b') }])).rejects.toBeInstanceOf(StoreClosedError);
    await expect(store.flush()).rejects.toBeInstanceOf(StoreClosedError);
    await expect(store.close()).resolves.toBeUndefined();
  });
});
