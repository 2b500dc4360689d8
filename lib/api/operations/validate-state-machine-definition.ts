import type * as sfn from '@aws-sdk/client-sfn';
import { Definition, StateMachineType } from '../validation/common-shapes';
import { enumeration, integer, required, structure } from '../validation/shape';
import type { Operation } from './operation';

/** @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_ValidateStateMachineDefinition.html */
export const validateStateMachineDefinition: Operation<'ValidateStateMachineDefinition'> = {
  request: structure<sfn.ValidateStateMachineDefinitionInput>('ValidateStateMachineDefinitionInput', {
    definition: required(Definition),
    type: StateMachineType,
    severity: enumeration(['ERROR', 'WARNING'] satisfies sfn.ValidateStateMachineDefinitionSeverity[]),
    maxResults: integer({ min: 0, max: 100 }),
  }),
};
