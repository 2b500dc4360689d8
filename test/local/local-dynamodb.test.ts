import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutItemCommand, GetItemCommand, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { startLocalDynamoDb, ensureTables } from '../../lib/local/local-dynamodb';
import type { LocalTable } from '../../lib/local/local-app';

const table: LocalTable = {
  logicalId: 'Inventory',
  name: 'App-Inventory',
  keySchema: [{ AttributeName: 'sku', KeyType: 'HASH' }],
  attributeDefinitions: [{ AttributeName: 'sku', AttributeType: 'S' }],
};

test('tables are created once, and data persists across a restart on the same folder', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'sagaflow-ddb-')), 'dynamodb');
  const first = await startLocalDynamoDb({ port: 0, path });
  try {
    expect(await ensureTables(first.client, [table])).toEqual({ created: ['App-Inventory'], existing: [] });
    await first.client.send(new PutItemCommand({ TableName: 'App-Inventory', Item: { sku: { S: 'SKU-1' }, stock: { N: '5' } } }));
  } finally {
    await first.close();
  }

  const second = await startLocalDynamoDb({ port: 0, path });
  try {
    expect(await ensureTables(second.client, [table])).toEqual({ created: [], existing: ['App-Inventory'] });
    expect((await second.client.send(new ListTablesCommand({}))).TableNames).toEqual(['App-Inventory']);
    const got = await second.client.send(new GetItemCommand({ TableName: 'App-Inventory', Key: { sku: { S: 'SKU-1' } } }));
    expect(got.Item).toEqual({ sku: { S: 'SKU-1' }, stock: { N: '5' } });
  } finally {
    await second.close();
  }
});
