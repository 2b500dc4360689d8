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
  heap_kib_per_parked: false,
  tokens_per_s: true,
  first_answer_ms: false,
  listening_ms: false,
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
  // Every result is checked, after the clock stops: the checks (parsing output texts among them)
  // are the bench's work, not the engine's, and the peer's results need no parsing.
  const results = new Array<ExecutionResult>(w.executions);
  const t0 = performance.now();
  const latencies = await runConcurrently(w.executions, w.concurrency, async (i) => void (results[i] = await session.run(w.input)));
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  for (const r of results) assertResult(w, r);
  if (w.name.startsWith('W1')) {
    return { transitions_per_s: (w.executions * countStates(w.definition)) / seconds, executions_per_s: w.executions / seconds };
  }
  if (w.name.startsWith('W3')) {
    const items = (w.input as { items: unknown[] }).items.length;
    return { items_per_s: (w.executions * items) / seconds, peak_rss_mib: peakRss / 2 ** 20 };
  }
  return { executions_per_s: w.executions / seconds, p50_ms: percentile(latencies, 50), p99_ms: percentile(latencies, 99) };
}

/** W4 starts its executions in waves of this many, each parked before the next starts (see measureParked). */
export const PARK_WAVE = 1000;

/**
 * W4: park every execution on its token, then complete every token. The memory figures are
 * marginal, over the second half of the park (after full GCs at each end): the first half absorbs
 * the process's one-off growth (JIT, heap and page-cache warm-up). Executions start in waves of
 * PARK_WAVE, each parked before the next starts, so the figure is what a parked execution keeps,
 * not the transient garbage of ten thousand starts at once. `kib_per_parked` is RSS, as the
 * workload defines it (coarse: the heap grows in steps); `heap_kib_per_parked` is the JS heap plus
 * external memory, a finer cross-check. Run it in a fresh process (see main.ts), so no earlier
 * repetition's freed pages are reused.
 */
async function measureParked(w: Workload, session: Session): Promise<Measurement> {
  if (!session.sendTaskSuccess) throw new Error(`${w.name}: this mode cannot complete task tokens`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { tokens } = require('./functions/send_approval_request') as { tokens: string[] };
  tokens.length = 0;
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error(`${w.name}: run with --expose-gc (the memory figure needs a full GC at each end)`);
  const settled = () => {
    gc();
    gc();
    const m = process.memoryUsage();
    return { rss: m.rss, heap: m.heapUsed + m.external };
  };
  const runs: Array<Promise<ExecutionResult>> = [];
  const park = async (from: number, to: number) => {
    for (let start = from; start < to; start += PARK_WAVE) {
      const end = Math.min(to, start + PARK_WAVE);
      for (let i = start; i < end; i++) runs.push(session.run({ ...(w.input as object), requestId: `req-${i}` }));
      while (tokens.length < end) await new Promise((r) => setTimeout(r, 5));
    }
  };
  const half = Math.floor(w.executions / 2);
  await park(0, half);
  const before = settled();
  await park(half, w.executions);
  const parked = settled();
  const counted = w.executions - half;
  const t0 = performance.now();
  await Promise.all(tokens.map((t) => session.sendTaskSuccess!(t, { approved: true })));
  const results = await Promise.all(runs);
  const seconds = (performance.now() - t0) / 1000;
  if (results.length !== w.executions) throw new Error(`${w.name}: ${results.length} of ${w.executions} executions completed`);
  for (const r of results) assertResult(w, r);
  return {
    kib_per_parked: (parked.rss - before.rss) / 1024 / counted,
    heap_kib_per_parked: (parked.heap - before.heap) / 1024 / counted,
    tokens_per_s: w.executions / seconds,
  };
}
