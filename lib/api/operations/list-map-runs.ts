import type * as sfn from '@aws-sdk/client-sfn';
import { EXECUTION, checkArn } from '../validation/arn-check';
import { Arn, PageSize, PageToken } from '../validation/common-shapes';
import { required, structure } from '../validation/shape';
import type { Operation } from './operation';

/** @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_ListMapRuns.html */
export const listMapRuns: Operation<'ListMapRuns'> = {
  request: structure<sfn.ListMapRunsInput>('ListMapRunsInput', {
    executionArn: required(Arn),
    maxResults: PageSize,
    nextToken: PageToken,
  }),
  check(input) {
    checkArn(input.executionArn, EXECUTION);
  },
};
