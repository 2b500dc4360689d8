import type * as sfn from '@aws-sdk/client-sfn';
import { STATE_MACHINE, checkArn } from '../validation/arn-check';
import { Arn, RevisionId, VersionDescription } from '../validation/common-shapes';
import { required, structure } from '../validation/shape';
import type { Operation } from './operation';

/** @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_PublishStateMachineVersion.html */
export const publishStateMachineVersion: Operation<'PublishStateMachineVersion'> = {
  request: structure<sfn.PublishStateMachineVersionInput>('PublishStateMachineVersionInput', {
    stateMachineArn: required(Arn),
    revisionId: RevisionId,
    description: VersionDescription,
  }),
  check(input) {
    checkArn(input.stateMachineArn, STATE_MACHINE);
  },
};
