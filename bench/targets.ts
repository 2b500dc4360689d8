/**
 * The targets of ../shared/bench/README.md as data, checked against one run's rows. Each check
 * says what it compares, so a reader of the table sees why a target is met or missed.
 */

/** What a target is checked against: a row of the table (one figure of one mode of one workload). */
export interface FigureRow {
  workload: string;
  mode: string;
  figure?: string;
  value?: number;
  /** Above 1 is better than the peer. */
  ratio?: number;
  bare?: number;
}

export interface TargetCheck {
  /** e.g. "≥ 20× peer". */
  target: string;
  /** The measured side of the comparison, e.g. "3.1×". */
  measured: string;
  met: boolean;
}

type Rule = {
  applies(row: FigureRow): boolean;
  check(row: FigureRow, rows: readonly FigureRow[]): TargetCheck | undefined;
};

const is = (workload: string, mode: string, figure: string) => (row: FigureRow) =>
  row.workload.startsWith(workload) && !row.workload.startsWith(`${workload}f`) && row.mode === mode && row.figure === figure;

function same(rows: readonly FigureRow[], row: FigureRow, mode: string): FigureRow | undefined {
  return rows.find((r) => r.workload === row.workload && r.figure === row.figure && r.mode === mode);
}

/** Memory mode against the peer on W1, W2 and W3: ≥ 20× on the workload's throughput figure. */
function peerRatio(workload: string, figure: string): Rule {
  return {
    applies: is(workload, 'memory', figure),
    check: (row) => (row.ratio === undefined ? undefined : { target: '≥ 20× peer', measured: `${row.ratio.toFixed(1)}×`, met: row.ratio >= 20 }),
  };
}

/** Durable mode at least a third of memory mode on W1 and W2. */
function durableShare(workload: string, figure: string): Rule {
  return {
    applies: is(workload, 'durable', figure),
    check: (row, rows) => {
      const memory = same(rows, row, 'memory')?.value;
      if (memory === undefined || row.value === undefined) return undefined;
      const share = row.value / memory;
      return { target: '≥ 1/3 of memory', measured: `${share.toFixed(2)} of memory`, met: share >= 1 / 3 };
    },
  };
}

const rules: Rule[] = [
  peerRatio('W1', 'transitions_per_s'),
  peerRatio('W2', 'executions_per_s'),
  peerRatio('W3', 'items_per_s'),
  {
    // Memory mode W1 within 3× of the bare loop doing the same data work.
    applies: (row) => is('W1', 'memory', 'transitions_per_s')(row) && row.bare !== undefined,
    check: (row) => {
      const times = row.bare! / row.value!;
      return { target: 'within 3× of bare loop', measured: `bare ${times.toFixed(1)}× faster`, met: times <= 3 };
    },
  },
  durableShare('W1', 'transitions_per_s'),
  durableShare('W2', 'executions_per_s'),
  {
    applies: is('W2', 'http', 'p50_ms'),
    check: (row) => ({ target: 'p50 < 5 ms', measured: `${row.value!.toPrecision(3)} ms`, met: row.value! < 5 }),
  },
  {
    // RSS moves in coarse steps (a marginal RSS figure can even be negative), so the target holds
    // only if the finer JS-heap figure of the same run agrees.
    applies: is('W4', 'durable', 'kib_per_parked'),
    check: (row, rows) => {
      const heap = rows.find((r) => r.workload === row.workload && r.mode === row.mode && r.figure === 'heap_kib_per_parked')?.value;
      const worst = Math.max(row.value!, heap ?? Infinity);
      const measured = `${row.value!.toPrecision(3)} KiB RSS, ${heap === undefined ? 'no heap figure' : `${heap.toPrecision(3)} KiB heap`}`;
      return { target: '≤ 2 KiB per parked (RSS and heap)', measured, met: worst <= 2 };
    },
  },
  {
    applies: is('service', 'cold-start', 'first_answer_ms'),
    check: (row) => ({ target: '< 300 ms', measured: `${Math.round(row.value!)} ms`, met: row.value! < 300 }),
  },
];

/** The targets a row answers to (a row may answer to two, e.g. W1 memory: the peer and the bare loop). */
export function checkTargets(row: FigureRow, rows: readonly FigureRow[]): TargetCheck[] {
  if (row.value === undefined) return [];
  const out: TargetCheck[] = [];
  for (const rule of rules) {
    if (!rule.applies(row)) continue;
    const c = rule.check(row, rows);
    if (c) out.push(c);
  }
  return out;
}
