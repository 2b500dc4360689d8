import type * as sfn from '@aws-sdk/client-sfn';
import { STATE_MACHINE, checkArn } from '../validation/arn-check';
import { Arn, Definition, EncryptionConfiguration, LoggingConfiguration, TracingConfiguration, VersionDescription } from '../validation/common-shapes';
import { boolean, required, structure } from '../validation/shape';
import type { Operation } from './operation';

/** @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_UpdateStateMachine.html */
export const updateStateMachine: Operation<'UpdateStateMachine'> = {
  request: structure<sfn.UpdateStateMachineInput>('UpdateStateMachineInput', {
    stateMachineArn: required(Arn),
    definition: Definition,
    roleArn: Arn,
    loggingConfiguration: LoggingConfiguration,
    tracingConfiguration: TracingConfiguration,
    publish: boolean(),
    versionDescription: VersionDescription,
    encryptionConfiguration: EncryptionConfiguration,
  }),
  check(input) {
    checkArn(input.stateMachineArn, STATE_MACHINE);
  },
};
