import type * as sfn from '@aws-sdk/client-sfn';
import { STATE_MACHINE, checkArn } from '../validation/arn-check';
import { Arn } from '../validation/common-shapes';
import { required, structure } from '../validation/shape';
import type { Operation } from './operation';

/** @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_DeleteStateMachineAlias.html */
export const deleteStateMachineAlias: Operation<'DeleteStateMachineAlias'> = {
  request: structure<sfn.DeleteStateMachineAliasInput>('DeleteStateMachineAliasInput', {
    stateMachineAliasArn: required(Arn),
  }),
  check(input) {
    checkArn(input.stateMachineAliasArn, STATE_MACHINE);
  },
};
