import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { HistoryEvent } from '../engine/history-event';
import { purgeStatuses } from './closed-status';
import { checkLimit, decodeCursor, pageOf, sqlLimit } from './page-cursor';
import type {
  ActivityRecord,
  ActivityTaskRecord,
  DefinitionRecord,
  ExecutionQuery,
  ExecutionRecord,
  MapRunRecord,
  Page,
  PageRequest,
  StateMachineAliasRecord,
  StateMachineRecord,
  StateMachineVersionRecord,
  Tag,
  TaskTokenRecord,
  TimerRecord,
} from './records';
import type { EventQuery, PurgeQuery, Store, StoreWrite } from './store';
import { StoreClosedError } from './store-errors';
import { emptyStats, type StoreStats } from './store-stats';
import { Checkpointer } from './sqlite-checkpointer';
import { SqliteGroupCommit } from './sqlite-group-commit';
import { eventCodec, type EventCodec } from './sqlite-event-codec';
import { decodeExecution } from './sqlite-execution-codec';
import { FolderLock } from './sqlite-folder-lock';
import { knownVersion, migrate } from './sqlite-schema';
import { EXECUTION_COLUMNS, prepareStatements, type ActivityTaskRow, type ExecutionRow, type SqliteStatements } from './sqlite-statements';
import { eventKey, sqliteAppliers } from './sqlite-writes';
import { WrittenRows } from './sqlite-written-rows';
import { copyExecutionRecord } from './plain-copy';

export interface SqliteStoreOptions {
  /** The data folder; created if missing. The database is `<dir>/sagaflow.db`. */
  dir: string;
  /**
   * 'process': an acknowledged write survives a kill of the process (WAL, synchronous=NORMAL:
   * the commit is in the OS before `write` resolves). 'power': it survives power loss too
   * (synchronous=FULL: fsync on every commit).
   * @default 'process'
   */
  durability?: 'process' | 'power';
}

export const DATABASE_FILE = 'sagaflow.db';

/** Page size of a new database: history events of 1–3 KiB fill 8 KiB pages with little waste. */
const PAGE_SIZE = 8192;
/**
 * SQLite's page cache, KiB. The store keeps no rows in JS; this and the OS's file cache are its
 * only caches. Small on purpose: it counts in the process's memory, which 10,000 parked
 * executions must barely move (measured: a larger cache did not write faster).
 */
const CACHE_KIB = 2048;
/** How long a statement waits for the checkpointer's brief locks (WAL recovery, restart). */
const BUSY_TIMEOUT_MS = 5000;
/** Bytes of WAL file kept once the checkpointer caught up. */
const WAL_SIZE_LIMIT = 64 * 1024 * 1024;

function activityTask(row: ActivityTaskRow): ActivityTaskRecord {
  const { startedAt, workerName, ...rest } = row;
  const record: ActivityTaskRecord = rest;
  if (startedAt !== null) record.startedAt = startedAt;
  if (workerName !== null) record.workerName = workerName;
  return record;
}

const parse = <T>(doc: string | undefined): T | undefined => (doc === undefined ? undefined : (JSON.parse(doc) as T));

/**
 * The event log in SQLite (better-sqlite3), in `<dir>/sagaflow.db`, WAL journal.
 *
 * Writes are group-committed, each `write()` call atomic on its own (see SqliteGroupCommit). Reads
 * run on the same connection, inside the open transaction, so they see every write handed over,
 * committed or not. Besides SQLite's page cache, only the execution rows this connection wrote
 * last are kept in JS (WrittenRows, bounded, forgotten on any rollback).
 *
 * One store per data folder: a second store on the same folder, in this process or another one,
 * fails at once with StoreLockedError (see FolderLock). A worker thread checkpoints the WAL
 * (see Checkpointer), so commits do not stall for it.
 */
export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly dir: string;
  readonly stats: StoreStats = emptyStats();
  /** The schema versions of the folder before and after opening it. */
  readonly migrated: { from: number; to: number };

  /** Set when the checkpointer thread failed; the writer then checkpoints by itself. */
  checkpointFailure?: Error;

  private readonly db: Database.Database;
  private readonly lock: FolderLock;
  private readonly checkpointer: Checkpointer;
  private readonly st: SqliteStatements;
  private readonly events: EventCodec;
  private readonly apply: (w: StoreWrite) => void;
  private readonly forgetIds: () => void;
  private readonly queries = new Map<string, Database.Statement<unknown[], unknown>>();
  private readonly commits: SqliteGroupCommit;
  private readonly written = new WrittenRows();
  private closed = false;

  constructor(options: SqliteStoreOptions) {
    this.dir = resolve(options.dir);
    mkdirSync(this.dir, { recursive: true });
    const file = join(this.dir, DATABASE_FILE);
    const synchronous = options.durability === 'power' ? 'FULL' : 'NORMAL';
    this.lock = new FolderLock(this.dir);
    let db: Database.Database | undefined;
    try {
      db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
      knownVersion(db); // before anything changes the file
      db.pragma(`page_size = ${PAGE_SIZE}`);
      db.pragma('journal_mode = WAL');
      db.pragma(`synchronous = ${synchronous}`);
      db.pragma(`cache_size = -${CACHE_KIB}`);
      // Each write() call's SAVEPOINT keeps a statement journal; in memory, not in a temp file.
      db.pragma('temp_store = MEMORY');
      // The checkpointer thread copies the WAL back; a WAL that grew under a burst is cut back after.
      db.pragma('wal_autocheckpoint = 0');
      db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT}`);
      this.migrated = migrate(db);
      const writer = db;
      this.checkpointer = new Checkpointer(file, synchronous, (error) => {
        // Without its thread the writer checkpoints by itself again, at SQLite's default pace.
        this.checkpointFailure = error;
        if (writer.open) writer.pragma('wal_autocheckpoint = 1000');
      });
    } catch (error) {
      db?.close();
      this.lock.release();
      throw error;
    }
    this.db = db;
    this.commits = new SqliteGroupCommit(db, this.stats, () => this.checkpointer.request(), () => this.written.clear());
    this.st = prepareStatements(db);
    this.events = eventCodec(this.st);
    const { appliers, forget } = sqliteAppliers(this.st, this.events, this.written);
    this.apply = (w) => (appliers[w.kind] as (w: StoreWrite) => void)(w);
    this.forgetIds = forget;
  }

  /** The connection's settings as SQLite reports them, for diagnostics and tests. */
  settings(): { journalMode: string; synchronous: 'OFF' | 'NORMAL' | 'FULL' | 'EXTRA'; lockingMode: string; schemaVersion: number; pageSize: number } {
    this.assertOpen();
    const get = (name: string) => this.db.pragma(name, { simple: true }) as string | number;
    return {
      journalMode: String(get('journal_mode')),
      synchronous: (['OFF', 'NORMAL', 'FULL', 'EXTRA'] as const)[Number(get('synchronous'))],
      lockingMode: String(get('locking_mode')),
      schemaVersion: Number(get('user_version')),
      pageSize: Number(get('page_size')),
    };
  }

  write(writes: StoreWrite[]): Promise<void> {
    if (this.closed) return Promise.reject(new StoreClosedError(`the store of ${this.dir}`));
    return this.commits.run(() => {
      this.forgetIds();
      for (const w of writes) this.apply(w);
    });
  }

  flush(): Promise<void> {
    if (this.closed) return Promise.reject(new StoreClosedError(`the store of ${this.dir}`));
    return this.commits.flush();
  }

  /** Commits what is pending, then closes the database. Idempotent: closing a closed store resolves. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.commits.commitNow();
    } finally {
      await this.checkpointer.close();
      // The last connection to close checkpoints the WAL fully and removes it.
      this.db.close();
      this.lock.release();
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreClosedError(`the store of ${this.dir}`);
  }

  private get s(): SqliteStatements {
    this.assertOpen();
    return this.st;
  }

  /** A statement for a query whose WHERE clause depends on its filters, prepared once per shape. */
  private query<R>(sql: string, pluck = false): Database.Statement<unknown[], R> {
    let statement = this.queries.get(sql);
    if (!statement) {
      statement = this.db.prepare<unknown[], unknown>(sql).pluck(pluck);
      this.queries.set(sql, statement);
    }
    return statement as Database.Statement<unknown[], R>;
  }

  getDefinition(revisionId: string): DefinitionRecord | undefined {
    return this.s.getDefinition.get(revisionId);
  }

  getStateMachine(arn: string): StateMachineRecord | undefined {
    return parse(this.s.getStateMachine.get(arn)?.doc);
  }

  listStateMachines(page: PageRequest): Page<StateMachineRecord> {
    const limit = checkLimit(page.limit);
    const s = this.s;
    const n = page.after === undefined ? undefined : decodeCursor('stateMachines', page.after);
    const rows = n ? s.listStateMachinesAfter.all(n[0], n[0], n[1], sqlLimit(limit, true)) : s.listStateMachines.all(sqlLimit(limit, true));
    return pageOf(rows.map((r) => JSON.parse(r.doc) as StateMachineRecord), limit, 'stateMachines', (r) => [r.name, r.arn]);
  }

  getVersion(arn: string): StateMachineVersionRecord | undefined {
    return parse(this.s.getVersion.get(arn)?.doc);
  }

  listVersions(stateMachineArn: string, page: PageRequest): Page<StateMachineVersionRecord> {
    const limit = checkLimit(page.limit);
    const s = this.s;
    const rows =
      page.after === undefined
        ? s.listVersions.all(stateMachineArn, sqlLimit(limit, true))
        : s.listVersionsAfter.all(stateMachineArn, decodeCursor('versions', page.after)[0], sqlLimit(limit, true));
    return pageOf(rows.map((r) => JSON.parse(r.doc) as StateMachineVersionRecord), limit, 'versions', (r) => [r.version]);
  }

  getAlias(arn: string): StateMachineAliasRecord | undefined {
    return parse(this.s.getAlias.get(arn)?.doc);
  }

  listAliases(stateMachineArn: string, page: PageRequest): Page<StateMachineAliasRecord> {
    const limit = checkLimit(page.limit);
    const s = this.s;
    const n = page.after === undefined ? undefined : decodeCursor('aliases', page.after);
    const rows = n
      ? s.listAliasesAfter.all(stateMachineArn, n[0], n[0], n[1], sqlLimit(limit, true))
      : s.listAliases.all(stateMachineArn, sqlLimit(limit, true));
    return pageOf(rows.map((r) => JSON.parse(r.doc) as StateMachineAliasRecord), limit, 'aliases', (r) => [r.name, r.arn]);
  }

  getActivity(arn: string): ActivityRecord | undefined {
    return parse(this.s.getActivity.get(arn)?.doc);
  }

  listActivities(page: PageRequest): Page<ActivityRecord> {
    const limit = checkLimit(page.limit);
    const s = this.s;
    const n = page.after === undefined ? undefined : decodeCursor('activities', page.after);
    const rows = n ? s.listActivitiesAfter.all(n[0], n[0], n[1], sqlLimit(limit, true)) : s.listActivities.all(sqlLimit(limit, true));
    return pageOf(rows.map((r) => JSON.parse(r.doc) as ActivityRecord), limit, 'activities', (r) => [r.name, r.arn]);
  }

  getExecution(arn: string): ExecutionRecord | undefined {
    this.assertOpen();
    // A row this connection wrote and still remembers reads the same from memory (a copy, as decoded rows are fresh).
    const held = this.written.read(arn);
    if (held) return copyExecutionRecord(held);
    const row = this.st.getExecution.get(arn);
    return row && decodeExecution(row);
  }

  listExecutions(query: ExecutionQuery, page: PageRequest): Page<ExecutionRecord> {
    const limit = checkLimit(page.limit);
    this.assertOpen();
    const where: string[] = [];
    const params: unknown[] = [];
    const eq = (column: string, value: string | undefined) => {
      if (value === undefined) return;
      where.push(`${column} = ?`);
      params.push(value);
    };
    eq('state_machine_arn', query.stateMachineArn);
    eq('status', query.status);
    eq('version_arn', query.stateMachineVersionArn);
    eq('alias_arn', query.stateMachineAliasArn);
    eq('map_run_arn', query.mapRunArn);
    if (query.redriven !== undefined) where.push(query.redriven ? 'redrive_count > 0' : 'redrive_count = 0');
    if (page.after !== undefined) {
      const [startDate, arn] = decodeCursor('executions', page.after);
      where.push('start_date <= ? AND (start_date < ? OR arn > ?)');
      params.push(startDate, startDate, arn);
    }
    const filter = where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`;
    const rows = this.query<ExecutionRow>(`SELECT ${EXECUTION_COLUMNS} FROM executions ${filter} ORDER BY start_date DESC, arn LIMIT ?`).all(
      ...params,
      sqlLimit(limit, true),
    );
    return pageOf(rows.map(decodeExecution), limit, 'executions', (r) => [r.startDate, r.arn]);
  }

  runningExecutions(): string[] {
    return this.s.runningExecutions.all();
  }

  childExecutions(parentArn: string): ExecutionRecord[] {
    return this.s.childExecutions.all(parentArn).map(decodeExecution);
  }

  purgeCandidates(query: PurgeQuery): string[] {
    this.assertOpen();
    const statuses = purgeStatuses(query.statuses);
    if (statuses.length === 0) return [];
    const where = [`stop_date IS NOT NULL`, `status IN (${statuses.map(() => '?').join(', ')})`];
    const params: unknown[] = [...statuses];
    if (query.closedBefore !== undefined) (where.push('stop_date < ?'), params.push(query.closedBefore));
    if (query.stateMachineArn !== undefined) (where.push('state_machine_arn = ?'), params.push(query.stateMachineArn));
    return this.query<string>(`SELECT arn FROM executions WHERE ${where.join(' AND ')} ORDER BY stop_date, arn`, true).all(...params);
  }

  readInputs(executionArn: string): string[] {
    const row = this.s.executionId.get(executionArn);
    return row ? this.st.readInputs.all(row.id) : [];
  }

  readEvents(executionArn: string, query: EventQuery): HistoryEvent[] {
    const limit = checkLimit(query.limit);
    const row = this.s.executionId.get(executionArn);
    return row ? this.events.read(eventKey(row.id), query, limit) : [];
  }

  timers(): TimerRecord[] {
    return this.s.timers.all();
  }

  getToken(token: string): TaskTokenRecord | undefined {
    const row = this.s.getToken.get(token);
    if (!row) return undefined;
    const record: TaskTokenRecord = { token: row.token, executionArn: row.executionArn, taskId: row.taskId };
    if (row.closed) record.closed = true;
    return record;
  }

  queuedActivityTasks(activityArn: string, limit: number): ActivityTaskRecord[] {
    return this.s.queuedActivityTasks.all(activityArn, sqlLimit(checkLimit(limit), false)).map(activityTask);
  }

  getActivityTask(token: string): ActivityTaskRecord | undefined {
    const row = this.s.getActivityTask.get(token);
    return row && activityTask(row);
  }

  getMapRun(arn: string): MapRunRecord | undefined {
    return parse(this.s.getMapRun.get(arn)?.doc);
  }

  listMapRuns(executionArn: string, page: PageRequest): Page<MapRunRecord> {
    const limit = checkLimit(page.limit);
    const s = this.s;
    const k = page.after === undefined ? undefined : decodeCursor('mapRuns', page.after);
    const rows = k
      ? s.listMapRunsAfter.all(executionArn, k[0], k[0], k[1], sqlLimit(limit, true))
      : s.listMapRuns.all(executionArn, sqlLimit(limit, true));
    return pageOf(rows.map((r) => JSON.parse(r.doc) as MapRunRecord), limit, 'mapRuns', (r) => [r.startDate, r.arn]);
  }

  getTags(resourceArn: string): Tag[] {
    return parse<Tag[]>(this.s.getTags.get(resourceArn)) ?? [];
  }
}
