import type * as sfn from '@aws-sdk/client-sfn';
import { STATE_MACHINE, checkArn } from '../validation/arn-check';
import { Arn, PageSize, PageToken } from '../validation/common-shapes';
import { required, structure } from '../validation/shape';
import type { Operation } from './operation';

/** @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_ListStateMachineAliases.html */
export const listStateMachineAliases: Operation<'ListStateMachineAliases'> = {
  request: structure<sfn.ListStateMachineAliasesInput>('ListStateMachineAliasesInput', {
    stateMachineArn: required(Arn),
    nextToken: PageToken,
    maxResults: PageSize,
  }),
  check(input) {
    checkArn(input.stateMachineArn, STATE_MACHINE);
  },
};
