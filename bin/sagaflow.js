#!/usr/bin/env node
// The `sagaflow` command. Sources are TypeScript; tsx compiles them on the fly (and caches), so a
// fresh clone needs no build step.
// Node 20 is supported here; the AWS SDK's notice that its 2027 releases need Node 22 is not for our users' terminals.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
require('tsx/cjs/api').register();
require('../lib/cli/main.ts')
  .main(process.argv.slice(2))
  .then((code) => { process.exitCode = code; })
  .catch((err) => { console.error(`sagaflow: ${err && err.message ? err.message : err}`); process.exitCode = 1; });
