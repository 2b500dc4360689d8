import type * as sfn from '@aws-sdk/client-sfn';
import { Arn, Definition, EncryptionConfiguration, LoggingConfiguration, Name, StateMachineType, TagList, TracingConfiguration, VersionDescription } from '../validation/common-shapes';
import { checkResourceName } from '../validation/resource-name';
import { boolean, required, structure } from '../validation/shape';
import type { Operation } from './operation';

/** @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_CreateStateMachine.html */
export const createStateMachine: Operation<'CreateStateMachine'> = {
  request: structure<sfn.CreateStateMachineInput>('CreateStateMachineInput', {
    name: required(Name),
    definition: required(Definition),
    roleArn: required(Arn),
    type: StateMachineType,
    loggingConfiguration: LoggingConfiguration,
    tags: TagList,
    tracingConfiguration: TracingConfiguration,
    publish: boolean(),
    versionDescription: VersionDescription,
    encryptionConfiguration: EncryptionConfiguration,
  }),
  check(input) {
    checkResourceName(input.name);
  },
};
