import { rmSync } from 'node:fs';
import { SqliteStore, StoreLockedError } from '../../lib/store';
import { execution, spawnStoreChild, tempDir } from './store-fixtures';

/**
 * Two stores on one data folder would both recover the same executions and fire the same timers.
 * The decision: the second one fails at once, with StoreLockedError, rather than wait. The lock is
 * SQLite's own (exclusive locking mode), so the OS releases it when its holder dies.
 */
describe('sqlite store: one store per data folder', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('a second store in the same process fails clearly, and the folder opens again once the first is closed', async () => {
    const first = new SqliteStore({ dir });
    await first.write([{ kind: 'putExecution', record: execution('M', 'a') }]);
    expect(() => new SqliteStore({ dir })).toThrow(StoreLockedError);
    expect(() => new SqliteStore({ dir })).toThrow(`data folder ${dir} is in use by another open store (this process or another one); stop it or use another folder`);
    // The failed attempt changed nothing for the holder.
    await first.write([{ kind: 'putExecution', record: execution('M', 'b') }]);
    await first.close();
    const second = new SqliteStore({ dir });
    expect(second.listExecutions({}, { limit: 10 }).items.map((r) => r.name).sort()).toEqual(['a', 'b']);
    await second.close();
  });

  test('a store in another process holds the folder until it dies, even by SIGKILL', async () => {
    const holder = spawnStoreChild('hold', dir);
    try {
      await holder.waitFor(/^ready$/);
      expect(() => new SqliteStore({ dir })).toThrow(StoreLockedError);
    } finally {
      holder.child.kill('SIGKILL');
    }
    expect(await holder.exited).toBe('SIGKILL');
    const store = new SqliteStore({ dir });
    await store.write([{ kind: 'putExecution', record: execution('M', 'after') }]);
    await store.close();
  });

  test('a process cannot open a folder this process holds', async () => {
    const store = new SqliteStore({ dir });
    const other = spawnStoreChild('hold', dir);
    await expect(other.waitFor(/^ready$/)).rejects.toThrow(/StoreLockedError: data folder .* is in use/);
    await other.exited;
    await store.close();
  });
});
