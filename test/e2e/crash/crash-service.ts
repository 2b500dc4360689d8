import { join } from 'node:path';
import { startApiServer } from '../../../lib/api';
import { createLocalService } from '../../../lib/runtime';

/**
 * The service process the crash test kills: the local service on a SQLite data folder with the
 * test's functions, served over HTTP. It prints its URL as one JSON line once it listens.
 */
async function main(): Promise<void> {
  const [dir, tokensFile] = process.argv.slice(2);
  process.env.TOKENS_FILE = tokensFile;
  const at = (file: string) => join(__dirname, 'functions', file);
  const service = await createLocalService({
    store: { kind: 'sqlite', dir: dir! },
    clock: { mode: 'real' },
    lambdas: [
      { functionName: 'work', modulePath: at('work.ts'), isolation: 'inline', timeoutSeconds: 10 },
      { functionName: 'flaky', modulePath: at('flaky.ts'), isolation: 'inline', timeoutSeconds: 10 },
      { functionName: 'ask', modulePath: at('ask.ts'), isolation: 'inline', timeoutSeconds: 10 },
    ],
  });
  const server = await startApiServer({ service, port: 0 });
  process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
