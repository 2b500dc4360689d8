import { SqliteStore } from '../../lib/store';
import { childExecution, passChain } from './store-fixtures';

/**
 * A second process for the SQLite tests, run as `node bin/run-ts.js test/store/store-child.ts MODE DIR`:
 * - `writer`: writes executions (five per tick, each with its events, token and timer) and prints
 *   `ack N` once the write of execution N resolved, until it is killed;
 * - `hold`: opens the store, prints `ready`, and keeps it open until it is killed.
 * Anything that goes wrong is printed as `error …` so the parent can fail with the reason.
 */
const [mode, dir] = process.argv.slice(2);

function main(): void {
  const store = new SqliteStore({ dir });
  if (mode === 'hold') {
    process.stdout.write('ready\n');
    setInterval(() => undefined, 1000);
    return;
  }
  if (mode !== 'writer') throw new Error(`unknown mode ${mode}`);
  let n = 0;
  const tick = () => {
    const calls: Promise<void>[] = [];
    for (let i = 0; i < 5; i++, n++) {
      const x = childExecution(n);
      const id = n;
      calls.push(
        store
          .write([
            { kind: 'putExecution', record: { ...x, eventCount: 8 } },
            { kind: 'appendInputs', executionArn: x.arn, inputs: [`{"kind":"StartExecution","n":${id}}`] },
            { kind: 'appendEvents', executionArn: x.arn, events: passChain(3) },
            { kind: 'putToken', record: { token: `token-${id}`, executionArn: x.arn, taskId: 't1' } },
            { kind: 'armTimer', timer: { executionArn: x.arn, timerId: 'timeout', dueAt: id } },
          ])
          .then(() => {
            process.stdout.write(`ack ${id}\n`);
          }),
      );
    }
    Promise.all(calls).then(
      () => setImmediate(tick),
      (error: unknown) => process.stdout.write(`error ${String(error)}\n`),
    );
  };
  tick();
}

try {
  main();
} catch (error) {
  process.stdout.write(`error ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}\n`);
  process.exit(1);
}
