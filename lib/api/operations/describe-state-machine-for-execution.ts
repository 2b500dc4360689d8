import type * as sfn from '@aws-sdk/client-sfn';
import { DESCRIBABLE_EXECUTION, checkArn } from '../validation/arn-check';
import { Arn, IncludedData } from '../validation/common-shapes';
import { required, structure } from '../validation/shape';
import type { Operation } from './operation';

/** @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_DescribeStateMachineForExecution.html */
export const describeStateMachineForExecution: Operation<'DescribeStateMachineForExecution'> = {
  request: structure<sfn.DescribeStateMachineForExecutionInput>('DescribeStateMachineForExecutionInput', {
    executionArn: required(Arn),
    includedData: IncludedData,
  }),
  check(input) {
    checkArn(input.executionArn, DESCRIBABLE_EXECUTION);
  },
};
