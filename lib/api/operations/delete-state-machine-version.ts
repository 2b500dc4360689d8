import type * as sfn from '@aws-sdk/client-sfn';
import { STATE_MACHINE, checkArn } from '../validation/arn-check';
import { LongArn } from '../validation/common-shapes';
import { required, structure } from '../validation/shape';
import type { Operation } from './operation';

/** @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_DeleteStateMachineVersion.html */
export const deleteStateMachineVersion: Operation<'DeleteStateMachineVersion'> = {
  request: structure<sfn.DeleteStateMachineVersionInput>('DeleteStateMachineVersionInput', {
    stateMachineVersionArn: required(LongArn),
  }),
  check(input) {
    checkArn(input.stateMachineVersionArn, STATE_MACHINE);
  },
};
