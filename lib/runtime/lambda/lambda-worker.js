// The sandbox of one Lambda function: a worker thread that loads the handler module once and runs
// one invocation at a time, as a Lambda execution environment does. Plain JavaScript so that it
// starts without a compiler of its own; it registers tsx to load the TypeScript runner and handlers.
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
require('tsx/cjs/api').register();
const { loadHandler, runHandler } = require('./handler-runner.ts');

const loaded = loadHandler(workerData.modulePath, workerData.handlerName, workerData.handlerLabel);

parentPort.on('message', (msg) => {
  if (loaded.error) return parentPort.postMessage({ id: msg.id, outcome: { ok: false, error: loaded.error } });
  runHandler(loaded.handler, msg.event, msg.context, msg.deadline).then((outcome) => parentPort.postMessage({ id: msg.id, outcome }));
});
