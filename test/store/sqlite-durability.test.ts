import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DATABASE_FILE, SqliteStore, type Store } from '../../lib/store';
import { SCHEMA_VERSION } from '../../lib/store/sqlite-schema';
import { activityArn, childExecution, closed, execution, machineArn, passChain, spawnStoreChild, tempDir, wire } from './store-fixtures';

/** Everything a store can answer about the fixture below, as plain data to compare. */
function snapshot(store: Store) {
  const x = execution('M', 'e1');
  return {
    definition: store.getDefinition('rev-1'),
    machines: store.listStateMachines({ limit: Infinity }),
    versions: store.listVersions(machineArn('M'), { limit: Infinity }),
    aliases: store.listAliases(machineArn('M'), { limit: Infinity }),
    activities: store.listActivities({ limit: Infinity }),
    executions: store.listExecutions({}, { limit: Infinity }),
    running: store.runningExecutions(),
    inputs: store.readInputs(x.arn),
    events: wire(store.readEvents(x.arn, { limit: Infinity })),
    timers: store.timers(),
    token: store.getToken('tok-1'),
    queued: store.queuedActivityTasks(activityArn('work'), 10),
    mapRuns: store.listMapRuns(x.arn, { limit: Infinity }),
    tags: store.getTags(machineArn('M')),
    purgeable: store.purgeCandidates({}),
  };
}

async function fill(store: Store): Promise<void> {
  const sm = machineArn('M');
  const x = execution('M', 'e1');
  await store.write([
    { kind: 'putDefinition', record: { revisionId: 'rev-1', definition: '{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}' } },
    { kind: 'putStateMachine', record: { arn: sm, name: 'M', type: 'STANDARD', revisionId: 'rev-1', roleArn: 'r', creationDate: 1, nextVersion: 2 } },
    { kind: 'putVersion', record: { arn: `${sm}:1`, stateMachineArn: sm, version: 1, revisionId: 'rev-1', roleArn: 'r', creationDate: 2 } },
    { kind: 'putAlias', record: { arn: `${sm}:prod`, stateMachineArn: sm, name: 'prod', routingConfiguration: '[]', creationDate: 3 } },
    { kind: 'putActivity', record: { arn: activityArn('work'), name: 'work', creationDate: 4 } },
    { kind: 'putExecution', record: x },
    { kind: 'putExecution', record: closed(execution('M', 'done', { startDate: 5 }), 'SUCCEEDED', 6) },
    { kind: 'appendInputs', executionArn: x.arn, inputs: ['{"kind":"StartExecution"}'] },
    { kind: 'appendEvents', executionArn: x.arn, events: passChain(5).slice(0, 10) },
    { kind: 'armTimer', timer: { executionArn: x.arn, timerId: 'wait', dueAt: 99 } },
    { kind: 'putToken', record: { token: 'tok-1', executionArn: x.arn, taskId: 't' } },
    { kind: 'putActivityTask', record: { activityArn: activityArn('work'), token: 'act-1', executionArn: x.arn, taskId: 't', input: '{}', scheduledAt: 7 } },
    { kind: 'putMapRun', record: { arn: 'arn:mapRun:1', executionArn: x.arn, status: 'RUNNING', startDate: 8, maxConcurrency: 1, toleratedFailurePercentage: 0, toleratedFailureCount: 0, itemCounts: '{}', executionCounts: '{}' } },
    { kind: 'setTags', resourceArn: sm, tags: [{ key: 'k', value: 'v' }] },
  ]);
}

describe('sqlite store: the data folder', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const newDir = () => {
    const d = tempDir();
    dirs.push(d);
    return d;
  };

  test('the folder is created if missing and holds sagaflow.db; the store reports it as an absolute path', async () => {
    const dir = join(newDir(), 'nested', 'data');
    const store = new SqliteStore({ dir });
    expect(store.kind).toBe('sqlite');
    expect(store.dir).toBe(dir);
    expect(existsSync(join(dir, DATABASE_FILE))).toBe(true);
    await store.close();
  });

  test("WAL journal; 'process' durability (the default) is synchronous=NORMAL, 'power' is FULL", async () => {
    const dir = newDir();
    const normal = new SqliteStore({ dir });
    expect(normal.settings()).toEqual({ journalMode: 'wal', synchronous: 'NORMAL', lockingMode: 'normal', schemaVersion: SCHEMA_VERSION, pageSize: 8192 });
    await normal.close();
    const power = new SqliteStore({ dir, durability: 'power' });
    expect(power.settings()).toMatchObject({ journalMode: 'wal', synchronous: 'FULL' });
    await power.close();
    const explicit = new SqliteStore({ dir: newDir(), durability: 'process' });
    expect(explicit.settings().synchronous).toBe('NORMAL');
    await explicit.close();
  });

  test('closing and reopening the folder keeps everything', async () => {
    const dir = newDir();
    const first = new SqliteStore({ dir });
    await fill(first);
    const before = snapshot(first);
    await first.close();
    const second = new SqliteStore({ dir });
    expect(second.migrated).toEqual({ from: SCHEMA_VERSION, to: SCHEMA_VERSION });
    expect(snapshot(second)).toEqual(before);
    // And the log goes on where it stopped.
    const x = execution('M', 'e1');
    await second.write([{ kind: 'appendEvents', executionArn: x.arn, events: passChain(5).slice(10) }]);
    expect(wire(second.readEvents(x.arn, { limit: Infinity }))).toEqual(wire(passChain(5)));
    await second.close();
  });

  test("an execution's event count, written into no row at its decisions, reads back from its events", async () => {
    const dir = newDir();
    const first = new SqliteStore({ dir });
    const x = execution('M', 'counted');
    const chain = passChain(3);
    await first.write([{ kind: 'putExecution', record: x }]);
    for (let id = 1; id <= chain.length; id++) {
      await first.write([{ kind: 'putExecution', record: { ...x, eventCount: id } }, { kind: 'appendEvents', executionArn: x.arn, events: chain.slice(id - 1, id) }]);
    }
    expect(first.getExecution(x.arn)?.eventCount).toBe(chain.length);
    await first.close();
    const second = new SqliteStore({ dir });
    expect(second.getExecution(x.arn)).toStrictEqual({ ...x, eventCount: chain.length });
    expect(second.listExecutions({}, { limit: 10 }).items).toStrictEqual([{ ...x, eventCount: chain.length }]);
    await second.close();
  });

  test('writes still pending at close are committed by it', async () => {
    const dir = newDir();
    const store = new SqliteStore({ dir });
    const pending = store.write([{ kind: 'putExecution', record: execution('M', 'late') }]);
    await store.close();
    await pending;
    const reopened = new SqliteStore({ dir });
    expect(reopened.getExecution(execution('M', 'late').arn)).toEqual(execution('M', 'late'));
    await reopened.close();
  });

  test('writes handed over in later microtasks of the same tick join the same transaction', async () => {
    const store = new SqliteStore({ dir: newDir() });
    const a = store.write([{ kind: 'putExecution', record: execution('M', 'a') }]);
    await Promise.resolve();
    const b = store.write([{ kind: 'putExecution', record: execution('M', 'b') }]);
    await Promise.all([a, b]);
    expect(store.stats).toEqual({ writes: 2, failedWrites: 0, transactions: 1 });
    await store.close();
  });

  test('an acknowledged write survives SIGKILL of the process that made it', async () => {
    const dir = newDir();
    const writer = spawnStoreChild('writer', dir);
    try {
      await writer.waitFor(/^ack 5\d$/); // dozens acknowledged, more in flight
    } finally {
      writer.child.kill('SIGKILL');
    }
    expect(await writer.exited).toBe('SIGKILL');
    const acked = writer.lines.filter((l) => l.startsWith('ack ')).map((l) => Number(l.slice(4)));
    expect(acked.length).toBeGreaterThanOrEqual(50);

    const store = new SqliteStore({ dir });
    for (const n of acked) {
      const x = childExecution(n);
      expect(store.getExecution(x.arn)).toEqual({ ...x, eventCount: 8 });
      expect(wire(store.readEvents(x.arn, { limit: Infinity }))).toEqual(wire(passChain(3)));
      expect(store.getToken(`token-${n}`)).toEqual({ token: `token-${n}`, executionArn: x.arn, taskId: 't1' });
    }
    // What was not acknowledged is either all there or not there at all.
    const all = store.listExecutions({}, { limit: Infinity }).items;
    expect(all.length).toBeGreaterThanOrEqual(acked.length);
    for (const record of all) {
      expect(store.readEvents(record.arn, { limit: Infinity })).toHaveLength(8);
      expect(store.readInputs(record.arn)).toHaveLength(1);
    }
    expect(store.timers()).toHaveLength(all.length);
    await store.close();
  });
});
