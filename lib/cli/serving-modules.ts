import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { BUNDLE, CACHE, esbuildVersion, isCurrent, MANIFEST, ROOT } from './serve-bundle-cache';
import type { startApiServer } from '../api';
import type { CreateExecution } from '../engine';
import type { CreateLocalService } from '../runtime/local-service-contract';

/** What `sagaflow serve` runs: the runtime and the HTTP layer (and, for bin/sagaflow.js, the command itself). */
export interface ServingModules {
  createLocalService: CreateLocalService;
  startApiServer: typeof startApiServer;
  /** The engine the runtime drives, from the same bundle (the bench's engine-alone mode). */
  createExecution: CreateExecution;
}

const ENTRY_NAME = 'serve-entry.js';
const ENTRY = `module.exports = {
  createLocalService: require(${JSON.stringify(join(ROOT, 'lib/runtime/index.ts'))}).createLocalService,
  startApiServer: require(${JSON.stringify(join(ROOT, 'lib/api/index.ts'))}).startApiServer,
  createExecution: require(${JSON.stringify(join(ROOT, 'lib/engine/index.ts'))}).createExecution,
  runServe: require(${JSON.stringify(join(ROOT, 'lib/cli/serve-main.ts'))}).runServe,
};`;

type Manifest = { esbuild: string; inputs: Record<string, [mtimeMs: number, size: number]> };

/**
 * Loads the serving modules from one bundle of their sources, built with esbuild and kept in
 * node_modules/.cache/sagaflow until any of its sources changes: Node compiles one file instead of
 * the two hundred that tsx would transform and load one by one, which is most of a cold start.
 * Without esbuild (it is a dev dependency), or with SAGAFLOW_BUNDLE=0, the sources load through tsx.
 */
export async function loadServingModules(): Promise<ServingModules> {
  if (process.env.SAGAFLOW_BUNDLE !== '0') {
    try {
      if (!isCurrent()) await buildServeBundle();
      return require(BUNDLE) as ServingModules;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND' || !String(err).includes('esbuild')) {
        console.error(`sagaflow: could not use the serve bundle (${(err as Error).message.split('\n')[0]}); loading the sources instead`);
      }
    }
  }
  return {
    createLocalService: (require('../runtime') as typeof import('../runtime')).createLocalService,
    startApiServer: (require('../api') as typeof import('../api')).startApiServer,
    createExecution: (require('../engine') as typeof import('../engine')).createExecution,
  };
}

/** Builds the bundle and its manifest into node_modules/.cache/sagaflow, whatever the current folder. */
export async function buildServeBundle(): Promise<void> {
  const esbuild = require('esbuild') as typeof import('esbuild');
  const result = await esbuild.build({
    stdin: { contents: ENTRY, resolveDir: ROOT, sourcefile: ENTRY_NAME, loader: 'js' },
    // The metafile names inputs relative to this folder: the project's, not the caller's cwd
    // (from another folder the entry was named '../…/serve-entry.js' and the manifest missed it).
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    metafile: true,
    write: false,
    logLevel: 'silent',
    outfile: BUNDLE,
    // Each source keeps its own __dirname and __filename (the Lambda worker is found next to its module).
    plugins: [
      {
        name: 'own-dirname',
        setup(b) {
          b.onLoad({ filter: /\.[cm]?[jt]s$/ }, (args) => {
            if (args.path.includes(`${join('node_modules', '')}`)) return undefined;
            const source = readFileSync(args.path, 'utf8');
            const contents = source.replace(/\b__dirname\b/g, JSON.stringify(dirname(args.path))).replace(/\b__filename\b/g, JSON.stringify(args.path));
            return { contents, loader: args.path.endsWith('ts') ? 'ts' : 'js' };
          });
        },
      },
    ],
  });
  const inputs: Manifest['inputs'] = {};
  for (const input of Object.keys(result.metafile.inputs)) {
    if (input === ENTRY_NAME) continue;
    const file = resolve(ROOT, input);
    const s = statSync(file);
    inputs[file] = [s.mtimeMs, s.size];
  }
  mkdirSync(CACHE, { recursive: true });
  // Written aside and renamed, so that a concurrent start never reads half a bundle.
  const suffix = `.${process.pid}.tmp`;
  writeFileSync(BUNDLE + suffix, result.outputFiles[0].contents);
  writeFileSync(MANIFEST + suffix, JSON.stringify({ esbuild: esbuildVersion(), inputs } satisfies Manifest));
  renameSync(BUNDLE + suffix, BUNDLE);
  renameSync(MANIFEST + suffix, MANIFEST);
}
