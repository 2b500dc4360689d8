import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** A shared benchmark workload (see ../shared/bench/README.md). */
export interface Workload {
  name: string;
  description: string;
  definition: Record<string, unknown>;
  input: unknown;
  executions: number;
  concurrency: number;
  handlers: Record<string, string>;
  expect: { status: string; output?: unknown; outputHas?: string; error?: string };
  figures: string[];
}

/** The shared workloads live beside the repository, in ../shared/bench/workloads. */
export function workloadsDir(): string {
  const candidates = [process.env.SAGAFLOW_BENCH_WORKLOADS, resolve(__dirname, '../../shared/bench/workloads')];
  for (const dir of candidates) if (dir && existsSync(dir)) return dir;
  throw new Error(`bench: no workloads folder found (looked in ${candidates.filter(Boolean).join(', ')}); set SAGAFLOW_BENCH_WORKLOADS`);
}

export function loadWorkloads(dir = workloadsDir()): Workload[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Workload);
}

/** The Lambda function name behind an ARN like arn:aws:lambda:us-east-1:123456789012:function:NAME. */
export function functionNameOf(arn: string): string {
  const m = /:function:([^:]+)/.exec(arn);
  return m ? m[1] : arn;
}

export interface ExecutionResult {
  status: string;
  output?: unknown;
  /** The output as the Step Functions API returns it (JSON text), parsed only when the result is checked. */
  outputText?: string;
  error?: string;
  cause?: string;
}

/** Checks a result against the workload's `expect`; returns a reason when it fails. */
export function checkExpectation(w: Workload, result: ExecutionResult): string | undefined {
  const r = result.outputText === undefined ? result : { ...result, output: JSON.parse(result.outputText) as unknown };
  const e = w.expect;
  if (r.status !== e.status) return `status ${r.status} (${r.error ?? ''} ${r.cause ?? ''}), expected ${e.status}`;
  if (e.error !== undefined && r.error !== e.error) return `error ${r.error}, expected ${e.error}`;
  if (e.output !== undefined && JSON.stringify(r.output) !== JSON.stringify(e.output)) {
    return `output ${JSON.stringify(r.output).slice(0, 200)}, expected ${JSON.stringify(e.output)}`;
  }
  if (e.outputHas !== undefined) {
    // The form used by the workloads: "$.a.b == <json>".
    const [path, literal] = e.outputHas.split(' == ');
    let v: unknown = r.output;
    for (const key of path.replace(/^\$\.?/, '').split('.').filter(Boolean)) v = (v as Record<string, unknown> | undefined)?.[key];
    if (JSON.stringify(v) !== JSON.stringify(JSON.parse(literal))) return `${path} is ${JSON.stringify(v)}, expected ${literal}`;
  }
  return undefined;
}
