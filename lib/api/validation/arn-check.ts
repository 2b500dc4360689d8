import { serviceError } from '../protocol/wire-error';

/** The Step Functions resource types an ARN can name (`arn:aws:states:region:account:<type>:…`). */
export type StatesResourceType = 'stateMachine' | 'execution' | 'express' | 'activity' | 'mapRun';

export interface ArnCheck {
  /** The resource types this member accepts. */
  types: readonly StatesResourceType[];
  /**
   * An `express` ARN is taken only for a Distributed Map's child (`…:express:<machine>/<label>:…`);
   * any other is refused as the wrong resource type, as recorded on AWS for DescribeExecution,
   * StopExecution and GetExecutionHistory (localstack's test_sfn_api_express.snapshot.json);
   * DescribeStateMachineForExecution is documented as not supporting EXPRESS either.
   */
  expressOnlyInMapRuns?: boolean;
}

/**
 * The ARN checks Step Functions makes before it looks anything up, with its messages:
 * "Invalid Arn: 'Invalid ARN prefix: x'" for a value that is not an ARN, and
 * "Invalid Arn: 'Resource type not valid in this context: execution'" for a Step Functions ARN of
 * the wrong kind. Well-formed ARNs that name nothing are the service's to answer (…DoesNotExist).
 */
export function checkArn(arn: string, check: ArnCheck): void {
  if (!arn.startsWith('arn:')) throw serviceError('InvalidArn', `Invalid Arn: 'Invalid ARN prefix: ${arn}'`);
  const [, , service, , , type, machine] = arn.split(':');
  const expressRefused = type === 'express' && check.expressOnlyInMapRuns === true && !machine?.includes('/');
  if (service === 'states' && type !== undefined && (expressRefused || !(check.types as readonly string[]).includes(type))) {
    throw serviceError('InvalidArn', `Invalid Arn: 'Resource type not valid in this context: ${type}'`);
  }
}

export const STATE_MACHINE: ArnCheck = { types: ['stateMachine'] };
export const EXECUTION: ArnCheck = { types: ['execution', 'express'] };
/** A Standard execution, or an express child of a Map Run. */
export const DESCRIBABLE_EXECUTION: ArnCheck = { ...EXECUTION, expressOnlyInMapRuns: true };
export const ACTIVITY: ArnCheck = { types: ['activity'] };
export const MAP_RUN: ArnCheck = { types: ['mapRun'] };
/** Tags live on state machines and activities. */
export const TAGGABLE: ArnCheck = { types: ['stateMachine', 'activity'] };
