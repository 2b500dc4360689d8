import { join } from 'node:path';
import Database from 'better-sqlite3';
import { StoreLockedError } from './store-errors';

export const LOCK_FILE = 'sagaflow.lock';

/**
 * Holds a data folder for one store. Two stores on one folder would both recover the same
 * executions and fire the same timers, so the second one fails at once (it does not wait).
 *
 * The lock is SQLite's own exclusive lock on a small file next to the database, kept for the
 * store's lifetime (locking_mode=EXCLUSIVE): SQLite refuses a second holder both in this process
 * and in another one, and the OS drops the lock when its holder dies, even by SIGKILL, so a
 * restart after a crash opens cleanly. The database itself stays in normal locking mode, so that
 * the checkpointer thread can work on it alongside the writer.
 */
export class FolderLock {
  private readonly db: Database.Database;

  constructor(readonly dir: string) {
    const db = new Database(join(dir, LOCK_FILE), { timeout: 0 });
    try {
      db.pragma('locking_mode = EXCLUSIVE');
      db.exec('BEGIN EXCLUSIVE; COMMIT');
    } catch (error) {
      db.close();
      if ((error as { code?: string }).code === 'SQLITE_BUSY') {
        throw new StoreLockedError(`data folder ${dir} is in use by another open store (this process or another one); stop it or use another folder`);
      }
      throw error;
    }
    this.db = db;
  }

  release(): void {
    if (this.db.open) this.db.close();
  }
}
