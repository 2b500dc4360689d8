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
  note?: string;
}

function fmt(n: number | undefined): string {
  if (n === undefined) return '—';
  if (Math.abs(n) >= 1000) return Math.round(n).toLocaleString('en-US');
  return n.toPrecision(3);
}

export function printTable(rows: Row[]): void {
  const header = ['workload', 'mode', 'figure', 'median', 'min', 'max', 'peer', 'ratio', 'note'];
  const body = rows.map((r) => [
    r.workload,
    r.mode,
    r.figure ?? '',
    fmt(r.value),
    fmt(r.min),
    fmt(r.max),
    fmt(r.peer),
    r.ratio === undefined ? '—' : `${r.ratio.toFixed(1)}×`,
    r.note ?? (r.bare !== undefined && r.value ? `bare loop ${fmt(r.bare)} (${(r.bare / r.value).toFixed(1)}× memory)` : ''),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of body) console.log(line(row));
  console.log('\nratio: above 1× is better than the peer (aws-local-stepfunctions) measured in the same run.');
}
