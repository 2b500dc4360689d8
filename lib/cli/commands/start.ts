import type { ClockOption } from '../../runtime/local-service-contract';
import { UsageError, type Command } from '../command';

const usage = `Usage: sagaflow start [options]        (what \`npm start\` runs)

Runs this CDK app locally: synthesizes it (or reuses a current cdk.out), starts DynamoDB
(dynalite) with the app's tables and the Step Functions service on its durable store, loads the
app's Lambda functions and state machines, and prints copy-paste AWS CLI commands. Ctrl-C stops.

  --port N            Step Functions API port (default 8083)
  --dynamodb-port N   DynamoDB port (default 8000)
  --host H            address to bind (default 127.0.0.1)
  --data DIR          data folder for executions and tables (default .sagaflow)
  --memory            keep nothing on disk
  --clock MODE        real (default), virtual, or scale=N (waits run N times faster)
  --region R          default us-east-1
  --account A         default 123456789012
  --json              print the endpoints and ARNs as JSON instead of the guide`;

interface Args {
  port: number;
  dynamodbPort: number;
  host: string;
  data: string;
  clock: ClockOption;
  region: string;
  account: string;
  json: boolean;
}

export function parseClock(text: string): ClockOption {
  if (text === 'real') return { mode: 'real' };
  if (text === 'virtual') return { mode: 'virtual' };
  const scale = /^scale=(\d+(?:\.\d+)?)$/.exec(text);
  if (scale && Number(scale[1]) > 0) return { mode: 'scaled', factor: Number(scale[1]) };
  throw new UsageError(`--clock must be real, virtual or scale=N (got '${text}')`);
}

function parsePort(flag: string, text: string | undefined): number {
  const n = Number(text);
  if (text === undefined || !Number.isInteger(n) || n < 0 || n > 65535) throw new UsageError(`${flag} needs a port number 0-65535`);
  return n;
}

function parse(args: string[]): Args {
  const a: Args = { port: 8083, dynamodbPort: 8000, host: '127.0.0.1', data: '.sagaflow', clock: { mode: 'real' }, region: 'us-east-1', account: '123456789012', json: false };
  for (let i = 0; i < args.length; i++) {
    const flag = args[i];
    const value = () => {
      const v = args[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '--port') a.port = parsePort(flag, value());
    else if (flag === '--dynamodb-port') a.dynamodbPort = parsePort(flag, value());
    else if (flag === '--host') a.host = value();
    else if (flag === '--data') a.data = value();
    else if (flag === '--memory') a.data = 'memory';
    else if (flag === '--clock') a.clock = parseClock(value());
    else if (flag === '--region') a.region = value();
    else if (flag === '--account') {
      a.account = value();
      if (!/^\d{12}$/.test(a.account)) throw new UsageError('--account must be 12 digits');
    } else if (flag === '--json') a.json = true;
    else throw new UsageError(`unknown option '${flag}'`);
  }
  return a;
}

function time(at: number): string {
  return new Date(at).toISOString().slice(11, 23);
}

export const start: Command = {
  summary: 'run this CDK app locally: DynamoDB, the Step Functions API, its functions and state machines',
  usage,
  async run(argv) {
    const args = parse(argv);
    // Loaded on use, with require: tsx's CommonJS hook does not serve dynamic import().
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { startLocalApp } = require('../../local/start-local-app') as typeof import('../../local/start-local-app');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { localGuide } = require('../../local/local-guide') as typeof import('../../local/local-guide');
    const log = (line: string) => console.error(line);
    const running = await startLocalApp({
      data: args.data,
      host: args.host,
      port: args.port,
      dynamodbPort: args.dynamodbPort,
      clock: args.clock,
      region: args.region,
      accountId: args.account,
      log,
      onExecutionEvent: (e) => {
        const name = e.executionArn.split(':').pop();
        if (e.kind === 'started') log(`${time(e.at)}  started    ${name}  (${e.stateMachineArn.split(':').pop()})`);
        else log(`${time(e.at)}  ${e.status.padEnd(10)} ${name}${e.error ? `  ${e.error}${e.cause ? `: ${e.cause.slice(0, 200)}` : ''}` : ''}`);
      },
    });
    log(running.synth.reused ? `cdk.out is current: reused ${running.synth.assemblyDir}` : `synthesized ${running.synth.assemblyDir}`);
    log(`data: ${running.dataDir ?? 'in memory (nothing kept)'}`);
    if (running.tables.created.length) log(`created tables: ${running.tables.created.join(', ')}`);
    void running.service.admin.resumed().then((n) => {
      if (n > 0) log(`resumed ${n} running execution${n === 1 ? '' : 's'}`);
    });
    if (args.json) {
      console.log(JSON.stringify({ url: running.url, dynamodbEndpoint: running.dynamodb.endpoint, dataDir: running.dataDir ?? null, stateMachines: running.stateMachines, tables: running.app.tables.map((t) => t.name), functions: running.app.functions.map((f) => f.functionName) }));
    } else {
      console.log(localGuide({ url: running.url, dynamodbEndpoint: running.dynamodb.endpoint, region: args.region, stateMachines: running.stateMachines, tables: running.app.tables, functions: running.app.functions, ...(running.dataDir ? { dataDir: running.dataDir } : {}) }));
    }
    await new Promise<void>((resolve) => {
      const stop = (signal: string) => {
        log(`\n${signal}: stopping (running executions resume on the next start) …`);
        resolve();
      };
      process.once('SIGINT', () => stop('SIGINT'));
      process.once('SIGTERM', () => stop('SIGTERM'));
    });
    await running.close();
    log('stopped.');
    return 0;
  },
};
