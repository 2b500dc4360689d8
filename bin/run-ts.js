#!/usr/bin/env node
// Runs a TypeScript entry point with the remaining arguments: `node bin/run-ts.js bench/main.ts --json`.
// As bin/sagaflow.js: the AWS SDK's Node 22 notice is not for our users' terminals.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
require('tsx/cjs/api').register();
const path = require('node:path');
const [entry, ...rest] = process.argv.slice(2);
if (!entry) { console.error('usage: node bin/run-ts.js FILE.ts [args...]'); process.exit(2); }
process.argv = [process.argv[0], path.resolve(entry), ...rest];
require(path.resolve(entry));
