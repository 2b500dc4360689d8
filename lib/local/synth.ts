import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Synthesizes the CDK app into `cdk.out`, or reuses it when it is newer than every source the app
 * is built from, so a restart with unchanged code starts in a second and changed code is picked up.
 */

const SOURCES = ['bin', 'constructs', 'lambdas', 'workflows', 'lib/builder', 'lib/asl', 'cdk.json', 'package.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

export interface SynthResult {
  assemblyDir: string;
  reused: boolean;
}

export function isAssemblyCurrent(projectDir: string, assemblyDir: string): boolean {
  const manifest = join(assemblyDir, 'manifest.json');
  if (!existsSync(manifest)) return false;
  const built = statSync(manifest).mtimeMs;
  return SOURCES.every((s) => newestMtime(join(projectDir, s)) <= built);
}

export function synthesize(projectDir: string, log: (line: string) => void, force = false): SynthResult {
  const assemblyDir = join(projectDir, 'cdk.out');
  if (!force && isAssemblyCurrent(projectDir, assemblyDir)) return { assemblyDir, reused: true };
  log('synthesizing the CDK app (npx cdk synth) …');
  execFileSync(process.execPath, [require.resolve('aws-cdk/bin/cdk'), 'synth', '--quiet', '--output', assemblyDir], {
    cwd: projectDir,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, CDK_DISABLE_VERSION_CHECK: '1' },
  });
  return { assemblyDir, reused: false };
}
