import type * as sfn from '@aws-sdk/client-sfn';
import { TaskToken } from '../validation/common-shapes';
import { required, structure } from '../validation/shape';
import type { Operation } from './operation';

/** @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_SendTaskHeartbeat.html */
export const sendTaskHeartbeat: Operation<'SendTaskHeartbeat'> = {
  request: structure<sfn.SendTaskHeartbeatInput>('SendTaskHeartbeatInput', {
    taskToken: required(TaskToken),
  }),
};
