import type { IntegrationPattern, TaskIntegration } from '../engine-command';

/** Which family of history events a Task's resource records. */
export type TaskEventFamily = 'lambda' | 'activity' | 'task';

/** A Task's Resource ARN, read once per definition. */
export interface TaskResource {
  arn: string;
  family: TaskEventFamily;
  integration: TaskIntegration;
  pattern: IntegrationPattern;
  /** TaskScheduled's resourceType / resource, e.g. "lambda" / "invoke.waitForTaskToken". */
  resourceType: string;
  resource: string;
}

const SUFFIXES: ReadonlyArray<[string, IntegrationPattern]> = [
  ['.waitForTaskToken', 'waitForTaskToken'],
  ['.sync:2', 'sync:2'],
  ['.sync', 'sync'],
];

function integrationOf(service: string, action: string): TaskIntegration {
  if (service === 'lambda' && action === 'invoke') return { service: 'lambda', mode: 'invoke' };
  if (service === 'states' && action === 'startExecution') return { service: 'states', action: 'startExecution' };
  if (service === 'dynamodb' && (action === 'getItem' || action === 'putItem' || action === 'updateItem' || action === 'deleteItem')) {
    return { service: 'dynamodb', action };
  }
  return { service, action };
}

/**
 * Reads a Task's Resource: a Lambda function ARN (LambdaFunction* events), an activity ARN
 * (Activity* events), or `arn:aws:states:::service:action[.pattern]` (Task* events).
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/connect-to-resource.html
 */
export function parseTaskResource(arn: string): TaskResource {
  const parts = arn.split(':');
  if (parts[2] === 'lambda' && parts[5] === 'function') {
    return { arn, family: 'lambda', integration: { service: 'lambda', mode: 'function' }, pattern: 'request-response', resourceType: 'lambda', resource: arn };
  }
  if (parts[2] === 'states' && parts[5] === 'activity') {
    return { arn, family: 'activity', integration: { service: 'activity' }, pattern: 'waitForTaskToken', resourceType: 'activity', resource: arn };
  }
  // arn:aws:states:::service[:sdk-service]:action[.suffix]; the suffix itself may hold a ':' (".sync:2").
  let pattern: IntegrationPattern = 'request-response';
  let body = arn;
  for (const [suffix, p] of SUFFIXES) {
    if (arn.endsWith(suffix)) {
      pattern = p;
      body = arn.slice(0, -suffix.length);
      break;
    }
  }
  const rest = body.split(':').slice(5);
  const last = rest.pop() ?? '';
  const service = rest.join(':');
  const suffixText = pattern === 'request-response' ? '' : `.${pattern}`;
  return { arn, family: 'task', integration: integrationOf(service, last), pattern, resourceType: service, resource: `${last}${suffixText}` };
}
