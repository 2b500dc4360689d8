/**
 * A DynamoDB table the activities use, declared once next to the handlers: the handlers read its
 * name from `env`, and the CDK construct creates it with `partitionKey` and hands each function
 * only the actions its access list names.
 */
export interface TableSpec {
  /** The environment variable that holds the table's name. */
  env: string;
  /** The partition key (a string attribute). */
  partitionKey: string;
}

/** The DynamoDB API actions a handler may call (IAM action `dynamodb:<action>`). */
export type DynamoDbAction = 'GetItem' | 'PutItem' | 'UpdateItem' | 'DeleteItem' | 'Query' | 'Scan';

/** Which tables a function touches, and with which actions. */
export type TableAccess<Table extends string = string> = Partial<Record<Table, readonly DynamoDbAction[]>>;
