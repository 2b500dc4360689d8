import { Worker } from 'node:worker_threads';

/**
 * Copies the WAL back into the database on a worker thread. Checkpointing on the writer's thread
 * (SQLite's autocheckpoint) stalls a commit every few megabytes for the copy and its two fsyncs;
 * a PASSIVE checkpoint from a second connection runs alongside the writer instead, on the other
 * core. The writer signals after each commit through shared memory (a counter and a futex wake,
 * cheaper than a message); signals that arrive while a checkpoint runs fold into the next one.
 * If the thread fails, the writer goes back to checkpointing by itself (`onFailure`).
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const signal = new Int32Array(workerData.signal);
try {
  const Database = require(workerData.driver);
  const db = new Database(workerData.file, { timeout: 1000 });
  db.pragma('synchronous = ' + workerData.synchronous);
  // A checkpoint copies frames through its own buffer: this connection needs almost no page cache.
  db.pragma('cache_size = -256');
  const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
  let seen = 0;
  for (;;) {
    Atomics.wait(signal, ${0}, seen);
    seen = Atomics.load(signal, ${0});
    if (Atomics.load(signal, ${1}) !== 0) break;
    checkpoint.get();
    Atomics.add(signal, ${2}, 1);
  }
  db.close();
} catch (error) {
  parentPort.postMessage(String(error && error.stack || error));
}
`;

/** Slots of the shared Int32Array: requests made, stop flag, checkpoints done. */
const REQUESTS = 0;
const STOP = 1;
const DONE = 2;

export class Checkpointer {
  private readonly signal = new Int32Array(new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT));
  private readonly worker: Worker;
  private readonly exited: Promise<void>;
  private stopped = false;

  constructor(file: string, synchronous: 'NORMAL' | 'FULL', onFailure: (error: Error) => void) {
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { driver: require.resolve('better-sqlite3'), file, synchronous, signal: this.signal.buffer },
    });
    // A service that forgets to close its store can still exit; a checkpoint cut short is harmless.
    this.worker.unref();
    this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve()));
    const fail = (error: Error) => {
      if (this.stopped) return;
      this.stopped = true;
      onFailure(error);
    };
    this.worker.on('message', (stack: string) => fail(new Error(`checkpointer thread failed: ${stack}`)));
    this.worker.on('error', fail);
  }

  /** Checkpoints completed so far. */
  get checkpoints(): number {
    return Atomics.load(this.signal, DONE);
  }

  /** Asks for a checkpoint of what is committed now. */
  request(): void {
    if (this.stopped) return;
    Atomics.add(this.signal, REQUESTS, 1);
    Atomics.notify(this.signal, REQUESTS);
  }

  /** Lets a running checkpoint finish, then closes the thread's connection. */
  async close(): Promise<void> {
    // Keep the process alive until the thread is gone, or an awaited close() would never return.
    this.worker.ref();
    this.stopped = true;
    Atomics.store(this.signal, STOP, 1);
    Atomics.add(this.signal, REQUESTS, 1);
    Atomics.notify(this.signal, REQUESTS);
    await this.exited;
  }
}
