import type * as sfn from '@aws-sdk/client-sfn';
import { MAP_RUN, checkArn } from '../validation/arn-check';
import { LongArn } from '../validation/common-shapes';
import { required, structure } from '../validation/shape';
import type { Operation } from './operation';

/** @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_DescribeMapRun.html */
export const describeMapRun: Operation<'DescribeMapRun'> = {
  request: structure<sfn.DescribeMapRunInput>('DescribeMapRunInput', {
    mapRunArn: required(LongArn),
  }),
  check(input) {
    checkArn(input.mapRunArn, MAP_RUN);
  },
};
