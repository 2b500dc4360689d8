/** Small statistics helpers for the bench. */

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** The p-th percentile (0–100) by nearest rank. */
export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const rank = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[rank];
}

export interface Summary {
  value: number;
  min: number;
  max: number;
}

export function summarize(xs: number[]): Summary {
  return { value: median(xs), min: Math.min(...xs), max: Math.max(...xs) };
}

/** Runs `tasks` with at most `limit` in flight; returns each task's latency in ms. */
export async function runConcurrently(count: number, limit: number, task: (i: number) => Promise<void>): Promise<number[]> {
  const latencies = new Array<number>(count);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < count) {
      const i = next++;
      const t0 = performance.now();
      await task(i);
      latencies[i] = performance.now() - t0;
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
  return latencies;
}
