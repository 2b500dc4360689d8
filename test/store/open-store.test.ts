import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryStore, openStore, SqliteStore } from '../../lib/store';
import { execution, tempDir } from './store-fixtures';

describe('openStore', () => {
  test('memory: a MemoryStore without a folder', async () => {
    const store = openStore({ kind: 'memory' });
    expect(store).toBeInstanceOf(MemoryStore);
    expect(store.kind).toBe('memory');
    expect(store.dir).toBeUndefined();
    await store.close();
  });

  test('sqlite: a SqliteStore in the folder given, with the durability asked for', async () => {
    const parent = tempDir();
    try {
      const store = openStore({ kind: 'sqlite', dir: join(parent, 'data'), durability: 'power' });
      expect(store).toBeInstanceOf(SqliteStore);
      expect(store.kind).toBe('sqlite');
      expect(store.dir).toBe(join(parent, 'data'));
      expect((store as SqliteStore).settings().synchronous).toBe('FULL');
      await store.write([{ kind: 'putExecution', record: execution('M', 'a') }]);
      await store.close();
      const again = openStore({ kind: 'sqlite', dir: join(parent, 'data') });
      expect(again.getExecution(execution('M', 'a').arn)).toEqual(execution('M', 'a'));
      expect((again as SqliteStore).settings().synchronous).toBe('NORMAL');
      await again.close();
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });
});
