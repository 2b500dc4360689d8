import { parseStatesArn, invalidArn } from '../arns';
import type { Runtime } from '../runtime';
import { ServiceError, type StepFunctionsOperations } from '../step-functions-operations';
import { missing, NotFound } from './errors';

type Ops = Pick<StepFunctionsOperations, 'TagResource' | 'UntagResource' | 'ListTagsForResource'>;

/** AWS allows 50 tags per resource. */
const MAX_TAGS = 50;

/** TooManyTags when a resource would carry more than 50 tags: by TagResource, or created with them. */
export function requireFewTags(arn: string, count: number): void {
  if (count > MAX_TAGS) throw new ServiceError('TooManyTags', `Too many tags: '${arn}' would have ${count} tags, more than ${MAX_TAGS}`);
}

/** Tags on state machines (and their aliases) and activities. */
export function tagOperations(rt: Runtime): Ops {
  const { store } = rt.ctx;
  const taggable = (arn: string | undefined): string => {
    if (!arn) throw missing('resourceArn');
    const p = parseStatesArn(arn);
    if (!p) throw invalidArn(arn);
    const exists =
      p.resourceType === 'stateMachine' ? (p.parts.length === 1 ? store.getStateMachine(arn) : store.getAlias(arn)) : p.resourceType === 'activity' ? store.getActivity(arn) : undefined;
    if (!exists) throw NotFound.resource(arn);
    return arn;
  };
  return {
    async TagResource({ resourceArn, tags }) {
      const arn = taggable(resourceArn);
      const current = new Map(store.getTags(arn).map((t) => [t.key, t.value]));
      for (const t of tags ?? []) current.set(t.key ?? '', t.value ?? '');
      requireFewTags(arn, current.size);
      await store.write([{ kind: 'setTags', resourceArn: arn, tags: [...current].map(([key, value]) => ({ key, value })) }]);
      return {};
    },
    async UntagResource({ resourceArn, tagKeys }) {
      const arn = taggable(resourceArn);
      const drop = new Set(tagKeys ?? []);
      await store.write([{ kind: 'setTags', resourceArn: arn, tags: store.getTags(arn).filter((t) => !drop.has(t.key)) }]);
      return {};
    },
    async ListTagsForResource({ resourceArn }) {
      const arn = taggable(resourceArn);
      return { tags: store.getTags(arn).map((t) => ({ key: t.key, value: t.value })) };
    },
  };
}
