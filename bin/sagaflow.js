#!/usr/bin/env node
// The `sagaflow` command. Sources are TypeScript; tsx compiles them on the fly (and caches), so a
// fresh clone needs no build step.
// Node 20 is supported here; the AWS SDK's notice that its 2027 releases need Node 22 is not for our users' terminals.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const argv = process.argv.slice(2);
const settle = (running) =>
  running
    .then((code) => { process.exitCode = code; })
    .catch((err) => { console.error(`sagaflow: ${err && err.message ? err.message : err}`); process.exitCode = 1; });

/**
 * `serve` runs straight from its current bundle, without a TypeScript loader: a cold start is then
 * mostly Node's own. Functions given with --functions may be TypeScript run inline, so that path
 * (like every other command) goes through tsx.
 */
function fromServeBundle() {
  if (argv[0] !== 'serve' || argv.includes('--functions') || process.env.SAGAFLOW_BUNDLE === '0') return undefined;
  try {
    const cache = require('../lib/cli/serve-bundle-cache.js');
    return cache.isCurrent() ? require(cache.BUNDLE).runServe : undefined;
  } catch {
    return undefined;
  }
}

const runServe = fromServeBundle();
if (runServe) settle(runServe(argv.slice(1)));
else {
  require('tsx/cjs/api').register();
  settle(require('../lib/cli/main.ts').main(argv));
}
