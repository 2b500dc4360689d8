import type * as sfn from '@aws-sdk/client-sfn';
import { SensitiveData, TaskToken } from '../validation/common-shapes';
import { checkTaskOutput } from '../validation/json-payload-check';
import { required, structure } from '../validation/shape';
import type { Operation } from './operation';

/** @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_SendTaskSuccess.html */
export const sendTaskSuccess: Operation<'SendTaskSuccess'> = {
  request: structure<sfn.SendTaskSuccessInput>('SendTaskSuccessInput', {
    taskToken: required(TaskToken),
    output: required(SensitiveData),
  }),
  check(input) {
    checkTaskOutput(input.output);
  },
};
