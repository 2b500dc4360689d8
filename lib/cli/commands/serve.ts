import { resolve } from 'node:path';
import type { ApiServer } from '../../api';
import type { ClockOption, LambdaFunctionConfig, StoreOption } from '../../runtime/local-service-contract';
import { UsageError, type Command } from '../command';
import { CommandFailure } from '../command-failure';
import { readFunctionsFile } from '../functions-file';
import { parseFlags } from '../parse-flags';
import { executionLogLine, serviceLogLine, type LogFormat } from '../serve-log';
import { loadServingModules } from '../serving-modules';
import { parseClock } from './start';

const usage = `Usage: sagaflow serve [options]

Runs the local Step Functions service: the AWS API on HTTP for the SDK and
\`aws stepfunctions --endpoint-url\`, executions kept in a data folder, one log line per
execution start and end. Ctrl-C (or SIGTERM) stops it; running executions resume on the next start.

  --port N              port to listen on (default 8083; 0 picks a free one)
  --host H              address to bind (default 127.0.0.1)
  --data DIR            data folder (default .sagaflow)
  --memory              keep nothing on disk
  --clock MODE          real (default), virtual (moved by \`sagaflow advance-time\`), or scale=N
  --region R            default us-east-1
  --account A           12 digits, default 123456789012
  --log-format F        text (default) or json (one object per line)
  --retention-days N    purge closed executions older than N days
  --durability D        process (default: a write survives a crash of this process) or
                        power (it survives power loss too: every commit is synced to disk)
  --functions FILE      Lambda functions to run: a JSON array of
                        {"functionName", "modulePath", "handlerName"?, "timeoutSeconds"?,
                         "environment"?, "memorySize"?, "isolation"?, "maxConcurrency"?},
                        module paths relative to the file
  --dynamodb-endpoint U where the optimised DynamoDB integration sends its calls`;

const flags = {
  port: { type: 'string' },
  host: { type: 'string' },
  data: { type: 'string' },
  memory: { type: 'boolean' },
  clock: { type: 'string' },
  region: { type: 'string' },
  account: { type: 'string' },
  'log-format': { type: 'string' },
  'retention-days': { type: 'string' },
  durability: { type: 'string' },
  functions: { type: 'string' },
  'dynamodb-endpoint': { type: 'string' },
} as const;

interface ServeArgs {
  port: number;
  host: string;
  store: StoreOption;
  clock: ClockOption;
  region: string;
  accountId: string;
  format: LogFormat;
  retentionDays?: number;
  lambdas: LambdaFunctionConfig[];
  dynamodbEndpoint?: string;
}

function parse(argv: string[]): ServeArgs {
  const { flags: f, positionals } = parseFlags(argv, flags);
  if (positionals.length) throw new UsageError(`unexpected argument '${positionals[0]}'`);
  const port = f.port === undefined ? 8083 : Number(f.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port needs a port number 0-65535 (got '${f.port}')`);
  if (f.memory && f.data !== undefined) throw new UsageError('--data and --memory exclude each other');
  const accountId = f.account ?? '123456789012';
  if (!/^\d{12}$/.test(accountId)) throw new UsageError(`--account must be 12 digits (got '${accountId}')`);
  const format = f['log-format'] ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--log-format must be text or json (got '${format}')`);
  let retentionDays: number | undefined;
  if (f['retention-days'] !== undefined) {
    retentionDays = Number(f['retention-days']);
    if (!(retentionDays > 0)) throw new UsageError(`--retention-days must be a positive number (got '${f['retention-days']}')`);
  }
  const durability = f.durability ?? 'process';
  if (durability !== 'process' && durability !== 'power') throw new UsageError(`--durability must be process or power (got '${durability}')`);
  if (f.memory && f.durability !== undefined) throw new UsageError('--durability applies to a data folder, not to --memory');
  return {
    port,
    host: f.host ?? '127.0.0.1',
    store: f.memory ? { kind: 'memory' } : { kind: 'sqlite', dir: resolve(f.data ?? '.sagaflow'), durability },
    lambdas: f.functions === undefined ? [] : readFunctionsFile(resolve(f.functions)),
    ...(f['dynamodb-endpoint'] !== undefined ? { dynamodbEndpoint: f['dynamodb-endpoint'] } : {}),
    clock: f.clock === undefined ? { mode: 'real' } : parseClock(f.clock),
    region: f.region ?? 'us-east-1',
    accountId,
    format,
    retentionDays,
  };
}

function describeClock(clock: ClockOption): string {
  if (clock.mode === 'virtual') return 'virtual (move it with `npx sagaflow advance-time 1h`)';
  if (clock.mode === 'scaled') return `scaled (waits run ${clock.factor}x faster)`;
  return 'real';
}

export const serve: Command = {
  summary: 'run the local Step Functions service (the AWS API on 127.0.0.1:8083)',
  usage,
  async run(argv) {
    const args = parse(argv);
    const out = (line: string) => process.stdout.write(`${line}\n`);
    // Only what serving needs, loaded now: the runtime and the HTTP layer (not the SDK).
    const { createLocalService, startApiServer } = await loadServingModules();
    const service = await createLocalService({
      store: args.store,
      clock: args.clock,
      region: args.region,
      accountId: args.accountId,
      retentionDays: args.retentionDays,
      lambdas: args.lambdas,
      ...(args.dynamodbEndpoint ? { dynamodbEndpoint: args.dynamodbEndpoint } : {}),
      onExecutionEvent: (event) => out(executionLogLine(event, args.format)),
    });
    let server: ApiServer;
    try {
      server = await startApiServer({ service, host: args.host, port: args.port, log: (line) => console.error(line) });
    } catch (err) {
      await service.close();
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE') throw new CommandFailure(`port ${args.port} on ${args.host} is in use (another \`sagaflow serve\`?). Stop it, or pick another with --port.`);
      if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new CommandFailure(`cannot listen on ${args.host}: no such local address`);
      throw err;
    }
    const dataDir = args.store.kind === 'sqlite' ? args.store.dir : null;
    out(serviceLogLine(args.format, 'listening', `sagaflow: Step Functions API on ${server.url} (region ${args.region}, account ${args.accountId})`, { url: server.url, region: args.region, accountId: args.accountId }));
    out(serviceLogLine(args.format, 'data', `data: ${dataDir ?? 'in memory (nothing is kept)'}`, { dataDir }));
    out(serviceLogLine(args.format, 'clock', `clock: ${describeClock(args.clock)}`, { clock: args.clock.mode }));
    if (args.lambdas.length > 0) out(serviceLogLine(args.format, 'functions', `functions: ${args.lambdas.map((l) => l.functionName).join(', ')}`, { functions: args.lambdas.map((l) => l.functionName) }));
    if (args.format === 'text') out(`try: aws stepfunctions list-state-machines --endpoint-url ${server.url}`);
    void service.admin.resumed().then((n) => {
      if (n > 0) out(serviceLogLine(args.format, 'resumed', `resumed ${n} running execution${n === 1 ? '' : 's'} from ${dataDir}`, { resumed: n }));
    });

    const signal = await new Promise<NodeJS.Signals>((done) => {
      process.once('SIGINT', () => done('SIGINT'));
      process.once('SIGTERM', () => done('SIGTERM'));
    });
    // A second signal while stopping ends the process at once.
    const force = () => process.exit(130);
    process.once('SIGINT', force);
    process.once('SIGTERM', force);
    out(serviceLogLine(args.format, 'stopping', `${signal}: stopping; running executions resume on the next start …`, { signal }));
    await server.close();
    await service.close();
    out(serviceLogLine(args.format, 'stopped', 'stopped.'));
    process.off('SIGINT', force);
    process.off('SIGTERM', force);
    return 0;
  },
};
