import { crc32 } from 'node:zlib';
import { startLocalDynamoDb, ensureTables, type LocalDynamoDb } from '../../lib/local/local-dynamodb';
import { openFixture, type Fixture } from './service-fixture';

let ddb: LocalDynamoDb;
let f: Fixture;
beforeAll(async () => {
  ddb = await startLocalDynamoDb({ port: 0 });
  await ensureTables(ddb.client, [{ logicalId: 'T', name: 'things', keySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], attributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }] }]);
});
afterAll(() => ddb.close());
afterEach(() => f.close());

test('the optimised DynamoDB integration puts, updates and gets items; service errors are DynamoDB.<Exception>', async () => {
  f = await openFixture({ dynamodbEndpoint: ddb.endpoint });
  const sm = await f.machine('Ddb', {
    StartAt: 'Put',
    States: {
      Put: { Type: 'Task', Resource: 'arn:aws:states:::dynamodb:putItem', Parameters: { TableName: 'things', Item: { id: { 'S.$': '$.id' }, n: { N: '1' } } }, ResultPath: '$.put', Next: 'Update' },
      Update: {
        Type: 'Task',
        Resource: 'arn:aws:states:::dynamodb:updateItem',
        Parameters: { TableName: 'things', Key: { id: { 'S.$': '$.id' } }, UpdateExpression: 'SET n = n + :one', ExpressionAttributeValues: { ':one': { N: '1' } }, ReturnValues: 'UPDATED_NEW' },
        ResultPath: '$.updated',
        Next: 'Get',
      },
      Get: { Type: 'Task', Resource: 'arn:aws:states:::dynamodb:getItem', Parameters: { TableName: 'things', Key: { id: { 'S.$': '$.id' } } }, ResultPath: '$.got', Next: 'Conflict' },
      Conflict: {
        Type: 'Task',
        Resource: 'arn:aws:states:::dynamodb:putItem',
        Parameters: { TableName: 'things', Item: { id: { 'S.$': '$.id' } }, ConditionExpression: 'attribute_not_exists(id)' },
        Catch: [{ ErrorEquals: ['DynamoDB.ConditionalCheckFailedException'], ResultPath: '$.conflict', Next: 'Done' }],
        End: true,
      },
      Done: { Type: 'Pass', End: true },
    },
  });
  const d = await f.closed(await f.start(sm, { id: 'thing-1' }));
  expect(d.status).toBe('SUCCEEDED');
  const out = JSON.parse(d.output!);
  expect(out.updated.Attributes).toEqual({ n: { N: '2' } });
  // A putItem answers `{}`: the same length and CRC32 AWS records for it.
  expect(Object.keys(out.put)).toEqual(['SdkHttpMetadata', 'SdkResponseMetadata']);
  expect(out.put.SdkHttpMetadata.HttpHeaders).toMatchObject({ 'Content-Length': '2', 'x-amz-crc32': '2745614147' });
  expect(out.got.Item).toEqual({ id: { S: 'thing-1' }, n: { N: '2' } });
  expect(out.got.SdkHttpMetadata.HttpStatusCode).toBe(200);
  // DynamoDB's headers as Step Functions records them on AWS: the body's length and CRC32 included.
  const headers = out.got.SdkHttpMetadata.AllHttpHeaders;
  expect(Object.keys(headers)).toEqual(['Server', 'Connection', 'x-amzn-RequestId', 'x-amz-crc32', 'Content-Length', 'Date', 'Content-Type']);
  expect(Object.keys(out.got.SdkHttpMetadata.HttpHeaders)).toEqual(['Connection', 'Content-Length', 'Content-Type', 'Date', 'Server', 'x-amz-crc32', 'x-amzn-RequestId']);
  const body = JSON.stringify({ Item: out.got.Item });
  expect(headers['Content-Length']).toEqual([String(Buffer.byteLength(body))]);
  expect(headers['x-amz-crc32']).toEqual([String(crc32(body))]);
  expect(Object.keys(out.got)).toEqual(['Item', 'SdkHttpMetadata', 'SdkResponseMetadata']);
  expect(out.conflict.Error).toBe('DynamoDB.ConditionalCheckFailedException');
  expect(out.conflict.Cause).toMatch(/\(Service: AmazonDynamoDBv2; Status Code: 400; Error Code: ConditionalCheckFailedException; Request ID: .+; Proxy: null\)$/);
});

test('without a DynamoDB endpoint the task fails with an error Catch can take, and the service keeps running', async () => {
  f = await openFixture();
  const sm = await f.machine('NoDdb', { StartAt: 'Get', States: { Get: { Type: 'Task', Resource: 'arn:aws:states:::dynamodb:getItem', Parameters: { TableName: 't', Key: { id: { S: 'x' } } }, End: true } } });
  const d = await f.closed(await f.start(sm));
  expect(d).toMatchObject({ status: 'FAILED', error: 'DynamoDB.AmazonDynamoDBException' });
  const sns = await f.machine('Sns', { StartAt: 'P', States: { P: { Type: 'Task', Resource: 'arn:aws:states:::sns:publish', Parameters: { TopicArn: 'arn:aws:sns:us-east-1:123456789012:t', Message: 'hi' }, End: true } } });
  const s = await f.closed(await f.start(sns));
  expect(s.status).toBe('FAILED');
  expect(s.cause).toContain("no integration for the resource 'arn:aws:states:::sns:publish'");
});

test('a missing table is DynamoDB.ResourceNotFoundException; a request DynamoDB rejects as invalid is DynamoDB.AmazonDynamoDBException with its own code in the cause (localstack test_task_service_dynamodb.snapshot.json, recorded on AWS)', async () => {
  f = await openFixture({ dynamodbEndpoint: ddb.endpoint });
  const put = (table: string) => ({ StartAt: 'Put', States: { Put: { Type: 'Task', Resource: 'arn:aws:states:::dynamodb:putItem', Parameters: { TableName: table, Item: { id: { S: 'id1' } } }, End: true } } });
  const missing = await f.closed(await f.start(await f.machine('NoTable', put('no-such-table'))));
  expect(missing).toMatchObject({ status: 'FAILED', error: 'DynamoDB.ResourceNotFoundException' });
  expect(missing.cause).toMatch(/^Requested resource not found \(Service: AmazonDynamoDBv2; Status Code: 400; Error Code: ResourceNotFoundException; Request ID: .+; Proxy: null\)$/);
  const invalid = await f.closed(await f.start(await f.machine('BadName', put('/things'))));
  expect(invalid).toMatchObject({ status: 'FAILED', error: 'DynamoDB.AmazonDynamoDBException' });
  const noItem = await f.closed(await f.start(await f.machine('NoItem', { StartAt: 'Put', States: { Put: { Type: 'Task', Resource: 'arn:aws:states:::dynamodb:putItem', Parameters: { TableName: 'things', 'Item.$': '$.Item' }, End: true } } }), { Item: null }));
  expect(noItem).toMatchObject({ status: 'FAILED', error: 'DynamoDB.AmazonDynamoDBException' });
  // test_invalid_param in the same snapshot.
  expect(noItem.cause).toMatch(/^1 validation error detected: Value null at 'item' failed to satisfy constraint: Member must not be null \(Service: AmazonDynamoDBv2; Status Code: 400; Error Code: ValidationException; Request ID: .+; Proxy: null\)$/);
  expect(invalid.cause).toMatch(/^1 validation error detected: Value '\/things' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: \[a-zA-Z0-9_.-\]\+ \(Service: AmazonDynamoDBv2; Status Code: 400; Error Code: ValidationException; Request ID: .+; Proxy: null\)$/);
});
