import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Synthesizes the CDK app into `cdk.out`, or reuses it when it is newer than every source the app
 * is built from, so a restart with unchanged code starts in a second and changed code is picked up.
 */

const SOURCES = ['bin', 'constructs', 'lambdas', 'workflows', 'lib/builder', 'lib/asl', 'cdk.json', 'package.json', 'package-lock.json'];

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

export class SynthError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SynthError';
  }
}

export interface SynthResult {
  assemblyDir: string;
  reused: boolean;
}

export interface SynthOptions {
  /** Synthesize even if the assembly is current. @default false */
  force?: boolean;
  /** Where the cloud assembly goes. @default <projectDir>/cdk.out */
  assemblyDir?: string;
}

export function isAssemblyCurrent(projectDir: string, assemblyDir: string): boolean {
  const manifest = join(assemblyDir, 'manifest.json');
  if (!existsSync(manifest)) return false;
  const built = statSync(manifest).mtimeMs;
  return SOURCES.every((s) => newestMtime(join(projectDir, s)) <= built);
}

export function synthesize(projectDir: string, log: (line: string) => void, options: SynthOptions = {}): SynthResult {
  const assemblyDir = options.assemblyDir ?? join(projectDir, 'cdk.out');
  if (!options.force && isAssemblyCurrent(projectDir, assemblyDir)) return { assemblyDir, reused: true };
  log('synthesizing the CDK app (npx cdk synth) …');
  // --no-validation skips CDK's built-in CloudFormation schema check (seconds per synth), which
  // matters for `cdk deploy`, not for a local run; cdk-nag, a plugin of the app, still runs.
  try {
    execFileSync(process.execPath, [require.resolve('aws-cdk/bin/cdk'), 'synth', '--quiet', '--no-validation', '--output', assemblyDir], {
      cwd: projectDir,
      // The bundler's progress lines are noise when all goes well; they are shown when it does not.
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
      env: { ...process.env, CDK_DISABLE_VERSION_CHECK: '1' },
    });
  } catch (err) {
    const stderr = String((err as { stderr?: unknown }).stderr ?? '').trim();
    throw new SynthError(`\`cdk synth\` failed in ${projectDir}${stderr ? `:\n${stderr}` : `: ${(err as Error).message}`}`);
  }
  return { assemblyDir, reused: false };
}
