import { randomUUID } from 'node:crypto';
import { crc32 } from 'node:zlib';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Json } from '../../asl';
import type { RuntimeContext } from '../runtime-context';
import { reportStarted, sdkCause, type TaskHandler, type TaskRun } from './task-run';

type Action = 'getItem' | 'putItem' | 'updateItem' | 'deleteItem';
type Sdk = typeof import('@aws-sdk/client-dynamodb');

/** The SDK is loaded on the first DynamoDB task, so a service that runs none starts without it. */
const commandOf = (sdk: Sdk, action: Action) =>
  ({ getItem: sdk.GetItemCommand, putItem: sdk.PutItemCommand, updateItem: sdk.UpdateItemCommand, deleteItem: sdk.DeleteItemCommand })[action];

/**
 * The exceptions the AWS Java SDK models for GetItem, PutItem, UpdateItem and DeleteItem: Step Functions
 * names these `DynamoDB.<Exception>`. Any other error code (ValidationException, AccessDeniedException,
 * UnrecognizedClientException …) reaches the SDK as its base class, DynamoDB.AmazonDynamoDBException,
 * and keeps its own code in the cause (localstack test_task_service_dynamodb.snapshot.json, recorded on AWS).
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_PutItem.html#API_PutItem_Errors
 */
const MODELED_EXCEPTIONS: ReadonlySet<string> = new Set([
  'ConditionalCheckFailedException',
  'InternalServerError',
  'InvalidEndpointException',
  'ItemCollectionSizeLimitExceededException',
  'ProvisionedThroughputExceededException',
  'ReplicatedWriteConflictException',
  'RequestLimitExceeded',
  'ResourceNotFoundException',
  'TransactionConflictException',
]);

/** The task's error name for a DynamoDB error code. */
export function dynamodbErrorName(code: string): string {
  if (code === 'InternalServerError') return 'DynamoDB.InternalServerErrorException';
  return MODELED_EXCEPTIONS.has(code) ? `DynamoDB.${code}` : 'DynamoDB.AmazonDynamoDBException';
}

/**
 * Step Functions' JSON of an SDK response: the response fields, then the HTTP and request metadata,
 * in the Java SDK's alphabetical order. The headers are DynamoDB's, in the order AWS records them,
 * with the length and CRC32 of the JSON body (Step Functions outputs recorded on AWS, e.g.
 * aws-samples' serverless patterns: x-amz-crc32 2745614147 and Content-Length 2 for a putItem's `{}`).
 */
function result(output: Record<string, unknown>, requestId: string, at: number): Json {
  const { $metadata, ...fields } = output as { $metadata?: { httpStatusCode?: number } };
  const body = JSON.stringify(fields, (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v));
  const parsed = JSON.parse(body) as Record<string, Json>;
  const date = new Date(at).toUTCString();
  const length = String(Buffer.byteLength(body));
  const crc = String(crc32(body));
  const out: Record<string, Json> = {};
  for (const key of Object.keys(parsed).sort()) out[key] = parsed[key]!;
  out.SdkHttpMetadata = {
    AllHttpHeaders: { Server: ['Server'], Connection: ['keep-alive'], 'x-amzn-RequestId': [requestId], 'x-amz-crc32': [crc], 'Content-Length': [length], Date: [date], 'Content-Type': ['application/x-amz-json-1.0'] },
    HttpHeaders: { Connection: 'keep-alive', 'Content-Length': length, 'Content-Type': 'application/x-amz-json-1.0', Date: date, Server: 'Server', 'x-amz-crc32': crc, 'x-amzn-RequestId': requestId },
    HttpStatusCode: $metadata?.httpStatusCode ?? 200,
  };
  out.SdkResponseMetadata = { RequestId: requestId };
  return out;
}

/**
 * The optimised DynamoDB integration (getItem, putItem, updateItem, deleteItem), carried out with
 * the AWS SDK against the configured endpoint. A service error fails the task as
 * `DynamoDB.<ExceptionName>` with the SDK's message as the cause.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/connect-ddb.html
 */
export function dynamodbTasks(ctx: RuntimeContext): TaskHandler & { close(): void } {
  let client: DynamoDBClient | undefined;
  return {
    async run(task: TaskRun) {
      const action = (task.command.integration as { action: Action }).action;
      const requestId = randomUUID();
      if (!ctx.dynamodbEndpoint) {
        return task.report({
          kind: 'TaskFailed',
          error: 'DynamoDB.AmazonDynamoDBException',
          cause: sdkCause({ message: 'No DynamoDB endpoint is configured for the local service (start it with a DynamoDB endpoint, as `npm start` does)', service: 'AmazonDynamoDBv2', status: 400, code: 'UnrecognizedClientException', requestId }),
        });
      }
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const sdk = require('@aws-sdk/client-dynamodb') as Sdk;
      client ??= new sdk.DynamoDBClient({ endpoint: ctx.dynamodbEndpoint, region: ctx.region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
      reportStarted(task);
      try {
        const Command = commandOf(sdk, action) as unknown as new (input: unknown) => InstanceType<Sdk['GetItemCommand']>;
        const output = await client.send(new Command(task.command.payload));
        await task.report({ kind: 'TaskSucceeded', output: JSON.stringify(result(output as unknown as Record<string, unknown>, output.$metadata.requestId ?? requestId, ctx.clock.now())) });
      } catch (err) {
        const e = err as { name?: string; message?: string; $metadata?: { httpStatusCode?: number; requestId?: string } };
        const name = e.name && e.name !== 'Error' ? e.name : 'AmazonDynamoDBException';
        await task.report({
          kind: 'TaskFailed',
          error: dynamodbErrorName(name),
          cause: sdkCause({ message: e.message ?? String(err), service: 'AmazonDynamoDBv2', status: e.$metadata?.httpStatusCode ?? 400, code: name, requestId: e.$metadata?.requestId ?? requestId }),
        });
      }
    },
    close() {
      client?.destroy();
    },
  };
}
