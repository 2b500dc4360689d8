import { join, resolve } from 'node:path';
import type { ClockOption, LocalService, LocalServiceOptions, StoreOption } from '../runtime/local-service-contract';
import { ServiceError } from '../runtime/step-functions-operations';
import { readCloudAssembly } from './cloud-assembly';
import { loadLocalApp, type LocalApp } from './local-app';
import { ensureTables, startLocalDynamoDb, type LocalDynamoDb } from './local-dynamodb';
import { synthesize } from './synth';

/**
 * The whole local journey of `npm start`, as a library so that end-to-end tests run the same code
 * in process: synthesize (or reuse cdk.out), start DynamoDB and the Step Functions service, load
 * the app's tables, functions and state machines, and serve the AWS wire API.
 */

export interface StartLocalAppOptions {
  /** The CDK project (where cdk.json is). @default process.cwd() */
  projectDir?: string;
  /** An already synthesized cloud assembly; skips synth. */
  assemblyDir?: string;
  /** The data folder for the store and DynamoDB; `memory` keeps nothing. @default <projectDir>/.sagaflow */
  data?: string | 'memory';
  host?: string;
  /** Step Functions API port. @default 8083; 0 picks a free one */
  port?: number;
  /** DynamoDB port. @default 8000; 0 picks a free one */
  dynamodbPort?: number;
  clock?: ClockOption;
  region?: string;
  accountId?: string;
  log?: (line: string) => void;
  onExecutionEvent?: LocalServiceOptions['onExecutionEvent'];
  /** Where the functions' log lines go. @default stderr, prefixed with the function name */
  onFunctionLog?: LocalServiceOptions['onFunctionLog'];
}

export interface RegisteredStateMachine {
  logicalId: string;
  name: string;
  arn: string;
  /** What loading did: created now, updated to a changed definition, or found unchanged. */
  action: 'created' | 'updated' | 'unchanged';
}

export interface RunningLocalApp {
  /** The Step Functions endpoint, e.g. http://127.0.0.1:8083 */
  url: string;
  dynamodb: LocalDynamoDb;
  service: LocalService;
  app: LocalApp;
  stateMachines: RegisteredStateMachine[];
  tables: { created: string[]; existing: string[] };
  synth: { assemblyDir: string; reused: boolean };
  dataDir?: string;
  close(): Promise<void>;
}

/** Environment every local function gets on top of its own: a region, dummy credentials, and the local endpoints. */
export function localFunctionEnvironment(o: { region: string; dynamodbEndpoint: string; stepFunctionsEndpoint: string }): Record<string, string> {
  return {
    AWS_REGION: o.region,
    AWS_DEFAULT_REGION: o.region,
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    // The SDK's service-specific endpoint variables: the functions' own clients reach the local servers unchanged.
    AWS_ENDPOINT_URL_DYNAMODB: o.dynamodbEndpoint,
    AWS_ENDPOINT_URL_SFN: o.stepFunctionsEndpoint,
  };
}

async function registerStateMachine(service: LocalService, sm: LocalApp['stateMachines'][number]): Promise<RegisteredStateMachine> {
  const ops = service.operations;
  const base = { logicalId: sm.logicalId, name: sm.name, arn: sm.arn };
  try {
    const existing = await ops.DescribeStateMachine({ stateMachineArn: sm.arn });
    if (existing.definition === sm.definition && existing.roleArn === sm.roleArn) return { ...base, action: 'unchanged' };
    await ops.UpdateStateMachine({ stateMachineArn: sm.arn, definition: sm.definition, roleArn: sm.roleArn });
    return { ...base, action: 'updated' };
  } catch (err) {
    if (!(err instanceof ServiceError) || err.code !== 'StateMachineDoesNotExist') throw err;
  }
  const created = await ops.CreateStateMachine({ name: sm.name, definition: sm.definition, roleArn: sm.roleArn, type: sm.type });
  return { ...base, arn: created.stateMachineArn ?? sm.arn, action: 'created' };
}

export async function startLocalApp(options: StartLocalAppOptions = {}): Promise<RunningLocalApp> {
  const log = options.log ?? (() => {});
  const projectDir = resolve(options.projectDir ?? process.cwd());
  const region = options.region ?? 'us-east-1';
  const accountId = options.accountId ?? '123456789012';
  const host = options.host ?? '127.0.0.1';
  const dataDir = options.data === 'memory' ? undefined : resolve(projectDir, options.data ?? '.sagaflow');

  const synth = options.assemblyDir ? { assemblyDir: options.assemblyDir, reused: true } : synthesize(projectDir, log);
  const app = loadLocalApp(synth.assemblyDir, readCloudAssembly(synth.assemblyDir), { region, accountId });

  const closers: Array<() => Promise<void>> = [];
  const closeAll = async () => {
    for (const close of closers.reverse()) await close().catch(() => {});
  };
  try {
    const dynamodb = await startLocalDynamoDb({ host, port: options.dynamodbPort ?? 8000, path: dataDir && join(dataDir, 'dynamodb') });
    closers.push(() => dynamodb.close());
    const tables = await ensureTables(dynamodb.client, app.tables);

    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createLocalService } = require('../runtime') as typeof import('../runtime');
    const store: StoreOption = dataDir ? { kind: 'sqlite', dir: dataDir } : { kind: 'memory' };
    const service = await createLocalService({
      store,
      clock: options.clock ?? { mode: 'real' },
      region,
      accountId,
      dynamodbEndpoint: dynamodb.endpoint,
      onExecutionEvent: options.onExecutionEvent,
      onFunctionLog: options.onFunctionLog,
    });
    closers.push(() => service.close());

    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { startApiServer } = require('../api') as typeof import('../api');
    const server = await startApiServer({ service, host, port: options.port ?? 8083 });
    closers.push(() => server.close());

    // Functions learn the API's address only now that it listens (port 0 in tests).
    const shared = localFunctionEnvironment({ region, dynamodbEndpoint: dynamodb.endpoint, stepFunctionsEndpoint: server.url });
    service.admin.registerLambdas(app.functions.map((f) => ({ ...f, environment: { ...shared, ...f.environment } })));

    const stateMachines: RegisteredStateMachine[] = [];
    for (const sm of app.stateMachines) stateMachines.push(await registerStateMachine(service, sm));

    return { url: server.url, dynamodb, service, app, stateMachines, tables, synth, dataDir, close: closeAll };
  } catch (err) {
    await closeAll();
    throw err;
  }
}
