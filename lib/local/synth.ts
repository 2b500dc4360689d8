import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

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

/** A lock older than this was left by a synth that died. */
const STALE_LOCK_MS = 10 * 60_000;

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * One synth per assembly folder at a time, across processes (`npm start` in two terminals, an
 * `invoke` during a start, parallel test files): the CDK CLI refuses a second writer outright.
 * The lock lives in the temp folder, so the project stays clean even if a synth is killed.
 */
function withSynthLock<T>(assemblyDir: string, fn: () => T): T {
  const lock = join(tmpdir(), `sagaflow-synth-${createHash('sha256').update(resolve(assemblyDir)).digest('hex').slice(0, 16)}.lock`);
  for (const until = Date.now() + STALE_LOCK_MS; ; ) {
    try {
      mkdirSync(lock);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    let age = 0;
    try {
      age = Date.now() - statSync(lock).mtimeMs;
    } catch {
      continue; // released meanwhile
    }
    if (age > STALE_LOCK_MS) rmSync(lock, { recursive: true, force: true });
    else if (Date.now() > until) throw new SynthError(`another synth of ${assemblyDir} has held ${lock} for over ${STALE_LOCK_MS / 60_000} minutes`);
    else sleepSync(250);
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export function synthesize(projectDir: string, log: (line: string) => void, options: SynthOptions = {}): SynthResult {
  const assemblyDir = options.assemblyDir ?? join(projectDir, 'cdk.out');
  if (!options.force && isAssemblyCurrent(projectDir, assemblyDir)) return { assemblyDir, reused: true };
  return withSynthLock(assemblyDir, () => {
    // Another process may have synthesized while this one waited for the lock.
    if (!options.force && isAssemblyCurrent(projectDir, assemblyDir)) return { assemblyDir, reused: true };
    runCdkSynth(projectDir, assemblyDir, log);
    return { assemblyDir, reused: false };
  });
}

function runCdkSynth(projectDir: string, assemblyDir: string, log: (line: string) => void): void {
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
}
