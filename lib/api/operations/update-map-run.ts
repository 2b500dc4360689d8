import type * as sfn from '@aws-sdk/client-sfn';
import { MAP_RUN, checkArn } from '../validation/arn-check';
import { LongArn } from '../validation/common-shapes';
import { float, integer, long, required, structure } from '../validation/shape';
import type { Operation } from './operation';

/** @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_UpdateMapRun.html */
export const updateMapRun: Operation<'UpdateMapRun'> = {
  request: structure<sfn.UpdateMapRunInput>('UpdateMapRunInput', {
    mapRunArn: required(LongArn),
    maxConcurrency: integer({ min: 0 }),
    toleratedFailurePercentage: float({ min: 0, max: 100 }),
    toleratedFailureCount: long({ min: 0 }),
  }),
  check(input) {
    checkArn(input.mapRunArn, MAP_RUN);
  },
};
