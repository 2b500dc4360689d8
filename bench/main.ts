import { fork } from 'node:child_process';
import { loadWorkloads, type Workload } from './workloads';
import { measure, higherIsBetter, type Measurement } from './figures';
import { summarize } from './stats';
import { bareLoop } from './bare-loop';
import { modes, modeNames, type ModeName } from './modes';
import { printTable, type Row } from './report';

/**
 * `npm run bench [-- --json] [--workload NAME] [--mode MODE] [--reps N]`
 * Each (workload, mode) runs in a fresh child process — one warm-up, then N counted repetitions —
 * so memory figures are not polluted by earlier runs. The peer runs in the same bench run.
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
      console.log('usage: npm run bench -- [--json] [--workload NAME] [--mode memory|durable|http|peer] [--reps N]');
      process.exit(0);
    } else throw new Error(`bench: unknown argument ${a}`);
  }
  if (!Number.isInteger(args.reps) || args.reps < 1) throw new Error('bench: --reps takes a whole number ≥ 1');
  if (args.mode && args.mode !== 'peer' && !modeNames.includes(args.mode as ModeName)) throw new Error(`bench: unknown mode ${args.mode}`);
  return args;
}

type WorkerResult = { ok: true; reps: Measurement[] } | { ok: false; skipped?: string; error?: string };

/** Child side: run one workload in one mode and send back every counted repetition. */
async function worker(workloadName: string, modeName: string, reps: number): Promise<WorkerResult> {
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
    await measure(w, session); // warm-up
    const out: Measurement[] = [];
    for (let i = 0; i < reps; i++) out.push(await measure(w, session));
    return { ok: true, reps: out };
  } finally {
    await session.close();
  }
}

function runChild(w: Workload, mode: string, reps: number, log: (s: string) => void): Promise<WorkerResult> {
  log(`bench: ${w.name} · ${mode} …`);
  return new Promise((resolve) => {
    const child = fork(__filename, ['--worker', w.name, mode, String(reps)], {
      execArgv: ['--expose-gc', '--max-old-space-size=8192', '-r', require.resolve('tsx/cjs')],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    let result: WorkerResult | undefined;
    child.on('message', (m) => (result = m as WorkerResult));
    child.on('exit', (code) => resolve(result ?? { ok: false, error: `worker exited with code ${code}` }));
  });
}

async function orchestrate(args: Args): Promise<void> {
  const log = (s: string) => process.stderr.write(s + '\n');
  const workloads = loadWorkloads().filter((w) => !args.workload || w.name === args.workload || w.name.startsWith(args.workload + '-'));
  if (workloads.length === 0) throw new Error(`bench: no workload named ${args.workload}`);
  const rows: Row[] = [];
  for (const w of workloads) {
    const peer = await runChild(w, 'peer', args.reps, log);
    const peerFigures = peer.ok ? summarizeReps(peer.reps) : {};
    const ours = (args.mode ? [args.mode] : [...modeNames]).filter((m) => m !== 'peer');
    const bare = w.name.startsWith('W1') && ours.includes('memory') ? await runChild(w, 'bare', args.reps, log) : undefined;
    const bareFigures = bare?.ok ? summarizeReps(bare.reps) : {};
    for (const m of ours) {
      const r = await runChild(w, m, args.reps, log);
      if (!r.ok) {
        rows.push({ workload: w.name, mode: m, note: r.skipped ?? `failed: ${firstLine(r.error)}` });
        continue;
      }
      for (const [figure, s] of Object.entries(summarizeReps(r.reps))) {
        const p = peerFigures[figure]?.value;
        const ratio = p === undefined ? undefined : higherIsBetter[figure] ? s.value / p : p / s.value;
        const row: Row = { workload: w.name, mode: m, figure, value: s.value, min: s.min, max: s.max, peer: p, ratio };
        if (m === 'memory' && bareFigures[figure]) row.bare = bareFigures[figure].value;
        rows.push(row);
      }
    }
    if (!peer.ok) rows.push({ workload: w.name, mode: 'peer', note: peer.skipped ? `skipped: ${peer.skipped}` : `failed: ${firstLine(peer.error)}` });
    for (const [figure, s] of Object.entries(peerFigures)) rows.push({ workload: w.name, mode: 'peer', figure, value: s.value, min: s.min, max: s.max });
    for (const [figure, s] of Object.entries(bareFigures)) rows.push({ workload: w.name, mode: 'bare', figure, value: s.value, min: s.min, max: s.max, note: 'the same data work with no engine' });
  }
  if (args.json) console.log(JSON.stringify(rows.filter((r) => r.figure !== undefined)));
  else printTable(rows);
}

function firstLine(s: string | undefined): string {
  return (s ?? '').split('\n')[0];
}

function summarizeReps(reps: Measurement[]): Record<string, ReturnType<typeof summarize>> {
  return Object.fromEntries(Object.keys(reps[0]).map((f) => [f, summarize(reps.map((r) => r[f]))]));
}

const argv = process.argv.slice(2);
if (argv[0] === '--worker') {
  worker(argv[1], argv[2], Number(argv[3]))
    .then((r) => process.send!(r))
    .catch((e: Error) => process.send!({ ok: false, error: e.stack ?? String(e) }))
    .finally(() => setTimeout(() => process.exit(0), 50));
} else {
  orchestrate(parseArgs(argv)).catch((e: Error) => {
    console.error(e.message);
    process.exitCode = 1;
  });
}
