import { checkTargets, type TargetCheck } from './targets';

/** One line of the bench's result; the JSON form is exactly this object. */
export interface Row {
  workload: string;
  mode: string;
  figure?: string;
  value?: number;
  min?: number;
  max?: number;
  peer?: number;
  /** Above 1 always means better than the peer. */
  ratio?: number;
  /** W1 only: the bare loop's figure, for the memory mode's "within 3×" target. */
  bare?: number;
  /** The README's targets this figure answers to, checked in this run. */
  targets?: TargetCheck[];
  note?: string;
}

/** Facts about the run that a reader needs to weigh its figures. */
export interface RunNotes {
  /** e.g. "node v20.20.2, 2 CPUs, load 1.9 2.3 3.5 before → … after". */
  machine: string;
  /** Numbered footnotes: why a figure is missing, what a mode measures, quotas lifted. */
  footnotes: string[];
}

/** Adds each row's target checks (they compare rows of the same run, so all rows must be there). */
export function withTargets(rows: Row[]): Row[] {
  return rows.map((r) => {
    const targets = checkTargets(r, rows);
    return targets.length > 0 ? { ...r, targets } : r;
  });
}

function fmt(n: number | undefined): string {
  if (n === undefined) return '—';
  if (Math.abs(n) >= 1000) return Math.round(n).toLocaleString('en-US');
  return n.toPrecision(3);
}

function noteOf(r: Row): string {
  const parts: string[] = [];
  if (r.bare !== undefined && r.value) parts.push(`bare loop ${fmt(r.bare)} (${(r.bare / r.value).toFixed(1)}× ${r.mode})`);
  if (r.note) parts.push(r.note);
  return parts.join('; ');
}

export function printTable(rows: Row[], notes: RunNotes): void {
  const header = ['workload', 'mode', 'figure', 'median', 'min', 'max', 'peer', 'ratio', 'note'];
  const body = rows.map((r) => [r.workload, r.mode, r.figure ?? '', fmt(r.value), fmt(r.min), fmt(r.max), fmt(r.peer), r.ratio === undefined ? '—' : `${r.ratio.toFixed(1)}×`, noteOf(r)]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  console.log(notes.machine);
  console.log('');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of body) console.log(line(row));
  console.log('\nratio: above 1× is better than the peer (aws-local-stepfunctions) measured in the same run; — where the peer has no figure.');

  const checks = rows.flatMap((r) => (r.targets ?? []).map((t) => ({ r, t })));
  if (checks.length > 0) {
    console.log('\ntargets (../shared/bench/README.md):');
    for (const { r, t } of checks) console.log(`  ${t.met ? 'met   ' : 'missed'}  ${r.workload} ${r.mode} ${r.figure}: ${t.target}, measured ${t.measured}`);
  }
  if (notes.footnotes.length > 0) {
    console.log('\nnotes:');
    for (const f of notes.footnotes) console.log(`  - ${f}`);
  }
}
