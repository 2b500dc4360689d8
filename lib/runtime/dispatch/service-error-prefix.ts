/**
 * The prefix Step Functions puts before a service's exception names (`SNS.NotFoundException`),
 * keyed by the integration's service as a Resource names it. Only prefixes seen in executions
 * recorded on AWS are listed: the optimised integrations spell them after their Java SDK v1 client,
 * the AWS SDK integrations after their SDK v2 client (localstack test_sns_task_service,
 * test_task_service_sqs, test_events_task_service, test_aws_sdk and test_aws_sdk_task_service snapshots).
 */
const PREFIXES: Readonly<Record<string, string>> = {
  sns: 'SNS',
  sqs: 'SQS',
  events: 'EventBridge',
  dynamodb: 'DynamoDB',
  lambda: 'Lambda',
  states: 'StepFunctions',
  'aws-sdk:s3': 'S3',
  'aws-sdk:dynamodb': 'DynamoDb',
  'aws-sdk:secretsmanager': 'SecretsManager',
  'aws-sdk:sfn': 'Sfn',
};

/** The recorded prefix of a service's errors, if AWS's spelling for it is known. */
export function serviceErrorPrefix(service: string): string | undefined {
  return Object.hasOwn(PREFIXES, service) ? PREFIXES[service] : undefined;
}
