import type * as sfn from '@aws-sdk/client-sfn';
import { PageSize, PageToken } from '../validation/common-shapes';
import { structure } from '../validation/shape';
import type { Operation } from './operation';

/** @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_ListStateMachines.html */
export const listStateMachines: Operation<'ListStateMachines'> = {
  request: structure<sfn.ListStateMachinesInput>('ListStateMachinesInput', {
    maxResults: PageSize,
    nextToken: PageToken,
  }),
};
