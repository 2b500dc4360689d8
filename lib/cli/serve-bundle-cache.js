'use strict';
// Where the serve bundle lives and whether it is current. Plain JavaScript, shared by the TypeScript
// that builds the bundle (serving-modules.ts) and by bin/sagaflow.js, which runs `serve` straight from
// a current bundle before any TypeScript loader is set up.
const { readFileSync, statSync } = require('node:fs');
const { join, resolve } = require('node:path');

const ROOT = resolve(__dirname, '..', '..');
const CACHE = join(ROOT, 'node_modules', '.cache', 'sagaflow');
const BUNDLE = join(CACHE, 'serve-bundle.js');
const MANIFEST = join(CACHE, 'serve-bundle.json');

/** The installed esbuild's version: a bundle built by another one is rebuilt. */
function esbuildVersion() {
  return require('esbuild/package.json').version;
}

/** The bundle exists and no source it was built from changed (same mtime and size), nor esbuild. */
function isCurrent() {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
    statSync(BUNDLE);
  } catch {
    return false;
  }
  for (const [file, [mtimeMs, size]] of Object.entries(manifest.inputs)) {
    try {
      const s = statSync(file);
      if (s.mtimeMs !== mtimeMs || s.size !== size) return false;
    } catch {
      return false;
    }
  }
  try {
    return manifest.esbuild === esbuildVersion();
  } catch {
    return false;
  }
}

module.exports = { ROOT, CACHE, BUNDLE, MANIFEST, esbuildVersion, isCurrent };
