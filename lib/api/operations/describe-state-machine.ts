import type * as sfn from '@aws-sdk/client-sfn';
import { STATE_MACHINE, checkArn } from '../validation/arn-check';
import { Arn, IncludedData } from '../validation/common-shapes';
import { required, structure } from '../validation/shape';
import type { Operation } from './operation';

/** @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_DescribeStateMachine.html */
export const describeStateMachine: Operation<'DescribeStateMachine'> = {
  request: structure<sfn.DescribeStateMachineInput>('DescribeStateMachineInput', {
    stateMachineArn: required(Arn),
    includedData: IncludedData,
  }),
  check(input) {
    // Spelled "Invalid ARN prefix" here too (recorded on AWS: localstack's test_sfn_api.snapshot.json, test_describe_invalid_arn_sm).
    checkArn(input.stateMachineArn, STATE_MACHINE);
  },
};
