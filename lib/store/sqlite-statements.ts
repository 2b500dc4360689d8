import type Database from 'better-sqlite3';
import { EVENT_ID_BITS, MAX_EVENT_ID } from './store-limits';

type S<P extends unknown[], R = unknown> = Database.Statement<P, R>;

export interface ExecutionIdRow {
  id: number;
  status: string;
}
export interface DocRow {
  doc: string;
}
/** An execution: its record as JSON, with input and output lifted out (NULL: still inside `doc`). */
export interface ExecutionRow {
  doc: string;
  input: string | null;
  output: string | null;
  /** The execution's highest event id, read from its events (NULL: it has none yet, `doc` holds 0). */
  event_count: number | null;
}
export interface EventRow {
  k: number;
  body: string;
  payload: string | null;
  payload_from: number | null;
}
export interface TimerRow {
  executionArn: string;
  timerId: string;
  dueAt: number;
}
export interface TokenRow {
  token: string;
  executionArn: string;
  taskId: string;
  closed: 0 | 1;
}
export interface ActivityTaskRow {
  activityArn: string;
  token: string;
  executionArn: string;
  taskId: string;
  input: string;
  scheduledAt: number;
  startedAt: number | null;
  workerName: string | null;
}

/** A parameter of an events INSERT: k, body, payload or payload_from. */
export type EventParam = number | string | null;
/** Rows of one multi-row events INSERT; a decision appends a few events, a long append is cut in chunks. */
export const MAX_EVENTS_PER_INSERT = 8;

/**
 * An execution row as ExecutionRow reads it. Its event count changes with every decision, so it is
 * not written into the row (an UPDATE rewrites the whole row) but read from its events' keys.
 */
const FIRST_KEY = `executions.id * ${2 ** EVENT_ID_BITS}`;
export const EXECUTION_COLUMNS = `doc, input, output,
  (SELECT max(k) FROM events WHERE k BETWEEN ${FIRST_KEY} + 1 AND ${FIRST_KEY} + ${MAX_EVENT_ID}) - ${FIRST_KEY} AS event_count`;

const ACTIVITY_TASK_COLUMNS = `t.activity_arn AS activityArn, t.token, e.arn AS executionArn, t.task_id AS taskId, t.input,
  t.scheduled_at AS scheduledAt, t.started_at AS startedAt, t.worker_name AS workerName`;

/** Every fixed statement of the SQLite store, prepared once when the store opens. */
export function prepareStatements(db: Database.Database) {
  const p = <P extends unknown[], R = unknown>(sql: string): S<P, R> => db.prepare<P, R>(sql);
  return {
    putDefinition: p<[string, string]>(
      `INSERT INTO definitions (revision_id, definition) VALUES (?, ?)
       ON CONFLICT (revision_id) DO UPDATE SET definition = excluded.definition WHERE definition IS NOT excluded.definition`,
    ),
    getDefinition: p<[string], { revisionId: string; definition: string }>(
      'SELECT revision_id AS revisionId, definition FROM definitions WHERE revision_id = ?',
    ),

    putStateMachine: p<[string, string, string]>(
      `INSERT INTO state_machines (arn, name, doc) VALUES (?, ?, ?)
       ON CONFLICT (arn) DO UPDATE SET name = excluded.name, doc = excluded.doc`,
    ),
    deleteStateMachine: p<[string]>('DELETE FROM state_machines WHERE arn = ?'),
    deleteMachineVersionTags: p<[string]>('DELETE FROM tags WHERE resource_arn IN (SELECT arn FROM versions WHERE state_machine_arn = ?)'),
    deleteMachineAliasTags: p<[string]>('DELETE FROM tags WHERE resource_arn IN (SELECT arn FROM aliases WHERE state_machine_arn = ?)'),
    deleteMachineVersions: p<[string]>('DELETE FROM versions WHERE state_machine_arn = ?'),
    deleteMachineAliases: p<[string]>('DELETE FROM aliases WHERE state_machine_arn = ?'),
    getStateMachine: p<[string], DocRow>('SELECT doc FROM state_machines WHERE arn = ?'),
    listStateMachines: p<[number], DocRow>('SELECT doc FROM state_machines ORDER BY name, arn LIMIT ?'),
    listStateMachinesAfter: p<[string, string, string, number], DocRow>(
      'SELECT doc FROM state_machines WHERE name >= ? AND (name > ? OR arn > ?) ORDER BY name, arn LIMIT ?',
    ),

    putVersion: p<[string, string, number, string]>(
      `INSERT INTO versions (arn, state_machine_arn, version, doc) VALUES (?, ?, ?, ?)
       ON CONFLICT (arn) DO UPDATE SET state_machine_arn = excluded.state_machine_arn, version = excluded.version, doc = excluded.doc`,
    ),
    deleteVersion: p<[string]>('DELETE FROM versions WHERE arn = ?'),
    getVersion: p<[string], DocRow>('SELECT doc FROM versions WHERE arn = ?'),
    listVersions: p<[string, number], DocRow>('SELECT doc FROM versions WHERE state_machine_arn = ? ORDER BY version DESC LIMIT ?'),
    listVersionsAfter: p<[string, number, number], DocRow>(
      'SELECT doc FROM versions WHERE state_machine_arn = ? AND version < ? ORDER BY version DESC LIMIT ?',
    ),

    putAlias: p<[string, string, string, string]>(
      `INSERT INTO aliases (arn, state_machine_arn, name, doc) VALUES (?, ?, ?, ?)
       ON CONFLICT (arn) DO UPDATE SET state_machine_arn = excluded.state_machine_arn, name = excluded.name, doc = excluded.doc`,
    ),
    deleteAlias: p<[string]>('DELETE FROM aliases WHERE arn = ?'),
    getAlias: p<[string], DocRow>('SELECT doc FROM aliases WHERE arn = ?'),
    listAliases: p<[string, number], DocRow>('SELECT doc FROM aliases WHERE state_machine_arn = ? ORDER BY name, arn LIMIT ?'),
    listAliasesAfter: p<[string, string, string, string, number], DocRow>(
      'SELECT doc FROM aliases WHERE state_machine_arn = ? AND name >= ? AND (name > ? OR arn > ?) ORDER BY name, arn LIMIT ?',
    ),

    putActivity: p<[string, string, string]>(
      `INSERT INTO activities (arn, name, doc) VALUES (?, ?, ?)
       ON CONFLICT (arn) DO UPDATE SET name = excluded.name, doc = excluded.doc`,
    ),
    deleteActivity: p<[string]>('DELETE FROM activities WHERE arn = ?'),
    deleteQueuedActivityTasks: p<[string]>('DELETE FROM activity_tasks WHERE activity_arn = ? AND started_at IS NULL'),
    getActivity: p<[string], DocRow>('SELECT doc FROM activities WHERE arn = ?'),
    listActivities: p<[number], DocRow>('SELECT doc FROM activities ORDER BY name, arn LIMIT ?'),
    listActivitiesAfter: p<[string, string, string, number], DocRow>(
      'SELECT doc FROM activities WHERE name >= ? AND (name > ? OR arn > ?) ORDER BY name, arn LIMIT ?',
    ),

    putExecution: p<
      [string, string, string, number, number | null, string | null, string | null, string | null, string | null, number, string, string | null, string | null],
      { id: number }
    >(
      `INSERT INTO executions (arn, state_machine_arn, status, start_date, stop_date, version_arn, alias_arn, map_run_arn, parent_arn, redrive_count, doc, input, output)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (arn) DO UPDATE SET state_machine_arn = excluded.state_machine_arn, status = excluded.status,
         start_date = excluded.start_date, stop_date = excluded.stop_date, version_arn = excluded.version_arn,
         alias_arn = excluded.alias_arn, map_run_arn = excluded.map_run_arn, parent_arn = excluded.parent_arn,
         redrive_count = excluded.redrive_count, doc = excluded.doc, input = excluded.input, output = excluded.output
       RETURNING id`,
    ),
    // A summary that leaves every indexed column as it was rewrites the row alone; the upsert above
    // rewrites all eight indexes (measured ~4x the cost).
    updateExecutionDoc: p<
      [string, string | null, string | null, string, string, string, number, number | null, string | null, string | null, string | null, string | null, number],
      { id: number }
    >(
      `UPDATE executions SET doc = ?, input = ?, output = ?
       WHERE arn = ? AND state_machine_arn = ? AND status = ? AND start_date = ? AND stop_date IS ? AND version_arn IS ?
         AND alias_arn IS ? AND map_run_arn IS ? AND parent_arn IS ? AND redrive_count = ?
       RETURNING id`,
    ),
    executionId: p<[string], ExecutionIdRow>('SELECT id, status FROM executions WHERE arn = ?'),
    getExecution: p<[string], ExecutionRow>(`SELECT ${EXECUTION_COLUMNS} FROM executions WHERE arn = ?`),
    runningExecutions: p<[], string>(`SELECT arn FROM executions WHERE status = 'RUNNING' ORDER BY start_date, arn`).pluck(),
    childExecutions: p<[string], ExecutionRow>(`SELECT ${EXECUTION_COLUMNS} FROM executions WHERE parent_arn = ? ORDER BY start_date, arn`),

    lastInput: p<[number], number | null>('SELECT max(seq) FROM inputs WHERE execution_id = ?').pluck(),
    putInput: p<[number, number, string]>('INSERT INTO inputs (execution_id, seq, body) VALUES (?, ?, ?)'),
    readInputs: p<[number], string>('SELECT body FROM inputs WHERE execution_id = ? ORDER BY seq').pluck(),

    lastEventKey: p<[number, number], number | null>('SELECT max(k) FROM events WHERE k BETWEEN ? AND ?').pluck(),
    /** putEvents[n - 1] inserts n rows (n = 1..MAX_EVENTS_PER_INSERT): one statement step instead of n. */
    putEvents: Array.from({ length: MAX_EVENTS_PER_INSERT }, (_, i) =>
      p<EventParam[]>(`INSERT INTO events (k, body, payload, payload_from) VALUES ${Array.from({ length: i + 1 }, () => '(?, ?, ?, ?)').join(', ')}`),
    ),
    readEvents: p<[number, number, number], EventRow>('SELECT k, body, payload, payload_from FROM events WHERE k BETWEEN ? AND ? ORDER BY k LIMIT ?'),
    readEventsReverse: p<[number, number, number], EventRow>(
      'SELECT k, body, payload, payload_from FROM events WHERE k BETWEEN ? AND ? ORDER BY k DESC LIMIT ?',
    ),
    eventPayload: p<[number], string | null>('SELECT payload FROM events WHERE k = ?').pluck(),

    armTimer: p<[number, string, number]>(
      `INSERT INTO timers (execution_id, timer_id, due_at) VALUES (?, ?, ?)
       ON CONFLICT (execution_id, timer_id) DO UPDATE SET due_at = excluded.due_at`,
    ),
    cancelTimer: p<[string, string]>('DELETE FROM timers WHERE execution_id = (SELECT id FROM executions WHERE arn = ?) AND timer_id = ?'),
    timers: p<[], TimerRow>(
      `SELECT e.arn AS executionArn, t.timer_id AS timerId, t.due_at AS dueAt
       FROM timers t JOIN executions e ON e.id = t.execution_id ORDER BY t.due_at, t.rowid`,
    ),

    putToken: p<[string, number, string, 0 | 1]>('INSERT OR REPLACE INTO tokens (token, execution_id, task_id, closed) VALUES (?, ?, ?, ?)'),
    deleteToken: p<[string]>('DELETE FROM tokens WHERE token = ?'),
    getToken: p<[string], TokenRow>(
      'SELECT t.token, e.arn AS executionArn, t.task_id AS taskId, t.closed FROM tokens t JOIN executions e ON e.id = t.execution_id WHERE t.token = ?',
    ),

    putActivityTask: p<[string, string, number, string, string, number, number | null, string | null]>(
      `INSERT INTO activity_tasks (token, activity_arn, execution_id, task_id, input, scheduled_at, started_at, worker_name)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (token) DO UPDATE SET activity_arn = excluded.activity_arn, execution_id = excluded.execution_id,
         task_id = excluded.task_id, input = excluded.input, scheduled_at = excluded.scheduled_at,
         started_at = excluded.started_at, worker_name = excluded.worker_name`,
    ),
    deleteActivityTask: p<[string]>('DELETE FROM activity_tasks WHERE token = ?'),
    getActivityTask: p<[string], ActivityTaskRow>(
      `SELECT ${ACTIVITY_TASK_COLUMNS} FROM activity_tasks t JOIN executions e ON e.id = t.execution_id WHERE t.token = ?`,
    ),
    queuedActivityTasks: p<[string, number], ActivityTaskRow>(
      `SELECT ${ACTIVITY_TASK_COLUMNS} FROM activity_tasks t JOIN executions e ON e.id = t.execution_id
       WHERE t.activity_arn = ? AND t.started_at IS NULL ORDER BY t.scheduled_at, t.rowid LIMIT ?`,
    ),

    putMapRun: p<[string, number, number, string]>(
      `INSERT INTO map_runs (arn, execution_id, start_date, doc) VALUES (?, ?, ?, ?)
       ON CONFLICT (arn) DO UPDATE SET execution_id = excluded.execution_id, start_date = excluded.start_date, doc = excluded.doc`,
    ),
    getMapRun: p<[string], DocRow>('SELECT doc FROM map_runs WHERE arn = ?'),
    listMapRuns: p<[string, number], DocRow>(
      'SELECT m.doc FROM map_runs m JOIN executions e ON e.id = m.execution_id WHERE e.arn = ? ORDER BY m.start_date DESC, m.arn LIMIT ?',
    ),
    listMapRunsAfter: p<[string, number, number, string, number], DocRow>(
      `SELECT m.doc FROM map_runs m JOIN executions e ON e.id = m.execution_id
       WHERE e.arn = ? AND m.start_date <= ? AND (m.start_date < ? OR m.arn > ?) ORDER BY m.start_date DESC, m.arn LIMIT ?`,
    ),

    putTags: p<[string, string]>('INSERT INTO tags (resource_arn, tags) VALUES (?, ?) ON CONFLICT (resource_arn) DO UPDATE SET tags = excluded.tags'),
    deleteTags: p<[string]>('DELETE FROM tags WHERE resource_arn = ?'),
    getTags: p<[string], string>('SELECT tags FROM tags WHERE resource_arn = ?').pluck(),

    purgeInputs: p<[number]>('DELETE FROM inputs WHERE execution_id = ?'),
    purgeEvents: p<[number, number]>('DELETE FROM events WHERE k BETWEEN ? AND ?'),
    purgeTimers: p<[number]>('DELETE FROM timers WHERE execution_id = ?'),
    purgeTokens: p<[number]>('DELETE FROM tokens WHERE execution_id = ?'),
    purgeActivityTasks: p<[number]>('DELETE FROM activity_tasks WHERE execution_id = ?'),
    purgeMapRunTags: p<[number]>('DELETE FROM tags WHERE resource_arn IN (SELECT arn FROM map_runs WHERE execution_id = ?)'),
    purgeMapRuns: p<[number]>('DELETE FROM map_runs WHERE execution_id = ?'),
    purgeExecution: p<[number]>('DELETE FROM executions WHERE id = ?'),
  };
}

export type SqliteStatements = ReturnType<typeof prepareStatements>;
