import type * as sfn from '@aws-sdk/client-sfn';
import { STATE_MACHINE, checkArn } from '../validation/arn-check';
import { Arn } from '../validation/common-shapes';
import { required, structure } from '../validation/shape';
import type { Operation } from './operation';

/** @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_DescribeStateMachineAlias.html */
export const describeStateMachineAlias: Operation<'DescribeStateMachineAlias'> = {
  request: structure<sfn.DescribeStateMachineAliasInput>('DescribeStateMachineAliasInput', {
    stateMachineAliasArn: required(Arn),
  }),
  check(input) {
    checkArn(input.stateMachineAliasArn, STATE_MACHINE);
  },
};
