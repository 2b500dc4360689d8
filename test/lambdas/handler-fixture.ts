import { AsyncLocalStorage } from 'node:async_hooks';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ensureTables, startLocalDynamoDb, type LocalDynamoDb } from '../../lib/local/local-dynamodb';
import type { DynamoDbAction, TableAccess, TableSpec } from '../../lambdas/shared/table-spec';

/**
 * Runs handlers as Lambda would, against a real dynalite: the tables of a spec are created, the
 * handlers find them through their environment variables, and every DynamoDB call a handler
 * makes is recorded by table and action, so tests can hold each handler to its access list.
 */
export interface HandlerFixture {
  /** A client of the fixture's own, for setting up and checking state (not recorded). */
  ddb: DynamoDBClient;
  endpoint: string;
  /** `<spec name>` → deployed table name. */
  tables: Record<string, string>;
  /** Runs a handler under an activity name; its DynamoDB calls are recorded under that name. */
  run<E, R>(activity: string, handler: (event: E, context?: object) => Promise<R>, event: E): Promise<R>;
  /** Calls made so far, by activity: `Table:Action`. */
  used(activity: string): string[];
  /** Called before each recorded DynamoDB call is sent, e.g. to slip a competing write in between. */
  beforeCall?: (call: { activity: string; table: string; action: string }) => Promise<void>;
  close(): Promise<void>;
}

export async function startHandlerFixture(specs: Record<string, TableSpec>): Promise<HandlerFixture> {
  const db: LocalDynamoDb = await startLocalDynamoDb({ port: 0 });
  const tables = Object.fromEntries(Object.keys(specs).map((name) => [name, `test-${name}`]));
  await ensureTables(db.client, Object.entries(specs).map(([name, spec]) => ({
    logicalId: name,
    name: tables[name],
    keySchema: [{ AttributeName: spec.partitionKey, KeyType: 'HASH' as const }],
    attributeDefinitions: [{ AttributeName: spec.partitionKey, AttributeType: 'S' as const }],
  })));
  const saved = { ...process.env };
  Object.assign(process.env, {
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_DYNAMODB: db.endpoint,
    ...Object.fromEntries(Object.entries(specs).map(([name, spec]) => [spec.env, tables[name]])),
  });
  const byName = Object.fromEntries(Object.entries(tables).map(([spec, physical]) => [physical, spec]));

  const calls = new Map<string, Set<string>>();
  // Which activity a call belongs to, even when runs overlap (twin deliveries run concurrently).
  const current = new AsyncLocalStorage<string>();
  const fixture: HandlerFixture = {
    ddb: db.client,
    endpoint: db.endpoint,
    tables,
    run: (activity, handler, event) =>
      current.run(activity, () => handler(event, { functionName: activity, awsRequestId: 'test', getRemainingTimeInMillis: () => 30_000 })),
    used: (activity) => [...(calls.get(activity) ?? [])].sort(),
    close: async () => {
      send.mockRestore();
      process.env = saved;
      await db.close();
    },
  };
  const original = DynamoDBClient.prototype.send;
  const send = jest.spyOn(DynamoDBClient.prototype, 'send').mockImplementation(async function (this: DynamoDBClient, ...args: unknown[]) {
    if (this !== db.client) {
      const command = args[0] as { constructor: { name: string }; input: { TableName?: string } };
      const table = byName[command.input.TableName ?? ''] ?? command.input.TableName ?? '?';
      const action = command.constructor.name.replace(/Command$/, '');
      const activity = current.getStore() ?? '(outside run)';
      if (!calls.has(activity)) calls.set(activity, new Set());
      calls.get(activity)!.add(`${table}:${action}`);
      await fixture.beforeCall?.({ activity, table, action });
    }
    return (original as (...a: unknown[]) => Promise<unknown>).apply(this, args);
  } as never);
  return fixture;
}

/** An access list as the `Table:Action` strings `used()` reports. */
export function granted(access: TableAccess): string[] {
  return Object.entries(access).flatMap(([table, actions]) => (actions as DynamoDbAction[]).map((a) => `${table}:${a}`)).sort();
}
