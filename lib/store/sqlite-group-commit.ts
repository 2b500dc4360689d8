import type Database from 'better-sqlite3';
import type { StoreStats } from './store-stats';

interface CommitGroup {
  promise: Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
  /** Calls of this group that were applied. */
  accepted: number;
}

function newGroup(): CommitGroup {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject, accepted: 0 };
}

/**
 * Group commit on one SQLite connection. The first call of a tick opens a transaction and every
 * call of that tick joins it; it commits on setImmediate, and only then do the calls' promises
 * resolve, so one fsync-free WAL append (or one fsync with durability 'power') serves them all.
 * Each call runs in its own SAVEPOINT: a call that throws leaves nothing and rejects, while the
 * others of its tick still commit.
 */
export class SqliteGroupCommit {
  private group: CommitGroup | undefined;
  private readonly sql: Record<'begin' | 'commit' | 'rollback' | 'savepoint' | 'release' | 'rollbackTo', Database.Statement<[]>>;

  constructor(
    private readonly db: Database.Database,
    private readonly stats: StoreStats,
    private readonly onCommitted: () => void,
    /** A call or a whole transaction was rolled back: what the store remembers of its rows may be undone. */
    private readonly onRolledBack: () => void,
  ) {
    const p = (sql: string) => db.prepare<[]>(sql);
    this.sql = {
      begin: p('BEGIN'),
      commit: p('COMMIT'),
      rollback: p('ROLLBACK'),
      savepoint: p('SAVEPOINT write_call'),
      release: p('RELEASE write_call'),
      rollbackTo: p('ROLLBACK TO write_call'),
    };
  }

  /** Runs `apply` inside this tick's transaction; resolves once that transaction committed. */
  run(apply: () => void): Promise<void> {
    let group = this.group;
    try {
      if (!group) {
        this.sql.begin.run();
        const g = (group = this.group = newGroup());
        setImmediate(() => this.commit(g));
      }
      this.sql.savepoint.run();
    } catch (error) {
      return Promise.reject(error);
    }
    try {
      apply();
      this.sql.release.run();
    } catch (error) {
      this.stats.failedWrites++;
      this.undoCall(group, error);
      return Promise.reject(error);
    }
    this.stats.writes++;
    group.accepted++;
    return group.promise;
  }

  /** Resolves once every call made so far is committed. */
  flush(): Promise<void> {
    return this.group?.promise ?? Promise.resolve();
  }

  /** Commits the open transaction now instead of on setImmediate (at close). */
  commitNow(): Promise<void> {
    const group = this.group;
    if (!group) return Promise.resolve();
    this.commit(group);
    return group.promise;
  }

  /** Rolls back the failed call's savepoint. If SQLite already dropped the whole transaction (an I/O error), the tick's group fails with it. */
  private undoCall(group: CommitGroup, error: unknown): void {
    this.onRolledBack();
    if (this.db.inTransaction) {
      try {
        this.sql.rollbackTo.run();
        this.sql.release.run();
        return;
      } catch {
        if (this.db.inTransaction) this.sql.rollback.run();
      }
    }
    this.group = undefined;
    // With no call accepted, nothing was lost (and nobody may be listening for a rejection).
    if (group.accepted > 0) group.reject(error);
    else group.resolve();
  }

  private commit(group: CommitGroup): void {
    if (this.group !== group) return;
    this.group = undefined;
    if (group.accepted === 0) {
      this.sql.rollback.run();
      group.resolve();
      return;
    }
    try {
      this.sql.commit.run();
    } catch (error) {
      this.onRolledBack();
      if (this.db.inTransaction) this.sql.rollback.run();
      group.reject(error);
      return;
    }
    this.stats.transactions++;
    group.resolve();
    this.onCommitted();
  }
}
