#!/usr/bin/env node
// The `sagaflow` command. Sources are TypeScript; tsx compiles them on the fly (and caches), so a
// fresh clone needs no build step.
require('tsx/cjs/api').register();
require('../lib/cli/main.ts')
  .main(process.argv.slice(2))
  .then((code) => { process.exitCode = code; })
  .catch((err) => { console.error(`sagaflow: ${err && err.message ? err.message : err}`); process.exitCode = 1; });
