import type * as sfn from '@aws-sdk/client-sfn';
import { EncryptionConfiguration, Name, TagList } from '../validation/common-shapes';
import { checkResourceName } from '../validation/resource-name';
import { required, structure } from '../validation/shape';
import type { Operation } from './operation';

/** @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_CreateActivity.html */
export const createActivity: Operation<'CreateActivity'> = {
  request: structure<sfn.CreateActivityInput>('CreateActivityInput', {
    name: required(Name),
    tags: TagList,
    encryptionConfiguration: EncryptionConfiguration,
  }),
  check(input) {
    checkResourceName(input.name);
  },
};
