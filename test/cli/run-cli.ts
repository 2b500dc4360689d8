import { spawn } from 'node:child_process';
import { join } from 'node:path';

export const BIN = join(__dirname, '..', '..', 'bin', 'sagaflow.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/sagaflow.js …` as users run it and collects what it prints. */
export function sagaflow(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, SAGAFLOW_ENDPOINT: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The rows of a text table, cut at the header's column starts (cells may contain spaces). */
export function tableRows(text: string): string[][] {
  const [header, ...lines] = text.trimEnd().split('\n');
  const starts = [...header.matchAll(/\S+(?: \S+)*/g)].map((m) => m.index!);
  const cut = (line: string) => starts.map((start, i) => line.slice(start, starts[i + 1]).trim());
  return [cut(header), ...lines.map(cut)];
}
