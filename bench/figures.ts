import { percentile } from './stats';
import { checkExpectation, type ExecutionResult, type Workload } from './workloads';
import type { Session } from './modes/mode';
import { runConcurrently } from './stats';

/** One measured repetition: figure name → value. */
export type Measurement = Record<string, number>;

/** Which way is better for each figure, so ratios always read "above 1 is better than the peer". */
export const higherIsBetter: Record<string, boolean> = {
  transitions_per_s: true,
  executions_per_s: true,
  p50_ms: false,
  p99_ms: false,
  items_per_s: true,
  peak_rss_mib: false,
  kib_per_parked: false,
  tokens_per_s: true,
};

function countStates(definition: Record<string, unknown>): number {
  return Object.keys(definition.States as object).length;
}

function assertResult(w: Workload, r: ExecutionResult): void {
  const why = checkExpectation(w, r);
  if (why) throw new Error(`${w.name}: a result failed its expectation: ${why}`);
}

/** Runs one repetition of a workload through a session and measures its figures. */
export async function measure(w: Workload, session: Session): Promise<Measurement> {
  if (w.name.startsWith('W4')) return measureParked(w, session);
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  const t0 = performance.now();
  const latencies = await runConcurrently(w.executions, w.concurrency, async () => assertResult(w, await session.run(w.input)));
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  if (w.name.startsWith('W1')) {
    return { transitions_per_s: (w.executions * countStates(w.definition)) / seconds, executions_per_s: w.executions / seconds };
  }
  if (w.name.startsWith('W3')) {
    const items = (w.input as { items: unknown[] }).items.length;
    return { items_per_s: (w.executions * items) / seconds, peak_rss_mib: peakRss / 2 ** 20 };
  }
  return { executions_per_s: w.executions / seconds, p50_ms: percentile(latencies, 50), p99_ms: percentile(latencies, 99) };
}

/** W4: park every execution on its token, measure memory, then complete every token. */
async function measureParked(w: Workload, session: Session): Promise<Measurement> {
  if (!session.sendTaskSuccess) throw new Error(`${w.name}: this mode cannot complete task tokens`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { tokens } = require('./functions/send_approval_request') as { tokens: string[] };
  tokens.length = 0;
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage().rss;
  const done = Array.from({ length: w.executions }, (_, i) => session.run({ ...(w.input as object), requestId: `req-${i}` }));
  while (tokens.length < w.executions) await new Promise((r) => setTimeout(r, 10));
  gc?.();
  const parkedRss = process.memoryUsage().rss;
  const t0 = performance.now();
  await Promise.all(tokens.map((t) => session.sendTaskSuccess!(t, { approved: true })));
  const results = await Promise.all(done);
  const seconds = (performance.now() - t0) / 1000;
  for (const r of results) assertResult(w, r);
  return { kib_per_parked: (parkedRss - before) / 1024 / w.executions, tokens_per_s: w.executions / seconds };
}
