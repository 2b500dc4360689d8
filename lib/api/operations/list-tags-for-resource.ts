import type * as sfn from '@aws-sdk/client-sfn';
import { TAGGABLE, checkArn } from '../validation/arn-check';
import { Arn } from '../validation/common-shapes';
import { required, structure } from '../validation/shape';
import type { Operation } from './operation';

/** @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_ListTagsForResource.html */
export const listTagsForResource: Operation<'ListTagsForResource'> = {
  request: structure<sfn.ListTagsForResourceInput>('ListTagsForResourceInput', {
    resourceArn: required(Arn),
  }),
  check(input) {
    checkArn(input.resourceArn, TAGGABLE);
  },
};
