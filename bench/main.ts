import { fork } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { loadWorkloads, type Workload } from './workloads';
import { measure, higherIsBetter, PARK_WAVE, type Measurement } from './figures';
import { summarize } from './stats';
import { bareLoop } from './bare-loop';
import { coldStart } from './cold-start';
import { modes, modeNames, type ModeName } from './modes';
import { historyQuotaLifted } from './modes/sagaflow';
import { HTTP_MAX_SOCKETS, httpServiceKind } from './modes/http';
import { printTable, withTargets, type Row } from './report';

/**
 * `npm run bench [-- --json] [--workload NAME] [--mode MODE] [--reps N]`
 * Each (workload, mode) runs in a fresh child process — one warm-up, then N counted repetitions —
 * so memory figures are not polluted by earlier runs; W4 runs each repetition in a fresh process of
 * its own (its memory figure is a marginal one, see figures.ts). The peer runs in the same bench
 * run. `--workload service` (or no --workload) also measures the service's cold start.
 */

interface Args {
  json: boolean;
  workload?: string;
  mode?: string;
  reps: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { json: false, reps: 3 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') args.json = true;
    else if (a === '--workload') args.workload = argv[++i];
    else if (a === '--mode') args.mode = argv[++i];
    else if (a === '--reps') args.reps = Number(argv[++i]);
    else if (a === '--help' || a === '-h') {
      console.log('usage: npm run bench -- [--json] [--workload NAME] [--mode engine|memory|durable|http|peer] [--reps N]');
      process.exit(0);
    } else throw new Error(`bench: unknown argument ${a}`);
  }
  if (!Number.isInteger(args.reps) || args.reps < 1) throw new Error('bench: --reps takes a whole number ≥ 1');
  if (args.mode && args.mode !== 'peer' && !modeNames.includes(args.mode as ModeName)) throw new Error(`bench: unknown mode ${args.mode}`);
  return args;
}

type WorkerResult = { ok: true; reps: Measurement[] } | { ok: false; skipped?: string; error?: string };

/** Child side: run one workload in one mode and send back every counted repetition. */
async function worker(workloadName: string, modeName: string, reps: number, warmUp: boolean): Promise<WorkerResult> {
  const w = loadWorkloads().find((x) => x.name === workloadName)!;
  if (modeName === 'bare') {
    bareLoop(w);
    return { ok: true, reps: Array.from({ length: reps }, () => bareLoop(w)) };
  }
  const mode = modes[modeName as ModeName | 'peer'];
  const skipped = mode.unsupported(w);
  if (skipped) return { ok: false, skipped };
  const session = await mode.open(w);
  try {
    if (warmUp) await measure(w, session);
    const out: Measurement[] = [];
    for (let i = 0; i < reps; i++) out.push(await measure(w, session));
    return { ok: true, reps: out };
  } finally {
    await session.close();
  }
}

/** W4's memory figure needs a process that has parked nothing before: one fresh process per repetition, no warm-up. */
const freshPerRepetition = (w: Workload) => w.name.startsWith('W4');

async function runChild(w: Workload, mode: string, reps: number, log: (s: string) => void): Promise<WorkerResult> {
  if (mode === 'bare' || mode === 'peer' || !freshPerRepetition(w)) return forkWorker(w, mode, reps, true, log);
  const all: Measurement[] = [];
  for (let i = 0; i < reps; i++) {
    const r = await forkWorker(w, mode, 1, false, log);
    if (!r.ok) return r;
    all.push(...r.reps);
  }
  return { ok: true, reps: all };
}

function forkWorker(w: Workload, mode: string, reps: number, warmUp: boolean, log: (s: string) => void): Promise<WorkerResult> {
  log(`bench: ${w.name} · ${mode} …`);
  return new Promise((resolve) => {
    const child = fork(__filename, ['--worker', w.name, mode, String(reps), warmUp ? 'warm-up' : 'cold'], {
      execArgv: ['--expose-gc', '--max-old-space-size=8192', '-r', require.resolve('tsx/cjs')],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    let result: WorkerResult | undefined;
    child.on('message', (m) => (result = m as WorkerResult));
    child.on('exit', (code) => resolve(result ?? { ok: false, error: `worker exited with code ${code}` }));
  });
}

/** The service's cold start: one warm-up spawn (it may build the serve bundle), then the counted ones. */
async function measureColdStart(reps: number, log: (s: string) => void): Promise<WorkerResult> {
  log('bench: service · cold-start …');
  try {
    await coldStart();
    const out: Measurement[] = [];
    for (let i = 0; i < reps; i++) out.push(await coldStart());
    return { ok: true, reps: out };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}

async function orchestrate(args: Args): Promise<void> {
  const log = (s: string) => process.stderr.write(s + '\n');
  const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');
  const loadBefore = load();
  const withService = !args.workload || args.workload === 'service';
  const workloads = args.workload === 'service' ? [] : loadWorkloads().filter((w) => !args.workload || w.name === args.workload || w.name.startsWith(args.workload + '-'));
  if (workloads.length === 0 && !withService) throw new Error(`bench: no workload named ${args.workload}`);
  const rows: Row[] = [];
  const footnotes: string[] = [];
  const note = (text: string) => footnotes.includes(text) || footnotes.push(text);
  for (const w of workloads) {
    const peer = await runChild(w, 'peer', args.reps, log);
    const peerFigures = peer.ok ? summarizeReps(peer.reps) : {};
    const ours = (args.mode ? [args.mode] : [...modeNames]).filter((m) => m !== 'peer');
    const bare = w.name.startsWith('W1') && (ours.includes('memory') || ours.includes('engine')) ? await runChild(w, 'bare', args.reps, log) : undefined;
    const bareFigures = bare?.ok ? summarizeReps(bare.reps) : {};
    for (const m of ours) {
      const r = await runChild(w, m, args.reps, log);
      if (!r.ok) {
        rows.push({ workload: w.name, mode: m, note: r.skipped ? `skipped: ${r.skipped}` : `failed: ${firstLine(r.error)}` });
        continue;
      }
      if (!peer.ok) note(`${w.name}: no peer figures, so no ratios — the peer ${peer.skipped ? `was skipped: ${peer.skipped}` : `failed: ${firstLine(peer.error)}`}.`);
      for (const [figure, s] of Object.entries(summarizeReps(r.reps))) {
        const p = peerFigures[figure]?.value;
        const ratio = p === undefined ? undefined : higherIsBetter[figure] ? s.value / p : p / s.value;
        const row: Row = { workload: w.name, mode: m, figure, value: s.value, min: s.min, max: s.max, peer: p, ratio };
        if ((m === 'memory' || m === 'engine') && bareFigures[figure]) row.bare = bareFigures[figure].value;
        rows.push(row);
      }
    }
    if (!peer.ok) rows.push({ workload: w.name, mode: 'peer', note: peer.skipped ? `skipped: ${peer.skipped}` : `failed: ${firstLine(peer.error)}` });
    for (const [figure, s] of Object.entries(peerFigures)) rows.push({ workload: w.name, mode: 'peer', figure, value: s.value, min: s.min, max: s.max });
    for (const [figure, s] of Object.entries(bareFigures)) rows.push({ workload: w.name, mode: 'bare', figure, value: s.value, min: s.min, max: s.max, note: 'the same data work with no engine' });
    for (const text of workloadNotes(w, ours)) note(text);
  }
  if (withService) {
    const r = await measureColdStart(Math.max(args.reps, 5), log);
    if (!r.ok) rows.push({ workload: 'service', mode: 'cold-start', note: `failed: ${firstLine(r.error)}` });
    else for (const [figure, s] of Object.entries(summarizeReps(r.reps))) rows.push({ workload: 'service', mode: 'cold-start', figure, value: s.value, min: s.min, max: s.max });
    note('service cold-start: `node bin/sagaflow.js serve --memory --port 0` spawned fresh, timed to the end of the answer to its first request (ListStateMachines); listening_ms is when it printed its address. One uncounted spawn first (it may rebuild the serve bundle).');
  }
  const checked = withTargets(rows);
  if (args.json) {
    console.log(JSON.stringify(checked.filter((r) => r.figure !== undefined)));
    return;
  }
  const machine = `node ${process.version}, ${cpus().length} CPUs; load average ${loadBefore} at the start, ${load()} at the end; median of ${args.reps} repetitions (min, max)`;
  printTable(checked, { machine, footnotes });
}

/** What a reader must know to weigh a workload's figures. */
function workloadNotes(w: Workload, ours: string[]): string[] {
  const out: string[] = [];
  if (ours.some((m) => m !== 'bare' && m !== 'engine')) out.push('memory, durable and http run the local service as `sagaflow serve` loads it (the runtime and the HTTP layer from their esbuild bundle); durable is its SQLite store in a temporary folder.');
  if (ours.includes('engine')) out.push("engine: the engine alone (createExecution and apply, from the serve bundle), driven by a loop that calls the functions in process and plays lambda:invoke with the peer's envelope; no API, no store, nothing kept after an execution ends. The targets are checked against memory, the service.");
  out.push("every result is checked against the workload's expect after a repetition's clock stops: an execution is timed from StartExecution to its DescribeExecution answer (output as JSON text), the peer's from run() to its result object.");
  if (ours.includes('http')) {
    const driven = `driven by @aws-sdk/client-sfn from the bench's process over keep-alive sockets (at most ${HTTP_MAX_SOCKETS} at once)`;
    out.push(
      httpServiceKind(w) === 'process'
        ? `http: \`sagaflow serve --data DIR\` in its own process (functions inline), ${driven}; completion is read from its JSON execution log.`
        : `http: the durable service inside the bench's process behind its HTTP API, ${driven} (${historyQuotaLifted(w) ? 'the lifted history quota' : 'the tokens the functions record'} must stay in the bench's process).`,
    );
  }
  if (historyQuotaLifted(w)) {
    out.push(`${w.name}: the inline Map writes about 7 history events per item (~70,000 here); AWS fails an execution at 25,000 events, so for this workload the bench lifts sagaflow's history quota to 10,000,000 (the peer keeps no history quota).`);
    out.push(`${w.name}: the peer runs MaxConcurrency 0 as 40 concurrent iterations, not unbounded.`);
  }
  if (w.name.startsWith('W4')) {
    out.push(
      `${w.name} kib_per_parked (RSS) and heap_kib_per_parked (JS heap + external): marginal per execution over the second half of the park (${Math.ceil(w.executions / 2)} executions), after full GCs, each repetition in a fresh process with no warm-up run; the first half absorbs one-off growth (JIT, heap and page cache). Executions start in waves of ${PARK_WAVE}, each parked before the next. RSS moves in coarse steps (it can even fall); the heap figure is the finer one. The bench's own promise per execution is counted too.`,
    );
  }
  if (w.name.startsWith('W1')) out.push('W1 bare: the same data work as the 20 Pass states written as a plain loop (bench/bare-loop.ts), no engine.');
  return out;
}

function firstLine(s: string | undefined): string {
  return (s ?? '').split('\n')[0];
}

function summarizeReps(reps: Measurement[]): Record<string, ReturnType<typeof summarize>> {
  return Object.fromEntries(Object.keys(reps[0]).map((f) => [f, summarize(reps.map((r) => r[f]))]));
}

const argv = process.argv.slice(2);
if (argv[0] === '--worker') {
  worker(argv[1]!, argv[2]!, Number(argv[3]), argv[4] !== 'cold')
    .then((r) => process.send!(r))
    .catch((e: Error) => process.send!({ ok: false, error: e.stack ?? String(e) }))
    .finally(() => setTimeout(() => process.exit(0), 50));
} else {
  orchestrate(parseArgs(argv)).catch((e: Error) => {
    console.error(e.message);
    process.exitCode = 1;
  });
}
