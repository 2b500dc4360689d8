import { serviceError } from '../protocol/wire-error';

/** The Step Functions resource types an ARN can name (`arn:aws:states:region:account:<type>:…`). */
export type StatesResourceType = 'stateMachine' | 'execution' | 'express' | 'activity' | 'mapRun';

export interface ArnCheck {
  /** The resource types this member accepts. */
  types: readonly StatesResourceType[];
}

/**
 * The ARN checks Step Functions makes before it looks anything up, with its messages:
 * "Invalid Arn: 'Invalid ARN prefix: x'" for a value that is not an ARN, and
 * "Invalid Arn: 'Resource type not valid in this context: execution'" for a Step Functions ARN of
 * the wrong kind. Well-formed ARNs that name nothing are the service's to answer (…DoesNotExist).
 */
export function checkArn(arn: string, check: ArnCheck): void {
  if (!arn.startsWith('arn:')) throw serviceError('InvalidArn', `Invalid Arn: 'Invalid ARN prefix: ${arn}'`);
  const [, , service, , , type] = arn.split(':');
  if (service === 'states' && type !== undefined && !(check.types as readonly string[]).includes(type)) {
    throw serviceError('InvalidArn', `Invalid Arn: 'Resource type not valid in this context: ${type}'`);
  }
}

export const STATE_MACHINE: ArnCheck = { types: ['stateMachine'] };
export const EXECUTION: ArnCheck = { types: ['execution', 'express'] };
export const ACTIVITY: ArnCheck = { types: ['activity'] };
export const MAP_RUN: ArnCheck = { types: ['mapRun'] };
/** Tags live on state machines and activities. */
export const TAGGABLE: ArnCheck = { types: ['stateMachine', 'activity'] };
