import type * as sfn from '@aws-sdk/client-sfn';
import { STATE_MACHINE, checkArn } from '../validation/arn-check';
import { Arn, IncludedData, Name, SensitiveData, TraceHeader } from '../validation/common-shapes';
import { checkExecutionInput } from '../validation/json-payload-check';
import { checkResourceName } from '../validation/resource-name';
import { required, structure } from '../validation/shape';
import { afterStateMachineFound } from './existence-first';
import type { Operation } from './operation';

/** @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_StartSyncExecution.html */
export const startSyncExecution: Operation<'StartSyncExecution'> = {
  request: structure<sfn.StartSyncExecutionInput>('StartSyncExecutionInput', {
    stateMachineArn: required(Arn),
    name: Name,
    input: SensitiveData,
    traceHeader: TraceHeader,
    includedData: IncludedData,
  }),
  async check(input, service) {
    checkArn(input.stateMachineArn, STATE_MACHINE);
    await afterStateMachineFound(service, input.stateMachineArn, () => {
      if (input.name !== undefined) checkResourceName(input.name);
      if (input.input !== undefined) checkExecutionInput(input.input);
    });
  },
};
