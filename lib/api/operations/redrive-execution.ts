import type * as sfn from '@aws-sdk/client-sfn';
import { EXECUTION, checkArn } from '../validation/arn-check';
import { Arn, ClientToken } from '../validation/common-shapes';
import { required, structure } from '../validation/shape';
import type { Operation } from './operation';

/** @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_RedriveExecution.html */
export const redriveExecution: Operation<'RedriveExecution'> = {
  request: structure<sfn.RedriveExecutionInput>('RedriveExecutionInput', {
    executionArn: required(Arn),
    clientToken: ClientToken,
  }),
  check(input) {
    checkArn(input.executionArn, EXECUTION);
  },
};
