import type * as sfn from '@aws-sdk/client-sfn';
import { DESCRIBABLE_EXECUTION, checkArn } from '../validation/arn-check';
import { Arn, SensitiveCause, SensitiveError } from '../validation/common-shapes';
import { required, structure } from '../validation/shape';
import type { Operation } from './operation';

/** @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_StopExecution.html */
export const stopExecution: Operation<'StopExecution'> = {
  request: structure<sfn.StopExecutionInput>('StopExecutionInput', {
    executionArn: required(Arn),
    error: SensitiveError,
    cause: SensitiveCause,
  }),
  check(input) {
    checkArn(input.executionArn, DESCRIBABLE_EXECUTION);
  },
};
