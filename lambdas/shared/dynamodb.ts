import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/**
 * The handlers' DynamoDB client, made on first use so that it picks up the region and the
 * endpoint (AWS_ENDPOINT_URL_DYNAMODB locally) of the environment the function runs in.
 */
let client: DynamoDBClient | undefined;

export function dynamoDb(): DynamoDBClient {
  client ??= new DynamoDBClient({});
  return client;
}

/** True when a conditional write was refused because its condition did not hold. */
export function isConditionalCheckFailed(err: unknown): boolean {
  return (err as Error | undefined)?.name === 'ConditionalCheckFailedException';
}
