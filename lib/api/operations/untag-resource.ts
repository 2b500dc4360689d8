import type * as sfn from '@aws-sdk/client-sfn';
import { TAGGABLE, checkArn } from '../validation/arn-check';
import { Arn, TagKeyList } from '../validation/common-shapes';
import { required, structure } from '../validation/shape';
import type { Operation } from './operation';

/** @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_UntagResource.html */
export const untagResource: Operation<'UntagResource'> = {
  request: structure<sfn.UntagResourceInput>('UntagResourceInput', {
    resourceArn: required(Arn),
    tagKeys: required(TagKeyList),
  }),
  check(input) {
    checkArn(input.resourceArn, TAGGABLE);
  },
};
