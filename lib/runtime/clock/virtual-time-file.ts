import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Virtual time survives a restart: the clock is saved in the data folder each time it is
 * advanced, so timers armed in the virtual future stay in the future after a crash.
 */
export function virtualTimeFile(dir: string) {
  const path = join(dir, 'virtual-clock.json');
  return {
    read(): number | undefined {
      if (!existsSync(path)) return undefined;
      const now = (JSON.parse(readFileSync(path, 'utf8')) as { now?: unknown }).now;
      return typeof now === 'number' ? now : undefined;
    },
    write(now: number): void {
      mkdirSync(dir, { recursive: true });
      writeFileSync(`${path}.tmp`, JSON.stringify({ now }));
      renameSync(`${path}.tmp`, path);
    },
  };
}
