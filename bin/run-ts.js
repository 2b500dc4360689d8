#!/usr/bin/env node
// Runs a TypeScript entry point with the remaining arguments: `node bin/run-ts.js bench/main.ts --json`.
require('tsx/cjs/api').register();
const path = require('node:path');
const [entry, ...rest] = process.argv.slice(2);
if (!entry) { console.error('usage: node bin/run-ts.js FILE.ts [args...]'); process.exit(2); }
process.argv = [process.argv[0], path.resolve(entry), ...rest];
require(path.resolve(entry));
