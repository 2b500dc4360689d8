import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { DescribeExecutionCommand, ListStateMachinesCommand, SFNClient, type DescribeExecutionCommandOutput } from '@aws-sdk/client-sfn';

/**
 * Where the journey suite runs: the local app started in process by the same code as `npm start`
 * (default), or a LocalStack deployment of the same CDK app (`SAGAFLOW_TARGET=localstack`, see
 * localstack/test.sh). Tests ask the target for what differs between the two.
 */

const run = promisify(execFile);
export const ROOT = resolve(__dirname, '../../..');
export const AWS_CLI = '/usr/bin/aws';
const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };

export interface JourneyTarget {
  name: 'local' | 'localstack';
  sfnEndpoint: string;
  dynamodbEndpoint: string;
  sfn: SFNClient;
  ddb: DynamoDBClient;
  stateMachineArn(pattern: RegExp): Promise<string>;
  tableName(pattern: RegExp): Promise<string>;
  /** Virtual time; undefined where the target has none (LocalStack). */
  advanceTime?: (ms: number) => Promise<void>;
  /** Runs the app's `approve` helper with this event; resolves to its printed result. */
  approve(event: object): Promise<unknown>;
  close(): Promise<void>;
}

/** Environment for `/usr/bin/aws` against the target. */
export function cliEnv(): NodeJS.ProcessEnv {
  return { ...process.env, AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local', AWS_DEFAULT_REGION: 'us-east-1', AWS_PAGER: '' };
}

export async function aws(target: JourneyTarget, args: string[]): Promise<unknown> {
  const service = args[0];
  const endpoint = service === 'dynamodb' ? target.dynamodbEndpoint : target.sfnEndpoint;
  const { stdout } = await run(AWS_CLI, [...args, '--endpoint-url', endpoint, '--output', 'json'], { env: cliEnv() });
  return stdout.trim() ? JSON.parse(stdout) : undefined;
}

export async function waitForClose(sfn: SFNClient, executionArn: string, timeoutMs = 60_000): Promise<DescribeExecutionCommandOutput> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const d = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    if (d.status !== 'RUNNING') return d;
    if (Date.now() > until) throw new Error(`${executionArn} still RUNNING after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Polls until `check` returns a value (not undefined). */
export async function eventually<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

function byPattern(names: string[], pattern: RegExp, what: string): string {
  const found = names.filter((n) => pattern.test(n));
  if (found.length !== 1) throw new Error(`expected one ${what} matching ${pattern}, found ${JSON.stringify(found)} among ${JSON.stringify(names)}`);
  return found[0];
}

async function localTarget(): Promise<JourneyTarget> {
  const { startLocalApp } = await import('../../../lib/local/start-local-app');
  const data = mkdtempSync(join(tmpdir(), 'sagaflow-journey-'));
  // The functions' log lines stay out of the test output unless SAGAFLOW_E2E_LOGS=1 asks for them.
  const show = process.env.SAGAFLOW_E2E_LOGS === '1';
  const app = await startLocalApp({ projectDir: ROOT, data, port: 0, dynamodbPort: 0, clock: { mode: 'virtual' }, onFunctionLog: (l) => show && process.stderr.write(`[${l.functionName}] ${l.text}\n`) });
  const sfn = new SFNClient({ endpoint: app.url, region: 'us-east-1', credentials });
  return {
    name: 'local',
    sfnEndpoint: app.url,
    dynamodbEndpoint: app.dynamodb.endpoint,
    sfn,
    ddb: app.dynamodb.client,
    stateMachineArn: async (p) => byPattern(app.stateMachines.map((s) => s.arn), p, 'state machine'),
    tableName: async (p) => byPattern(app.app.tables.map((t) => t.name), p, 'table'),
    advanceTime: async (ms) => {
      await app.service.admin.advanceTime(ms);
    },
    approve: async (event) => {
      // The real CLI path a user copies from `npm start`'s guide.
      const { stdout } = await run(process.execPath, [join(ROOT, 'bin/sagaflow.js'), 'invoke', 'Approve', '--payload', JSON.stringify(event), '--endpoint-url', app.url, '--dynamodb-endpoint', app.dynamodb.endpoint], { cwd: ROOT, env: process.env });
      return JSON.parse(stdout);
    },
    close: async () => {
      sfn.destroy();
      await app.close();
      rmSync(data, { recursive: true, force: true });
    },
  };
}

async function localstackTarget(): Promise<JourneyTarget> {
  const endpoint = process.env.SFN_ENDPOINT ?? 'http://localhost:4566';
  const sfn = new SFNClient({ endpoint, region: 'us-east-1', credentials });
  const ddb = new DynamoDBClient({ endpoint, region: 'us-east-1', credentials });
  const target: JourneyTarget = {
    name: 'localstack',
    sfnEndpoint: endpoint,
    dynamodbEndpoint: endpoint,
    sfn,
    ddb,
    stateMachineArn: async (p) => byPattern(((await sfn.send(new ListStateMachinesCommand({}))).stateMachines ?? []).map((s) => s.stateMachineArn!), p, 'state machine'),
    tableName: async (p) => byPattern((await ddb.send(new ListTablesCommand({}))).TableNames ?? [], p, 'table'),
    approve: async (event) => {
      const fn = process.env.APPROVE_FUNCTION_NAME;
      if (!fn) throw new Error('set APPROVE_FUNCTION_NAME to the deployed approve function (localstack/test.sh does)');
      const out = join(mkdtempSync(join(tmpdir(), 'sagaflow-approve-')), 'out.json');
      const { stdout } = await run(AWS_CLI, ['lambda', 'invoke', '--function-name', fn, '--payload', JSON.stringify(event), '--cli-binary-format', 'raw-in-base64-out', '--endpoint-url', endpoint, '--output', 'json', out], { env: cliEnv() });
      const result = readFileSync(out, 'utf8');
      // `aws lambda invoke` exits 0 on a function error: it reports it as FunctionError, with the error payload in the file.
      if ((JSON.parse(stdout) as { FunctionError?: string }).FunctionError) throw new Error(`the approve function failed: ${result}`);
      return JSON.parse(result);
    },
    close: async () => {
      sfn.destroy();
      ddb.destroy();
    },
  };
  return target;
}

export function openTarget(): Promise<JourneyTarget> {
  return process.env.SAGAFLOW_TARGET === 'localstack' ? localstackTarget() : localTarget();
}
