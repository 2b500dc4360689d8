import { ServiceError } from '../step-functions-operations';

/** The "does not exist" answers, in AWS's words. */
export const NotFound = {
  stateMachine: (arn: string) => new ServiceError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`),
  execution: (arn: string) => new ServiceError('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`),
  activity: (arn: string) => new ServiceError('ActivityDoesNotExist', `Activity Does Not Exist: '${arn}'`),
  resource: (arn: string) => new ServiceError('ResourceNotFound', `Resource not found: '${arn}'`),
} as const;

export function missing(field: string): ServiceError {
  return new ServiceError('ValidationException', `1 validation error detected: Value null at '${field}' failed to satisfy constraint: Member must not be null`);
}
