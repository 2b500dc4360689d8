import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE, SqliteStore, StoreSchemaError } from '../../lib/store';
import { MIGRATIONS, SCHEMA_VERSION, migrate } from '../../lib/store/sqlite-schema';
import { EVENT_ID_BITS } from '../../lib/store/store-limits';
import { closed, execution, machineArn, passChain, tempDir, wire } from './store-fixtures';

describe('sqlite store: schema versions', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('a new folder gets every migration, and records its version', async () => {
    const store = new SqliteStore({ dir });
    expect(store.migrated).toEqual({ from: 0, to: MIGRATIONS.length });
    expect(store.settings().schemaVersion).toBe(SCHEMA_VERSION);
    await store.close();
  });

  test('a folder written by schema version 1 is upgraded in place and reads back exactly', async () => {
    // Version 1 kept every record and event as one JSON text: write such a folder by hand.
    const events = passChain(2).slice(0, 5);
    const x = closed(execution('M', 'old', { eventCount: events.length }), 'SUCCEEDED', 1_700_000_000_099);
    const db = new Database(join(dir, DATABASE_FILE));
    db.pragma('journal_mode = WAL');
    migrate(db, 1);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    db.prepare('INSERT INTO state_machines (arn, name, doc) VALUES (?, ?, ?)').run(
      machineArn('M'),
      'M',
      JSON.stringify({ arn: machineArn('M'), name: 'M', type: 'STANDARD', revisionId: 'rev-1', roleArn: 'r', creationDate: 1, nextVersion: 1 }),
    );
    const { lastInsertRowid } = db
      .prepare(
        `INSERT INTO executions (arn, state_machine_arn, status, start_date, stop_date, version_arn, alias_arn, map_run_arn, parent_arn, redrive_count, doc)
         VALUES (?, ?, ?, ?, ?, NULL, NULL, NULL, NULL, 0, ?)`,
      )
      .run(x.arn, x.stateMachineArn, x.status, x.startDate, x.stopDate!, JSON.stringify(x));
    const base = Number(lastInsertRowid) * 2 ** EVENT_ID_BITS;
    for (const e of events) db.prepare('INSERT INTO events (k, body) VALUES (?, ?)').run(base + e.id, JSON.stringify(e));
    db.prepare('INSERT INTO inputs (execution_id, seq, body) VALUES (?, 1, ?)').run(lastInsertRowid, '{"kind":"StartExecution"}');
    db.close();

    const store = new SqliteStore({ dir });
    expect(store.migrated).toEqual({ from: 1, to: SCHEMA_VERSION });
    expect(store.settings().schemaVersion).toBe(SCHEMA_VERSION);
    expect(store.getExecution(x.arn)).toStrictEqual(x);
    expect(store.listExecutions({ stateMachineArn: machineArn('M') }, { limit: 5 }).items).toStrictEqual([x]);
    expect(store.getStateMachine(machineArn('M'))?.name).toBe('M');
    expect(wire(store.readEvents(x.arn, { limit: 100 }))).toEqual(wire(events));
    expect(store.readInputs(x.arn)).toEqual(['{"kind":"StartExecution"}']);

    // The history goes on in the new format after the old rows; both read back as one.
    await store.write([{ kind: 'appendEvents', executionArn: x.arn, events: passChain(2).slice(5) }]);
    expect(wire(store.readEvents(x.arn, { limit: 100 }))).toEqual(wire(passChain(2)));
    expect(wire(store.readEvents(x.arn, { reverse: true, limit: 100 }).reverse())).toEqual(wire(passChain(2)));
    const redriven = { ...x, status: 'RUNNING' as const, redriveCount: 1, output: undefined, eventCount: passChain(2).length };
    await store.write([{ kind: 'putExecution', record: redriven }]);
    expect(store.getExecution(x.arn)).toEqual(redriven);
    await store.close();

    const reopened = new SqliteStore({ dir });
    expect(reopened.migrated).toEqual({ from: SCHEMA_VERSION, to: SCHEMA_VERSION });
    expect(wire(reopened.readEvents(x.arn, { limit: 100 }))).toEqual(wire(passChain(2)));
    await reopened.close();
  });

  test("a folder of schema 4, whose rows held a count of their own, reads each execution's count from its events", async () => {
    const x = execution('M', 'counted', { eventCount: 2 });
    const events = passChain(2).slice(0, 5);
    const db = new Database(join(dir, DATABASE_FILE));
    db.pragma('journal_mode = WAL');
    migrate(db, 4);
    const { lastInsertRowid } = db
      .prepare(
        `INSERT INTO executions (arn, state_machine_arn, status, start_date, stop_date, version_arn, alias_arn, map_run_arn, parent_arn, redrive_count, doc, input, event_count)
         VALUES (?, ?, ?, ?, NULL, NULL, NULL, NULL, NULL, 0, ?, NULL, ?)`,
      )
      .run(x.arn, x.stateMachineArn, x.status, x.startDate, JSON.stringify({ ...x, eventCount: 0 }), 2);
    const base = Number(lastInsertRowid) * 2 ** EVENT_ID_BITS;
    for (const e of events) db.prepare('INSERT INTO events (k, body) VALUES (?, ?)').run(base + e.id, JSON.stringify(e));
    db.close();

    const store = new SqliteStore({ dir });
    expect(store.migrated).toEqual({ from: 4, to: SCHEMA_VERSION });
    expect(store.getExecution(x.arn)).toStrictEqual({ ...x, eventCount: events.length });
    await store.close();
    const check = new Database(join(dir, DATABASE_FILE), { readonly: true });
    const columns = (check.prepare('PRAGMA table_info(executions)').all() as Array<{ name: string }>).map((c) => c.name);
    check.close();
    expect(columns).not.toContain('event_count');
  });

  test('a folder from a newer sagaflow is refused and left as it is', () => {
    const db = new Database(join(dir, DATABASE_FILE));
    db.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    db.close();
    expect(() => new SqliteStore({ dir })).toThrow(StoreSchemaError);
    expect(() => new SqliteStore({ dir })).toThrow(`has schema version ${SCHEMA_VERSION + 5}, newer than this sagaflow knows (${SCHEMA_VERSION})`);
    const check = new Database(join(dir, DATABASE_FILE));
    expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 5);
    expect(check.pragma('journal_mode', { simple: true })).toBe('delete');
    check.close();
    // And the refused open did not keep the folder locked.
    const again = new Database(join(dir, DATABASE_FILE));
    again.exec('BEGIN EXCLUSIVE; COMMIT');
    again.close();
  });
});
