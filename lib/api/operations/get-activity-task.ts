import type * as sfn from '@aws-sdk/client-sfn';
import { ACTIVITY, checkArn } from '../validation/arn-check';
import { Arn, Name } from '../validation/common-shapes';
import { required, structure } from '../validation/shape';
import type { Operation } from './operation';

/** @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_GetActivityTask.html */
export const getActivityTask: Operation<'GetActivityTask'> = {
  request: structure<sfn.GetActivityTaskInput>('GetActivityTaskInput', {
    activityArn: required(Arn),
    workerName: Name,
  }),
  check(input) {
    checkArn(input.activityArn, ACTIVITY);
  },
};
