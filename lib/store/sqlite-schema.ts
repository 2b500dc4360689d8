import type Database from 'better-sqlite3';
import { StoreSchemaError } from './store-errors';

/**
 * The SQLite schema as a list of migrations. A folder's `PRAGMA user_version` is the number of
 * migrations applied to it; opening a folder applies the missing ones in order, each in its own
 * transaction with its version bump, so an old data folder upgrades in place and a crash
 * mid-upgrade leaves it at the last complete version.
 *
 * Record tables keep the record as JSON (`doc`) plus the columns their queries and indexes need.
 * Rows of one execution point at `executions.id`, a small integer, rather than repeating its ARN.
 * Events are keyed by `executionId * 2^22 + eventId` (see store-limits.ts): one B-tree, in order.
 */
export interface Migration {
  /** What this step changes, for the log of an upgrade. */
  description: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    description: 'records, executions, inputs, events, timers, tokens, activity tasks, map runs, tags',
    sql: `
      CREATE TABLE definitions (revision_id TEXT PRIMARY KEY, definition TEXT NOT NULL);

      CREATE TABLE state_machines (arn TEXT PRIMARY KEY, name TEXT NOT NULL, doc TEXT NOT NULL);
      CREATE INDEX state_machines_by_name ON state_machines (name, arn);
      CREATE TABLE versions (arn TEXT PRIMARY KEY, state_machine_arn TEXT NOT NULL, version INTEGER NOT NULL, doc TEXT NOT NULL);
      CREATE INDEX versions_by_machine ON versions (state_machine_arn, version);
      CREATE TABLE aliases (arn TEXT PRIMARY KEY, state_machine_arn TEXT NOT NULL, name TEXT NOT NULL, doc TEXT NOT NULL);
      CREATE INDEX aliases_by_machine ON aliases (state_machine_arn, name, arn);
      CREATE TABLE activities (arn TEXT PRIMARY KEY, name TEXT NOT NULL, doc TEXT NOT NULL);
      CREATE INDEX activities_by_name ON activities (name, arn);

      CREATE TABLE executions (
        id INTEGER PRIMARY KEY,
        arn TEXT NOT NULL UNIQUE,
        state_machine_arn TEXT NOT NULL,
        status TEXT NOT NULL,
        start_date INTEGER NOT NULL,
        stop_date INTEGER,
        version_arn TEXT,
        alias_arn TEXT,
        map_run_arn TEXT,
        parent_arn TEXT,
        redrive_count INTEGER NOT NULL,
        doc TEXT NOT NULL
      );
      CREATE INDEX executions_by_machine ON executions (state_machine_arn, start_date DESC, arn);
      CREATE INDEX executions_by_machine_status ON executions (state_machine_arn, status, start_date DESC, arn);
      CREATE INDEX executions_by_version ON executions (version_arn, start_date DESC, arn) WHERE version_arn IS NOT NULL;
      CREATE INDEX executions_by_alias ON executions (alias_arn, start_date DESC, arn) WHERE alias_arn IS NOT NULL;
      CREATE INDEX executions_by_map_run ON executions (map_run_arn, start_date DESC, arn) WHERE map_run_arn IS NOT NULL;
      CREATE INDEX executions_by_parent ON executions (parent_arn, start_date, arn) WHERE parent_arn IS NOT NULL;
      CREATE INDEX executions_running ON executions (start_date, arn) WHERE status = 'RUNNING';
      CREATE INDEX executions_by_close ON executions (stop_date, arn) WHERE stop_date IS NOT NULL;

      CREATE TABLE inputs (execution_id INTEGER NOT NULL, seq INTEGER NOT NULL, body TEXT NOT NULL, PRIMARY KEY (execution_id, seq));
      CREATE TABLE events (k INTEGER PRIMARY KEY, body TEXT NOT NULL);

      CREATE TABLE timers (execution_id INTEGER NOT NULL, timer_id TEXT NOT NULL, due_at INTEGER NOT NULL, UNIQUE (execution_id, timer_id));
      CREATE INDEX timers_by_due ON timers (due_at);
      CREATE TABLE tokens (token TEXT PRIMARY KEY, execution_id INTEGER NOT NULL, task_id TEXT NOT NULL) WITHOUT ROWID;
      CREATE INDEX tokens_by_execution ON tokens (execution_id);
      CREATE TABLE activity_tasks (
        token TEXT NOT NULL UNIQUE,
        activity_arn TEXT NOT NULL,
        execution_id INTEGER NOT NULL,
        task_id TEXT NOT NULL,
        input TEXT NOT NULL,
        scheduled_at INTEGER NOT NULL,
        started_at INTEGER,
        worker_name TEXT
      );
      CREATE INDEX activity_tasks_queued ON activity_tasks (activity_arn, scheduled_at) WHERE started_at IS NULL;
      CREATE INDEX activity_tasks_by_execution ON activity_tasks (execution_id);
      CREATE TABLE map_runs (arn TEXT PRIMARY KEY, execution_id INTEGER NOT NULL, start_date INTEGER NOT NULL, doc TEXT NOT NULL);
      CREATE INDEX map_runs_by_execution ON map_runs (execution_id, start_date DESC, arn);
      CREATE TABLE tags (resource_arn TEXT PRIMARY KEY, tags TEXT NOT NULL);
    `,
  },
  {
    description: 'payload texts in columns of their own: an event payload shared with the event before it is stored once',
    sql: `
      ALTER TABLE events ADD COLUMN payload TEXT;
      ALTER TABLE events ADD COLUMN payload_from INTEGER;
      ALTER TABLE executions ADD COLUMN input TEXT;
      ALTER TABLE executions ADD COLUMN output TEXT;
    `,
  },
  {
    description: "a token remembers that its task closed, so a late callback is told the task is gone rather than that the token is unknown",
    sql: `
      ALTER TABLE tokens ADD COLUMN closed INTEGER NOT NULL DEFAULT 0;
    `,
  },
  {
    description: 'an execution whose decision moved only its event count stores just that count, not its whole record again',
    sql: `
      ALTER TABLE executions ADD COLUMN event_count INTEGER;
    `,
  },
  {
    description: "an execution's event count is read from its events, not written at every decision",
    sql: `
      ALTER TABLE executions DROP COLUMN event_count;
    `,
  },
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** The database's schema version; a version newer than this code would be misread, so it is refused. */
export function knownVersion(db: Database.Database): number {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    throw new StoreSchemaError(
      `${db.name} has schema version ${version}, newer than this sagaflow knows (${SCHEMA_VERSION}); use a newer sagaflow or another data folder`,
    );
  }
  return version;
}

/**
 * Brings the database to `target` (default: the current schema). Refuses a database newer than
 * this code, which would otherwise be misread.
 */
export function migrate(db: Database.Database, target = SCHEMA_VERSION): { from: number; to: number } {
  const from = knownVersion(db);
  for (let version = from + 1; version <= target; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version - 1].sql);
      db.pragma(`user_version = ${version}`);
    }).immediate();
  }
  return { from, to: Math.max(from, target) };
}
