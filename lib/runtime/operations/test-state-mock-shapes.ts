/**
 * The output shapes TestState checks a mocked result against (fieldValidationMode STRICT or
 * PRESENT): the API's response as its service model describes it, for the request-response
 * integrations whose checks are recorded on AWS (localstack's test_field_validation_mode*
 * snapshots). Only the members a shape names are checked; anything else in a mock passes, as on
 * AWS. An integration not listed here is not checked.
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_MockInput.html
 */

/** A member's type as the service model spells it; blobs and timestamps travel as JSON strings. */
export type MockShape =
  | { type: 'string'; enum?: readonly string[]; min?: number }
  | { type: 'blob'; min?: number }
  | { type: 'timestamp' }
  | { type: 'number'; min?: number; max?: number }
  | { type: 'boolean' }
  | { type: 'list'; member: MockShape }
  | { type: 'map'; value: MockShape }
  | { type: 'structure'; members: Readonly<Record<string, MockShape>>; required?: readonly string[] }
  /** A member AWS does not check (a document, a union, or one measured as unchecked). */
  | { type: 'any' };

const string = (extra: { enum?: readonly string[]; min?: number } = {}): MockShape => ({ type: 'string', ...extra });
const number = (extra: { min?: number; max?: number } = {}): MockShape => ({ type: 'number', ...extra });
const timestamp: MockShape = { type: 'timestamp' };
const boolean: MockShape = { type: 'boolean' };
const any: MockShape = { type: 'any' };
const list = (member: MockShape): MockShape => ({ type: 'list', member });
const map = (value: MockShape): MockShape => ({ type: 'map', value });
const structure = (members: Record<string, MockShape>, required?: readonly string[]): MockShape => ({ type: 'structure', members, ...(required ? { required } : {}) });

const S3_STORAGE_CLASSES = [
  'STANDARD',
  'REDUCED_REDUNDANCY',
  'STANDARD_IA',
  'ONEZONE_IA',
  'INTELLIGENT_TIERING',
  'GLACIER',
  'DEEP_ARCHIVE',
  'OUTPOSTS',
  'GLACIER_IR',
  'SNOW',
  'EXPRESS_ONEZONE',
  'FSX_OPENZFS',
] as const;

const CONSUMED_CAPACITY = structure({ TableName: string(), CapacityUnits: number(), ReadCapacityUnits: number(), WriteCapacityUnits: number(), Table: any, LocalSecondaryIndexes: any, GlobalSecondaryIndexes: any });

/** Keyed by the Resource without `arn:aws:states:::` (request-response only: a callback's result is not the API's response). */
export const MOCK_SHAPES: Readonly<Record<string, MockShape>> = {
  // Payload is a blob, so a mocked Payload must be a string (localstack's recorded mock of "function output").
  'lambda:invoke': structure({ StatusCode: number(), FunctionError: string(), LogResult: string(), Payload: { type: 'blob' }, ExecutedVersion: string({ min: 1 }) }),
  'states:startExecution': structure({ ExecutionArn: string(), StartDate: timestamp }, ['ExecutionArn', 'StartDate']),
  'dynamodb:putItem': structure({ Attributes: map(any), ConsumedCapacity: CONSUMED_CAPACITY, ItemCollectionMetrics: any }),
  'dynamodb:getItem': structure({ Item: map(any), ConsumedCapacity: CONSUMED_CAPACITY }),
  'dynamodb:updateItem': structure({ Attributes: map(any), ConsumedCapacity: CONSUMED_CAPACITY, ItemCollectionMetrics: any }),
  'dynamodb:deleteItem': structure({ Attributes: map(any), ConsumedCapacity: CONSUMED_CAPACITY, ItemCollectionMetrics: any }),
  'events:putEvents': structure({ FailedEntryCount: number(), Entries: list(structure({ EventId: string(), ErrorCode: string(), ErrorMessage: string() })) }),
  // AWS let an object through as MD5OfMessageBody while it checked MessageId (noted in localstack's test_field_validation_mode, seen on AWS).
  'sqs:sendMessage': structure({ MD5OfMessageBody: any, MD5OfMessageAttributes: string(), MD5OfMessageSystemAttributes: string(), MessageId: string(), SequenceNumber: string() }),
  'aws-sdk:s3:getObject': structure({
    Body: { type: 'blob' },
    DeleteMarker: boolean,
    ContentLength: number(),
    ContentType: string(),
    ETag: string(),
    LastModified: timestamp,
    Metadata: map(string()),
    StorageClass: string({ enum: S3_STORAGE_CLASSES }),
    VersionId: string(),
  }),
  'aws-sdk:kms:encrypt': structure({
    CiphertextBlob: { type: 'blob', min: 1 },
    KeyId: string({ min: 1 }),
    EncryptionAlgorithm: string({ enum: ['SYMMETRIC_DEFAULT', 'RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256', 'SM2PKE'] }),
  }),
  'aws-sdk:lambda:getFunction': structure({
    Configuration: structure({
      FunctionName: string({ min: 1 }),
      FunctionArn: string(),
      Role: string(),
      Handler: string(),
      CodeSize: number(),
      Description: string(),
      Timeout: number({ min: 1 }),
      MemorySize: number({ min: 128, max: 10240 }),
      LastModified: string(),
      Version: string({ min: 1 }),
    }),
    Code: structure({ RepositoryType: string(), Location: string(), ImageUri: string(), ResolvedImageUri: string() }),
    Tags: map(string()),
    Concurrency: structure({ ReservedConcurrentExecutions: number({ min: 0 }) }),
  }),
};

/** The shape a Task's mocked result is checked against, if its Resource has one. */
export function mockShapeOf(resource: unknown): MockShape | undefined {
  const prefix = 'arn:aws:states:::';
  if (typeof resource !== 'string' || !resource.startsWith(prefix)) return undefined;
  return MOCK_SHAPES[resource.slice(prefix.length)];
}
