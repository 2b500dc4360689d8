import { StoreCursorError, type Store, type StateMachineRecord } from '../../lib/store';
import { activityArn, backends, execution, machineArn, type Backend } from './store-fixtures';

function machine(name: string, overrides: Partial<StateMachineRecord> = {}): StateMachineRecord {
  return { arn: machineArn(name), name, type: 'STANDARD', revisionId: 'rev-1', roleArn: 'arn:aws:iam::123456789012:role/r', creationDate: 1000, nextVersion: 1, ...overrides };
}

describe.each(backends)('%s store: definitions, state machines, versions, aliases, activities, tags', (_name, make) => {
  let backend: Backend;
  let store: Store;
  beforeEach(() => {
    backend = make();
    store = backend.open();
  });
  afterEach(async () => {
    await store.close();
    backend.cleanup();
  });

  test('a definition is stored by revision id and read back', async () => {
    await store.write([{ kind: 'putDefinition', record: { revisionId: 'abc', definition: '{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}' } }]);
    expect(store.getDefinition('abc')).toEqual({ revisionId: 'abc', definition: '{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}' });
    expect(store.getDefinition('nope')).toBeUndefined();
  });

  test('a state machine is created, replaced and read back with its optional fields as given', async () => {
    await store.write([{ kind: 'putStateMachine', record: machine('M') }]);
    expect(store.getStateMachine(machineArn('M'))).toEqual(machine('M'));
    const updated = machine('M', { revisionId: 'rev-2', description: 'second', updateDate: 2000, loggingConfiguration: '{"level":"OFF"}', nextVersion: 3 });
    await store.write([{ kind: 'putStateMachine', record: updated }]);
    expect(store.getStateMachine(machineArn('M'))).toStrictEqual(updated);
    expect(store.getStateMachine(machineArn('Other'))).toBeUndefined();
  });

  test('state machines list by name A→Z in pages joined by opaque cursors', async () => {
    const names = ['delta', 'Alpha', 'charlie', 'bravo', 'echo'];
    await store.write(names.map((n) => ({ kind: 'putStateMachine' as const, record: machine(n) })));
    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const page = store.listStateMachines({ limit: 2, after });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((m) => m.name));
      after = page.next;
      pages++;
    } while (after !== undefined);
    // Byte order, as AWS's names compare: upper case before lower case.
    expect(seen).toEqual(['Alpha', 'bravo', 'charlie', 'delta', 'echo']);
    expect(pages).toBe(3);
    expect(store.listStateMachines({ limit: Infinity }).items.map((m) => m.name)).toEqual(seen);
    expect(store.listStateMachines({ limit: 5 }).next).toBeUndefined();
  });

  test('a cursor that is not one of this list is refused with StoreCursorError', async () => {
    await store.write([{ kind: 'putStateMachine', record: machine('a') }, { kind: 'putStateMachine', record: machine('b') }]);
    await store.write([{ kind: 'putActivity', record: { arn: activityArn('x'), name: 'x', creationDate: 1 } }, { kind: 'putActivity', record: { arn: activityArn('y'), name: 'y', creationDate: 1 } }]);
    const activityCursor = store.listActivities({ limit: 1 }).next!;
    expect(() => store.listStateMachines({ limit: 1, after: activityCursor })).toThrow(StoreCursorError);
    expect(() => store.listStateMachines({ limit: 1, after: 'garbage' })).toThrow(StoreCursorError);
    expect(() => store.listExecutions({}, { limit: 1, after: Buffer.from('["executions","x","y"]').toString('base64url') })).toThrow(StoreCursorError);
  });

  test('a page limit below 1 or fractional is a RangeError', () => {
    expect(() => store.listStateMachines({ limit: 0 })).toThrow(RangeError);
    expect(() => store.listActivities({ limit: 1.5 })).toThrow(RangeError);
    expect(() => store.queuedActivityTasks(activityArn('a'), -1)).toThrow(RangeError);
  });

  test('versions list newest first, page by page', async () => {
    const sm = machineArn('M');
    await store.write([
      { kind: 'putStateMachine', record: machine('M', { nextVersion: 4 }) },
      ...[1, 2, 3].map((v) => ({ kind: 'putVersion' as const, record: { arn: `${sm}:${v}`, stateMachineArn: sm, version: v, revisionId: `rev-${v}`, roleArn: 'r', creationDate: 1000 + v } })),
      { kind: 'putVersion', record: { arn: `${machineArn('Other')}:1`, stateMachineArn: machineArn('Other'), version: 1, revisionId: 'x', roleArn: 'r', creationDate: 1 } },
    ]);
    const first = store.listVersions(sm, { limit: 2 });
    expect(first.items.map((v) => v.version)).toEqual([3, 2]);
    const second = store.listVersions(sm, { limit: 2, after: first.next });
    expect(second.items.map((v) => v.version)).toEqual([1]);
    expect(second.next).toBeUndefined();
    expect(store.getVersion(`${sm}:2`)).toEqual({ arn: `${sm}:2`, stateMachineArn: sm, version: 2, revisionId: 'rev-2', roleArn: 'r', creationDate: 1002 });
    await store.write([{ kind: 'deleteVersion', arn: `${sm}:2` }]);
    expect(store.getVersion(`${sm}:2`)).toBeUndefined();
    expect(store.listVersions(sm, { limit: 10 }).items.map((v) => v.version)).toEqual([3, 1]);
  });

  test('aliases list by name within their state machine', async () => {
    const sm = machineArn('M');
    const alias = (name: string, of = sm) => ({ arn: `${of}:${name}`, stateMachineArn: of, name, routingConfiguration: `[{"stateMachineVersionArn":"${of}:1","weight":100}]`, creationDate: 5 });
    await store.write(['prod', 'beta', 'live'].map((n) => ({ kind: 'putAlias' as const, record: alias(n) })));
    await store.write([{ kind: 'putAlias', record: alias('aaa', machineArn('Other')) }]);
    const first = store.listAliases(sm, { limit: 2 });
    expect(first.items.map((a) => a.name)).toEqual(['beta', 'live']);
    expect(store.listAliases(sm, { limit: 2, after: first.next }).items.map((a) => a.name)).toEqual(['prod']);
    await store.write([{ kind: 'putAlias', record: { ...alias('live'), description: 'changed', updateDate: 9 } }]);
    expect(store.getAlias(`${sm}:live`)).toEqual({ ...alias('live'), description: 'changed', updateDate: 9 });
    await store.write([{ kind: 'deleteAlias', arn: `${sm}:live` }]);
    expect(store.getAlias(`${sm}:live`)).toBeUndefined();
  });

  test('deleteStateMachine removes its versions, aliases and their tags; its executions and definitions stay', async () => {
    const sm = machineArn('M');
    await store.write([
      { kind: 'putDefinition', record: { revisionId: 'rev-1', definition: '{}' } },
      { kind: 'putStateMachine', record: machine('M') },
      { kind: 'putStateMachine', record: machine('Keep') },
      { kind: 'putVersion', record: { arn: `${sm}:1`, stateMachineArn: sm, version: 1, revisionId: 'rev-1', roleArn: 'r', creationDate: 1 } },
      { kind: 'putVersion', record: { arn: `${machineArn('Keep')}:1`, stateMachineArn: machineArn('Keep'), version: 1, revisionId: 'rev-1', roleArn: 'r', creationDate: 1 } },
      { kind: 'putAlias', record: { arn: `${sm}:prod`, stateMachineArn: sm, name: 'prod', routingConfiguration: '[]', creationDate: 1 } },
      { kind: 'setTags', resourceArn: sm, tags: [{ key: 'team', value: 'a' }] },
      { kind: 'setTags', resourceArn: `${sm}:1`, tags: [{ key: 'v', value: '1' }] },
      { kind: 'setTags', resourceArn: `${sm}:prod`, tags: [{ key: 'a', value: 'p' }] },
      { kind: 'setTags', resourceArn: machineArn('Keep'), tags: [{ key: 'keep', value: 'yes' }] },
      { kind: 'putExecution', record: execution('M', 'e1') },
    ]);
    await store.write([{ kind: 'deleteStateMachine', arn: sm }]);
    expect(store.getStateMachine(sm)).toBeUndefined();
    expect(store.getVersion(`${sm}:1`)).toBeUndefined();
    expect(store.getAlias(`${sm}:prod`)).toBeUndefined();
    expect(store.getTags(sm)).toEqual([]);
    expect(store.getTags(`${sm}:1`)).toEqual([]);
    expect(store.getTags(`${sm}:prod`)).toEqual([]);
    expect(store.getExecution(execution('M', 'e1').arn)).toEqual(execution('M', 'e1'));
    expect(store.getDefinition('rev-1')).toBeDefined();
    expect(store.getStateMachine(machineArn('Keep'))).toBeDefined();
    expect(store.getVersion(`${machineArn('Keep')}:1`)).toBeDefined();
    expect(store.getTags(machineArn('Keep'))).toEqual([{ key: 'keep', value: 'yes' }]);
  });

  test('activities list by name; deleteActivity removes its queued tasks and tags, not the taken ones', async () => {
    const a = activityArn('work');
    const x = execution('M', 'e1');
    await store.write([
      { kind: 'putActivity', record: { arn: a, name: 'work', creationDate: 1 } },
      { kind: 'putActivity', record: { arn: activityArn('other'), name: 'other', creationDate: 2 } },
      { kind: 'putExecution', record: x },
      { kind: 'putActivityTask', record: { activityArn: a, token: 'queued', executionArn: x.arn, taskId: 't1', input: '{}', scheduledAt: 10 } },
      { kind: 'putActivityTask', record: { activityArn: a, token: 'taken', executionArn: x.arn, taskId: 't2', input: '{}', scheduledAt: 11, startedAt: 12, workerName: 'w' } },
      { kind: 'putActivityTask', record: { activityArn: activityArn('other'), token: 'elsewhere', executionArn: x.arn, taskId: 't3', input: '{}', scheduledAt: 13 } },
      { kind: 'setTags', resourceArn: a, tags: [{ key: 'k', value: 'v' }] },
    ]);
    expect(store.listActivities({ limit: 10 }).items.map((r) => r.name)).toEqual(['other', 'work']);
    expect(store.getActivity(a)).toEqual({ arn: a, name: 'work', creationDate: 1 });
    await store.write([{ kind: 'deleteActivity', arn: a }]);
    expect(store.getActivity(a)).toBeUndefined();
    expect(store.getActivityTask('queued')).toBeUndefined();
    expect(store.getActivityTask('taken')).toEqual({ activityArn: a, token: 'taken', executionArn: x.arn, taskId: 't2', input: '{}', scheduledAt: 11, startedAt: 12, workerName: 'w' });
    expect(store.getActivityTask('elsewhere')).toBeDefined();
    expect(store.getTags(a)).toEqual([]);
  });

  test('tags are replaced as a whole, kept in order, and cleared by an empty list', async () => {
    const sm = machineArn('M');
    expect(store.getTags(sm)).toEqual([]);
    await store.write([{ kind: 'setTags', resourceArn: sm, tags: [{ key: 'b', value: '2' }, { key: 'a', value: '1' }] }]);
    expect(store.getTags(sm)).toEqual([{ key: 'b', value: '2' }, { key: 'a', value: '1' }]);
    await store.write([{ kind: 'setTags', resourceArn: sm, tags: [{ key: 'c', value: '3' }] }]);
    expect(store.getTags(sm)).toEqual([{ key: 'c', value: '3' }]);
    await store.write([{ kind: 'setTags', resourceArn: sm, tags: [] }]);
    expect(store.getTags(sm)).toEqual([]);
  });
});
