import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { createExecution, type HistoryEvent } from '../lib/engine';
import { MemoryStore, SqliteStore, type ExecutionRecord, type Store, type StoreWrite } from '../lib/store';

/**
 * Store write throughput, memory vs SQLite, on real engine events: the shared W1 chain (20 Pass
 * states, 42 events, payloads of 1–4 KiB) and a W4-like park (10,000 executions waiting on a token).
 *
 *   node --expose-gc bin/run-ts.js bench/store-micro.ts [--executions N] [--batch N] [--parked N] [--only throughput|park]
 *
 * Events are produced by the engine outside the timed part, one batch at a time, so the figures
 * are the store's alone; each payload is read lazily by the store, as in the runtime.
 */

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const EXECUTIONS = arg('executions', 2000);
const BATCH = arg('batch', 100);
const PARKED = arg('parked', 10000);

const W1 = JSON.parse(readFileSync(join(__dirname, '../../shared/bench/workloads/W1-chain.json'), 'utf8')) as { definition: never; input: unknown };
const MACHINE = 'arn:aws:states:us-east-1:123456789012:stateMachine:W1';

function record(arn: string, i: number, status: ExecutionRecord['status'], input: string, eventCount: number): ExecutionRecord {
  return {
    arn,
    name: `e${i}`,
    stateMachineArn: MACHINE,
    revisionId: 'r1',
    type: 'STANDARD',
    status,
    roleArn: 'arn:aws:iam::123456789012:role/bench',
    input,
    startDate: 1_000_000 + i,
    ...(status === 'RUNNING' ? {} : { stopDate: 1_000_000 + i, output: '{}' }),
    redriveCount: 0,
    eventCount,
  };
}

/** One W1 execution as the runtime would hand it over: start, the one decision, the close. */
async function w1Writes(i: number): Promise<StoreWrite[]> {
  const arn = `arn:aws:states:us-east-1:123456789012:execution:W1:e${i}`;
  const input = JSON.stringify({ ...(W1.input as object), n: i });
  const start = {
    kind: 'StartExecution' as const,
    at: 1_000_000 + i,
    input,
    seed: (i.toString(16) + '0'.repeat(32)).slice(0, 32),
    execution: { executionArn: arn, name: `e${i}`, roleArn: 'r', stateMachineArn: MACHINE, stateMachineName: 'W1', region: 'us-east-1', accountId: '123456789012', redriveCount: 0, startTime: 1_000_000 + i },
  };
  const decision = await createExecution(W1.definition).apply(start);
  return [
    { kind: 'putExecution', record: record(arn, i, 'RUNNING', input, 0) },
    { kind: 'appendInputs', executionArn: arn, inputs: [JSON.stringify(start)] },
    { kind: 'appendEvents', executionArn: arn, events: decision.events },
    { kind: 'putExecution', record: record(arn, i, 'SUCCEEDED', input, decision.events.length) },
  ];
}

interface Figures {
  executionsPerSecond: number;
  eventsPerSecond: number;
  mbPerSecond: number;
  /** Whole histories read back (readEvents, one page of 1000), events per second. */
  readEventsPerSecond: number;
}

/** Writes EXECUTIONS executions, `perTick` of them handed over in the same tick. */
async function throughput(store: Store, perTick: number, onBatch: () => void = () => undefined): Promise<Figures> {
  let timed = 0n;
  let events = 0;
  let bytes = 0;
  for (let done = 0; done < EXECUTIONS; done += BATCH) {
    const batch: StoreWrite[][] = [];
    for (let i = done; i < Math.min(done + BATCH, EXECUTIONS); i++) batch.push(await w1Writes(i));
    for (const w of batch) {
      const ev = w[2] as Extract<StoreWrite, { kind: 'appendEvents' }>;
      events += ev.events.length;
    }
    // Serialise the lazy payloads now: their cost is the engine's (jsonText), not the store's.
    for (const w of batch) JSON.stringify(w);
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < batch.length; i += perTick) {
      await Promise.all(batch.slice(i, i + perTick).map((w) => store.write(w)));
    }
    timed += process.hrtime.bigint() - t0;
    onBatch();
    // Byte count after timing: the events' lazy texts are cached by now.
    for (const w of batch) bytes += (w[2] as Extract<StoreWrite, { kind: 'appendEvents' }>).events.reduce((n, e) => n + JSON.stringify(e).length, 0);
  }
  const seconds = Number(timed) / 1e9;
  const t0 = process.hrtime.bigint();
  let read = 0;
  for (let i = 0; i < EXECUTIONS; i++) read += store.readEvents(`arn:aws:states:us-east-1:123456789012:execution:W1:e${i}`, { limit: 1000 }).length;
  if (read !== events) throw new Error(`read ${read} events back, wrote ${events}`);
  const readSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return { executionsPerSecond: EXECUTIONS / seconds, eventsPerSecond: events / seconds, mbPerSecond: bytes / 1e6 / seconds, readEventsPerSecond: read / readSeconds };
}

function folderBytes(dir: string): number {
  return readdirSync(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0);
}

/**
 * Parks PARKED executions, then as many again. The first half's figure includes one-off growth
 * (JIT, allocator arenas, SQLite's page cache filling up); the second half's is the marginal cost.
 */
async function parked(open: () => Store): Promise<{ rssKiB: number; heapKiB: number; marginalRssKiB: number }> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc');
  const store = open();
  gc();
  const rss0 = process.memoryUsage().rss;
  const heap0 = process.memoryUsage().heapUsed;
  await park(store, 0);
  gc();
  const rss1 = process.memoryUsage().rss;
  const result = { rssKiB: (rss1 - rss0) / 1024 / PARKED, heapKiB: (process.memoryUsage().heapUsed - heap0) / 1024 / PARKED, marginalRssKiB: 0 };
  await park(store, PARKED);
  gc();
  result.marginalRssKiB = (process.memoryUsage().rss - rss1) / 1024 / PARKED;
  await store.close();
  return result;
}

async function park(store: Store, from: number): Promise<void> {
  for (let done = from; done < from + PARKED; done += 500) {
    const calls: Promise<void>[] = [];
    for (let i = done; i < done + 500; i++) {
      const arn = `arn:aws:states:us-east-1:123456789012:execution:W4:p${i}`;
      const input = JSON.stringify({ requestId: `req-${i}`, amount: 100 });
      const token = `${i.toString(16).padStart(8, '0')}${'a'.repeat(56)}`;
      const at = 2_000_000 + i;
      const events = [
        { timestamp: at, type: 'ExecutionStarted', id: 1, previousEventId: 0, executionStartedEventDetails: { input, inputDetails: { truncated: false }, roleArn: 'r' } },
        { timestamp: at, type: 'TaskStateEntered', id: 2, previousEventId: 1, stateEnteredEventDetails: { name: 'AwaitApproval', input, inputDetails: { truncated: false } } },
        { timestamp: at, type: 'TaskScheduled', id: 3, previousEventId: 2, taskScheduledEventDetails: { resourceType: 'lambda', resource: 'invoke.waitForTaskToken', region: 'us-east-1', parameters: JSON.stringify({ FunctionName: 'send_approval_request', Payload: { token, request: JSON.parse(input) } }), timeoutInSeconds: 3600 } },
        { timestamp: at, type: 'TaskStarted', id: 4, previousEventId: 3, taskStartedEventDetails: { resourceType: 'lambda', resource: 'invoke.waitForTaskToken' } },
      ] as HistoryEvent[];
      calls.push(
        store.write([
          { kind: 'putExecution', record: { ...record(arn, i, 'RUNNING', input, 4), stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:W4' } },
          { kind: 'appendInputs', executionArn: arn, inputs: [JSON.stringify({ kind: 'StartExecution', at, input })] },
          { kind: 'appendEvents', executionArn: arn, events },
          { kind: 'putToken', record: { token, executionArn: arn, taskId: 't1' } },
          { kind: 'armTimer', timer: { executionArn: arn, timerId: 'timeout:t1', dueAt: at + 3_600_000 } },
        ]),
      );
    }
    await Promise.all(calls);
  }
}

type Scenario = 'throughput' | 'park-sqlite' | 'park-memory';

/** Each scenario runs in its own process, so that one's garbage does not blur another's RSS. */
async function child(scenario: Scenario): Promise<unknown> {
  const fmt = (n: number) => Number(n.toFixed(n < 10 ? 2 : 0));
  if (scenario === 'throughput') {
    const rows: Record<string, string | number>[] = [];
    for (const perTick of [1, BATCH]) {
      const memory = await throughput(new MemoryStore(), perTick);
      const dir = mkdtempSync(join(tmpdir(), 'sagaflow-store-micro-'));
      const sqliteStore = new SqliteStore({ dir });
      let walMax = 0;
      const sqlite = await throughput(sqliteStore, perTick, () => {
        walMax = Math.max(walMax, statSync(join(dir, 'sagaflow.db-wal')).size);
      });
      await sqliteStore.close();
      const size = folderBytes(dir);
      rmSync(dir, { recursive: true, force: true });
      rows.push({
        scenario: `W1 x${EXECUTIONS}, ${perTick}/tick`,
        'memory exec/s': fmt(memory.executionsPerSecond),
        'sqlite exec/s': fmt(sqlite.executionsPerSecond),
        'sqlite/memory': fmt(sqlite.executionsPerSecond / memory.executionsPerSecond),
        'sqlite events/s': fmt(sqlite.eventsPerSecond),
        'event MB/s': fmt(sqlite.mbPerSecond),
        'memory read ev/s': fmt(memory.readEventsPerSecond),
        'sqlite read ev/s': fmt(sqlite.readEventsPerSecond),
        'db MB': fmt(size / 1e6),
        'max WAL MB': fmt(walMax / 1e6),
      });
    }
    return rows;
  }
  if (scenario === 'park-sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'sagaflow-store-micro-'));
    const park = await parked(() => new SqliteStore({ dir }));
    const size = folderBytes(dir);
    rmSync(dir, { recursive: true, force: true });
    return [{ store: 'sqlite', 'RSS KiB/parked': fmt(park.rssKiB), 'marginal RSS KiB/parked': fmt(park.marginalRssKiB), 'heap KiB/parked': fmt(park.heapKiB), 'db KiB/parked': fmt(size / 1024 / PARKED / 2) }];
  }
  const park = await parked(() => new MemoryStore());
  return [{ store: 'memory', 'RSS KiB/parked': fmt(park.rssKiB), 'marginal RSS KiB/parked': fmt(park.marginalRssKiB), 'heap KiB/parked': fmt(park.heapKiB) }];
}

async function main(): Promise<void> {
  const scenario = process.env.STORE_MICRO_SCENARIO as Scenario | undefined;
  if (scenario) {
    process.stdout.write(JSON.stringify(await child(scenario)));
    return;
  }
  const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : '';
  for (const s of (['throughput', 'park-sqlite', 'park-memory'] as Scenario[]).filter((name) => name.startsWith(only))) {
    const out = execFileSync(process.execPath, [...process.execArgv, join(__dirname, '../bin/run-ts.js'), __filename, ...args], {
      env: { ...process.env, STORE_MICRO_SCENARIO: s },
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    });
    console.table(JSON.parse(out));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
