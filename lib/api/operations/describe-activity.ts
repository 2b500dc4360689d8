import type * as sfn from '@aws-sdk/client-sfn';
import { ACTIVITY, checkArn } from '../validation/arn-check';
import { Arn } from '../validation/common-shapes';
import { required, structure } from '../validation/shape';
import type { Operation } from './operation';

/** @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_DescribeActivity.html */
export const describeActivity: Operation<'DescribeActivity'> = {
  request: structure<sfn.DescribeActivityInput>('DescribeActivityInput', {
    activityArn: required(Arn),
  }),
  check(input) {
    checkArn(input.activityArn, ACTIVITY);
  },
};
