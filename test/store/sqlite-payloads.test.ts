import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { HistoryEvent } from '../../lib/engine';
import { DATABASE_FILE, SqliteStore } from '../../lib/store';
import { execution, passChain, tempDir, wire } from './store-fixtures';

interface Row {
  k: number;
  body: string;
  payload: string | null;
  payload_from: number | null;
}

/**
 * How SQLite stores event payloads (white box): a state's input is usually the text the state
 * before it output, so a payload equal to the one of the event just before it is stored once.
 */
describe('sqlite store: event payloads', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function rowsAfterWriting(events: HistoryEvent[][]): Promise<Row[]> {
    const store = new SqliteStore({ dir });
    const x = execution('M', 'e1');
    await store.write([{ kind: 'putExecution', record: x }]);
    for (const batch of events) await store.write([{ kind: 'appendEvents', executionArn: x.arn, events: batch }]);
    expect(wire(store.readEvents(x.arn, { limit: Infinity }))).toEqual(wire(events.flat()));
    await store.close();
    const db = new Database(join(dir, DATABASE_FILE), { readonly: true });
    const rows = db.prepare<[], Row>('SELECT k, body, payload, payload_from FROM events ORDER BY k').all();
    db.close();
    return rows;
  }

  test('a Pass chain stores each distinct payload text once, lifted out of the event JSON', async () => {
    const events = passChain(5); // 12 events, 6 distinct payloads (s0 … s5)
    const rows = await rowsAfterWriting([events]);
    expect(rows).toHaveLength(12);
    const owners = rows.filter((r) => r.payload !== null);
    expect(owners.map((r) => JSON.parse(r.payload!).seed)).toEqual(['s0', 's1', 's2', 's3', 's4', 's5']);
    expect(rows.filter((r) => r.payload === null).every((r) => r.payload_from !== null && r.payload_from < r.k)).toBe(true);
    // The body keeps the event's shape with a placeholder where the text stood.
    expect(JSON.parse(rows[1].body)).toEqual({ ...JSON.parse(JSON.stringify(events[1])), stateEnteredEventDetails: { name: 'Step0', input: 0, inputDetails: { truncated: false } } });
  });

  test('payloads are shared only within one append; short texts and events without payload stay inline', async () => {
    const events = passChain(1); // ExecutionStarted, Entered, Exited, ExecutionSucceeded
    const small: HistoryEvent = { timestamp: 1, type: 'TaskStateEntered', id: 5, previousEventId: 4, stateEnteredEventDetails: { name: 'T', input: '{"a":1}' } };
    const bare: HistoryEvent = { timestamp: 1, type: 'ParallelStateStarted', id: 6, previousEventId: 5 };
    const rows = await rowsAfterWriting([events.slice(0, 2), events.slice(2), [small, bare]]);
    // ExecutionStarted and Entered share s0; Exited (s1) starts a new append, so ExecutionSucceeded shares with it.
    const kind = (r: Row) => (r.payload !== null ? 'own' : r.payload_from !== null ? 'shared' : 'inline');
    expect(rows.map((r) => [kind(r), r.payload_from === null ? null : r.payload_from - r.k])).toEqual([
      ['own', 0],
      ['shared', -1],
      ['own', 0],
      ['shared', -1],
      ['inline', null],
      ['inline', null],
    ]);
    expect(rows[4].body).toBe(JSON.stringify(small));
    expect(rows[5].body).toBe(JSON.stringify(bare));
  });
});
