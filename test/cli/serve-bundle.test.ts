import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { buildServeBundle } from '../../lib/cli/serving-modules';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const cache = require('../../lib/cli/serve-bundle-cache.js') as typeof import('../../lib/cli/serve-bundle-cache');

// The serve bundle is rebuilt by whichever command first finds it stale, from wherever it was run.

jest.setTimeout(120_000);

test('a bundle built from a folder outside the project is current afterwards, its manifest naming only project files', async () => {
  const away = mkdtempSync(join(tmpdir(), 'sagaflow-cwd-'));
  const deep = join(away, 'a', 'b', 'c');
  mkdirSync(deep, { recursive: true });
  const cwd = process.cwd();
  try {
    process.chdir(deep);
    await buildServeBundle();
  } finally {
    process.chdir(cwd);
    rmSync(away, { recursive: true, force: true });
  }
  const manifest = JSON.parse(readFileSync(cache.MANIFEST, 'utf8')) as { inputs: Record<string, unknown> };
  const files = Object.keys(manifest.inputs);
  expect(files).toContain(join(cache.ROOT, 'lib', 'runtime', 'index.ts'));
  expect(files.filter((f) => !f.startsWith(cache.ROOT + sep))).toEqual([]);
  expect(cache.isCurrent()).toBe(true);
});
