import type * as sfn from '@aws-sdk/client-sfn';
import { SensitiveCause, SensitiveError, TaskToken } from '../validation/common-shapes';
import { required, structure } from '../validation/shape';
import type { Operation } from './operation';

/** @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_SendTaskFailure.html */
export const sendTaskFailure: Operation<'SendTaskFailure'> = {
  request: structure<sfn.SendTaskFailureInput>('SendTaskFailureInput', {
    taskToken: required(TaskToken),
    error: SensitiveError,
    cause: SensitiveCause,
  }),
};
