import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync } from 'node:fs';
import { DynamoDBClient, CreateTableCommand, DescribeTableCommand, ResourceNotFoundException, type CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import type { LocalTable } from './local-app';

/**
 * A DynamoDB-compatible server for local runs: dynalite, in process, persisted in a LevelDB folder
 * (or in memory), with the app's tables created from its template.
 */
export interface LocalDynamoDb {
  endpoint: string;
  client: DynamoDBClient;
  close(): Promise<void>;
}

export interface LocalDynamoDbOptions {
  host?: string;
  /** @default 8000; 0 picks a free port */
  port?: number;
  /** LevelDB folder; omit for an in-memory store. */
  path?: string;
}

export async function startLocalDynamoDb(options: LocalDynamoDbOptions = {}): Promise<LocalDynamoDb> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const dynalite = require('dynalite') as (o: object) => Server;
  if (options.path) mkdirSync(options.path, { recursive: true });
  // Tables become ACTIVE at once: nothing local should wait half a second per table.
  const server = dynalite({ path: options.path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8000, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://${host}:${port}`;
  const client = new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  return {
    endpoint,
    client,
    close: async () => {
      client.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Creates each table that does not exist yet; existing ones (from an earlier run) are kept as they are. */
export async function ensureTables(client: DynamoDBClient, tables: LocalTable[]): Promise<{ created: string[]; existing: string[] }> {
  const created: string[] = [];
  const existing: string[] = [];
  for (const t of tables) {
    try {
      await client.send(new DescribeTableCommand({ TableName: t.name }));
      existing.push(t.name);
      continue;
    } catch (err) {
      if (!(err instanceof ResourceNotFoundException) && (err as Error).name !== 'ResourceNotFoundException') throw err;
    }
    const input: CreateTableCommandInput = {
      TableName: t.name,
      KeySchema: t.keySchema,
      AttributeDefinitions: t.attributeDefinitions,
      BillingMode: 'PAY_PER_REQUEST',
    };
    if (t.globalSecondaryIndexes?.length) input.GlobalSecondaryIndexes = t.globalSecondaryIndexes as CreateTableCommandInput['GlobalSecondaryIndexes'];
    await client.send(new CreateTableCommand(input));
    await waitUntilActive(client, t.name);
    created.push(t.name);
  }
  return { created, existing };
}

/** dynalite flips a new table to ACTIVE on a later tick even with createTableMs 0; writes before that fail. */
async function waitUntilActive(client: DynamoDBClient, name: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: name }));
    if (Table?.TableStatus === 'ACTIVE') return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`local DynamoDB table ${name} did not become ACTIVE`);
}
