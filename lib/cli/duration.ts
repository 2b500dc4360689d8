import { UsageError } from './command';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * A duration as users type it: `90s`, `5m`, `24h`, `1d`, `1h30m`, `1.5h`, or plain milliseconds.
 * The result is a positive whole number of milliseconds.
 */
export function parseDuration(text: string, flag: string): number {
  const trimmed = text.trim();
  let ms: number;
  if (/^\d+$/.test(trimmed)) ms = Number(trimmed);
  else {
    const parts = [...trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)];
    if (parts.length === 0 || parts.map((p) => p[0]).join('') !== trimmed) {
      throw new UsageError(`${flag} must be a duration such as 90s, 5m, 24h, 1d or a number of milliseconds (got '${text}')`);
    }
    ms = Math.round(parts.reduce((sum, [, n, unit]) => sum + Number(n) * UNIT_MS[unit], 0));
  }
  if (!Number.isSafeInteger(ms) || ms <= 0) throw new UsageError(`${flag} must be longer than zero (got '${text}')`);
  return ms;
}

/** A duration for people: 345ms, 12.3s, 4m 05s, 3h 04m, 2d 03h. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${(Math.floor(ms / 100) / 10).toFixed(1)}s`;
  const pad = (n: number) => String(n).padStart(2, '0');
  const s = Math.floor(ms / 1000);
  if (s < 3600) return `${Math.floor(s / 60)}m ${pad(s % 60)}s`;
  if (s < 86_400) return `${Math.floor(s / 3600)}h ${pad(Math.floor((s % 3600) / 60))}m`;
  return `${Math.floor(s / 86_400)}d ${pad(Math.floor((s % 86_400) / 3600))}h`;
}
