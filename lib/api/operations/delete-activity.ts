import type * as sfn from '@aws-sdk/client-sfn';
import { ACTIVITY, checkArn } from '../validation/arn-check';
import { Arn } from '../validation/common-shapes';
import { required, structure } from '../validation/shape';
import type { Operation } from './operation';

/** @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_DeleteActivity.html */
export const deleteActivity: Operation<'DeleteActivity'> = {
  request: structure<sfn.DeleteActivityInput>('DeleteActivityInput', {
    activityArn: required(Arn),
  }),
  check(input) {
    checkArn(input.activityArn, ACTIVITY);
  },
};
