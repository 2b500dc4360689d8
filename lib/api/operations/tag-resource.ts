import type * as sfn from '@aws-sdk/client-sfn';
import { TAGGABLE, checkArn } from '../validation/arn-check';
import { Arn, TagList } from '../validation/common-shapes';
import { required, structure } from '../validation/shape';
import type { Operation } from './operation';

/** @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_TagResource.html */
export const tagResource: Operation<'TagResource'> = {
  request: structure<sfn.TagResourceInput>('TagResourceInput', {
    resourceArn: required(Arn),
    tags: required(TagList),
  }),
  check(input) {
    checkArn(input.resourceArn, TAGGABLE);
  },
};
