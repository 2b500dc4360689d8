import type * as sfn from '@aws-sdk/client-sfn';
import { Arn, Definition, SensitiveCause, SensitiveData, SensitiveError } from '../validation/common-shapes';
import { boolean, enumeration, integer, required, string, structure } from '../validation/shape';
import type { Operation } from './operation';

/** TestStateStateName: a state's name, 1-80 characters, sensitive. */
const StateName = string({ min: 1, max: 80, sensitive: true });

/** @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_TestState.html */
export const testState: Operation<'TestState'> = {
  request: structure<sfn.TestStateInput>('TestStateInput', {
    definition: required(Definition),
    roleArn: Arn,
    input: SensitiveData,
    inspectionLevel: enumeration(['INFO', 'DEBUG', 'TRACE'] satisfies sfn.InspectionLevel[]),
    revealSecrets: boolean(),
    variables: SensitiveData,
    stateName: StateName,
    mock: structure<sfn.MockInput>('MockInput', {
      result: SensitiveData,
      errorOutput: structure<sfn.MockErrorOutput>('MockErrorOutput', { error: SensitiveError, cause: SensitiveCause }),
      fieldValidationMode: enumeration(['STRICT', 'PRESENT', 'NONE'] satisfies sfn.MockResponseValidationMode[]),
    }),
    context: SensitiveData,
    stateConfiguration: structure<sfn.TestStateConfiguration>('TestStateConfiguration', {
      retrierRetryCount: integer({ min: 0 }),
      errorCausedByState: StateName,
      mapIterationFailureCount: integer({ min: 0 }),
      mapItemReaderData: SensitiveData,
    }),
  }),
};
