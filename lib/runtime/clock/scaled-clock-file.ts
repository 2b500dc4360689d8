import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScaledAnchor } from './service-clock';

interface Saved extends ScaledAnchor {
  factor: number;
}

/**
 * A scaled clock keeps its pace across restarts. Its anchor (a real instant and the service time
 * it stood for) is saved in the data folder when the service starts, so the service time after a
 * restart, even after a kill, goes on from where that mapping puts it: never back before the
 * events and due timers already written (a fresh anchor at the real time was up to factor times
 * behind them). The time the service was down counts at the same pace, as real time does with a
 * real clock; waits that fell due meanwhile fire at once. A new factor re-anchors at the time the
 * old one reached.
 */
export function resumeScaledClock(dir: string, factor: number, realNow: number): ScaledAnchor {
  const path = join(dir, 'scaled-clock.json');
  let saved: Saved | undefined;
  if (existsSync(path)) {
    const s = JSON.parse(readFileSync(path, 'utf8')) as Partial<Saved>;
    if (typeof s.realStart === 'number' && typeof s.serviceStart === 'number' && typeof s.factor === 'number') saved = s as Saved;
  }
  if (saved && saved.factor === factor) return { realStart: saved.realStart, serviceStart: saved.serviceStart };
  const serviceStart = saved ? Math.max(realNow, Math.floor(saved.serviceStart + (realNow - saved.realStart) * saved.factor)) : realNow;
  const anchor: Saved = { realStart: realNow, serviceStart, factor };
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${path}.tmp`, JSON.stringify(anchor));
  renameSync(`${path}.tmp`, path);
  return { realStart: anchor.realStart, serviceStart: anchor.serviceStart };
}
