import type * as sfn from '@aws-sdk/client-sfn';
import { PageSize, PageToken } from '../validation/common-shapes';
import { structure } from '../validation/shape';
import type { Operation } from './operation';

/** @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_ListActivities.html */
export const listActivities: Operation<'ListActivities'> = {
  request: structure<sfn.ListActivitiesInput>('ListActivitiesInput', {
    maxResults: PageSize,
    nextToken: PageToken,
  }),
};
