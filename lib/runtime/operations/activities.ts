import type * as sfn from '@aws-sdk/client-sfn';
import type { ActivityRecord } from '../../store/records';
import { requireArnType } from '../arns';
import { requireValidName } from '../names';
import type { Runtime } from '../runtime';
import { ServiceError, type StepFunctionsOperations } from '../step-functions-operations';
import { missing, NotFound } from './errors';
import { listPage, pageRequest } from './paging';
import { requireFewTags } from './tags';

type Ops = Pick<StepFunctionsOperations, 'CreateActivity' | 'DescribeActivity' | 'ListActivities' | 'DeleteActivity' | 'GetActivityTask'>;

/** GetActivityTask holds the request open this long when no task is waiting (AWS's long poll). */
export const ACTIVITY_POLL_MS = 60_000;

/** Activities: named task queues that workers poll with GetActivityTask. */
export function activityOperations(rt: Runtime, options: { pollMs?: number } = {}): Ops {
  const { store, arns, clock } = rt.ctx;
  const activity = (arn: string | undefined): ActivityRecord => {
    if (!arn) throw missing('activityArn');
    requireArnType(arn, 'activity', 1);
    const a = store.getActivity(arn);
    if (!a) throw NotFound.activity(arn);
    return a;
  };
  return {
    async CreateActivity({ name, tags, encryptionConfiguration }) {
      if (!name) throw missing('name');
      requireValidName(name);
      const arn = arns.activity(name);
      requireFewTags(arn, new Set(tags?.map((t) => t.key)).size);
      const existing = store.getActivity(arn);
      if (existing) return { activityArn: arn, creationDate: new Date(existing.creationDate) };
      const record: ActivityRecord = { arn, name, creationDate: clock.now() };
      if (encryptionConfiguration) record.encryptionConfiguration = JSON.stringify(encryptionConfiguration);
      await store.write([
        { kind: 'putActivity', record },
        ...(tags?.length ? [{ kind: 'setTags' as const, resourceArn: arn, tags: tags.map((t) => ({ key: t.key ?? '', value: t.value ?? '' })) }] : []),
      ]);
      return { activityArn: arn, creationDate: new Date(record.creationDate) };
    },

    async DescribeActivity({ activityArn }) {
      const a = activity(activityArn);
      // The encryption settings it was created with (API_DescribeActivity); none recorded without them.
      const encryption = a.encryptionConfiguration === undefined ? {} : { encryptionConfiguration: JSON.parse(a.encryptionConfiguration) as sfn.EncryptionConfiguration };
      return { activityArn: a.arn, name: a.name, creationDate: new Date(a.creationDate), ...encryption };
    },

    async ListActivities({ maxResults, nextToken }) {
      const page = listPage(() => store.listActivities(pageRequest(maxResults, nextToken)));
      return { activities: page.items.map((a) => ({ activityArn: a.arn, name: a.name, creationDate: new Date(a.creationDate) })), ...(page.next ? { nextToken: page.next } : {}) };
    },

    async DeleteActivity({ activityArn }) {
      if (!activityArn) throw missing('activityArn');
      requireArnType(activityArn, 'activity', 1);
      if (store.getActivity(activityArn)) await store.write([{ kind: 'deleteActivity', arn: activityArn }]);
      return {};
    },

    async GetActivityTask({ activityArn, workerName }) {
      const a = activity(activityArn);
      if (workerName !== undefined && workerName.length > 80) throw new ServiceError('ValidationException', 'workerName must be at most 80 characters');
      const task = await rt.activities.poll(a.arn, workerName, options.pollMs ?? ACTIVITY_POLL_MS);
      return task ? { taskToken: task.token, input: task.input } : {};
    },
  };
}
