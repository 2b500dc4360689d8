import type * as sfn from '@aws-sdk/client-sfn';
import { MAP_RUN, STATE_MACHINE, checkArn } from '../validation/arn-check';
import { Arn, ExecutionRedriveFilter, ExecutionStatus, LongArn, PageSize } from '../validation/common-shapes';
import { string, structure } from '../validation/shape';
import type { Operation } from './operation';

/** @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_ListExecutions.html */
export const listExecutions: Operation<'ListExecutions'> = {
  request: structure<sfn.ListExecutionsInput>('ListExecutionsInput', {
    stateMachineArn: Arn,
    statusFilter: ExecutionStatus,
    maxResults: PageSize,
    nextToken: string({ min: 1, max: 3096 }),
    mapRunArn: LongArn,
    redriveFilter: ExecutionRedriveFilter,
  }),
  check(input) {
    if (input.stateMachineArn !== undefined) checkArn(input.stateMachineArn, STATE_MACHINE);
    if (input.mapRunArn !== undefined) checkArn(input.mapRunArn, MAP_RUN);
  },
};
