import type * as sfn from '@aws-sdk/client-sfn';
import { DESCRIBABLE_EXECUTION, checkArn } from '../validation/arn-check';
import { Arn, PageSize, PageToken } from '../validation/common-shapes';
import { boolean, required, structure } from '../validation/shape';
import type { Operation } from './operation';

/** @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_GetExecutionHistory.html */
export const getExecutionHistory: Operation<'GetExecutionHistory'> = {
  request: structure<sfn.GetExecutionHistoryInput>('GetExecutionHistoryInput', {
    executionArn: required(Arn),
    maxResults: PageSize,
    reverseOrder: boolean(),
    nextToken: PageToken,
    includeExecutionData: boolean(),
  }),
  check(input) {
    checkArn(input.executionArn, DESCRIBABLE_EXECUTION);
  },
};
