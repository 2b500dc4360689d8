import type * as sfn from '@aws-sdk/client-sfn';
import { STATE_MACHINE, checkArn } from '../validation/arn-check';
import { Arn } from '../validation/common-shapes';
import { required, structure } from '../validation/shape';
import type { Operation } from './operation';

/** @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_DeleteStateMachine.html */
export const deleteStateMachine: Operation<'DeleteStateMachine'> = {
  request: structure<sfn.DeleteStateMachineInput>('DeleteStateMachineInput', {
    stateMachineArn: required(Arn),
  }),
  check(input) {
    checkArn(input.stateMachineArn, STATE_MACHINE);
  },
};
