import { openFixture, ROLE, type Fixture } from './service-fixture';

let f: Fixture;
beforeEach(async () => {
  f = await openFixture();
});
afterEach(() => f.close());

const pass = (result: string) => JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', Result: result, End: true } } });

test('CreateStateMachine is idempotent for the same configuration and refuses a different one', async () => {
  const a = await f.ops.CreateStateMachine({ name: 'M', definition: pass('v1'), roleArn: ROLE });
  const b = await f.ops.CreateStateMachine({ name: 'M', definition: pass('v1'), roleArn: ROLE });
  expect(b).toEqual(a);
  await expect(f.ops.CreateStateMachine({ name: 'M', definition: pass('v2'), roleArn: ROLE })).rejects.toMatchObject({ code: 'StateMachineAlreadyExists', message: `State Machine Already Exists: '${a.stateMachineArn}'` });
  const d = await f.ops.DescribeStateMachine({ stateMachineArn: a.stateMachineArn });
  expect(d).toMatchObject({ name: 'M', status: 'ACTIVE', type: 'STANDARD', roleArn: ROLE, definition: pass('v1'), loggingConfiguration: { level: 'OFF', includeExecutionData: false }, tracingConfiguration: { enabled: false } });
  // AWS reports no revisionId for the revision a state machine was created with (recorded; localstack's test_sfn_api.snapshot.json).
  expect(d).not.toHaveProperty('revisionId');
});

test('an invalid definition is refused with InvalidDefinition and AWS\'s message; Validate reports diagnostics', async () => {
  const bad = JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'Nowhere' } } });
  await expect(f.ops.CreateStateMachine({ name: 'Bad', definition: bad, roleArn: ROLE })).rejects.toMatchObject({
    code: 'InvalidDefinition',
    message: expect.stringMatching(/^Invalid State Machine Definition: 'MISSING_TRANSITION_TARGET: .*Nowhere/),
  });
  const v = await f.ops.ValidateStateMachineDefinition({ definition: bad });
  expect(v.result).toBe('FAIL');
  expect(v.diagnostics?.[0]).toMatchObject({ severity: 'ERROR', code: 'MISSING_TRANSITION_TARGET', location: '/States/A/Next' });
  expect((await f.ops.ValidateStateMachineDefinition({ definition: pass('ok') })).result).toBe('OK');
  await expect(f.ops.DescribeStateMachine({ stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:Bad' })).rejects.toMatchObject({ code: 'StateMachineDoesNotExist' });
});

test('UpdateStateMachine: new executions run the new definition, running ones keep theirs', async () => {
  const { stateMachineArn } = await f.ops.CreateStateMachine({
    name: 'U',
    definition: JSON.stringify({ StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 10, Next: 'P' }, P: { Type: 'Pass', Result: 'old', End: true } } }),
    roleArn: ROLE,
  });
  const first = await f.start(stateMachineArn!);
  const up = await f.ops.UpdateStateMachine({ stateMachineArn, definition: pass('new') });
  expect(up.updateDate).toBeInstanceOf(Date);
  const second = await f.start(stateMachineArn!);
  expect((await f.closed(second)).output).toBe('"new"');
  await f.service.admin.advanceTime(10_000);
  expect((await f.closed(first)).output).toBe('"old"');
  expect((await f.ops.DescribeStateMachineForExecution({ executionArn: first })).definition).toContain('"old"');
  await expect(f.ops.UpdateStateMachine({ stateMachineArn })).rejects.toMatchObject({ code: 'MissingRequiredParameter' });
});

test('versions and aliases: publish, run a version, route an alias, refuse deleting a version in use', async () => {
  const { stateMachineArn } = await f.ops.CreateStateMachine({ name: 'V', definition: pass('one'), roleArn: ROLE, publish: true });
  const v1 = `${stateMachineArn}:1`;
  await f.ops.UpdateStateMachine({ stateMachineArn, definition: pass('two') });
  const { stateMachineVersionArn: v2 } = await f.ops.PublishStateMachineVersion({ stateMachineArn, description: 'second' });
  expect(v2).toBe(`${stateMachineArn}:2`);
  // Publishing the same revision again returns the latest version.
  expect((await f.ops.PublishStateMachineVersion({ stateMachineArn })).stateMachineVersionArn).toBe(v2);
  expect((await f.ops.ListStateMachineVersions({ stateMachineArn })).stateMachineVersions?.map((v) => v.stateMachineVersionArn)).toEqual([v2, v1]);
  const e1 = await f.closed(await f.start(v1));
  expect(e1).toMatchObject({ output: '"one"', stateMachineVersionArn: v1 });
  const { stateMachineAliasArn } = await f.ops.CreateStateMachineAlias({ name: 'prod', routingConfiguration: [{ stateMachineVersionArn: v1, weight: 100 }] });
  expect(stateMachineAliasArn).toBe(`${stateMachineArn}:prod`);
  const e2 = await f.closed(await f.start(stateMachineAliasArn!));
  expect(e2).toMatchObject({ output: '"one"', stateMachineAliasArn, stateMachineVersionArn: v1 });
  await expect(f.ops.DeleteStateMachineVersion({ stateMachineVersionArn: v1 })).rejects.toMatchObject({ code: 'ConflictException' });
  await f.ops.UpdateStateMachineAlias({ stateMachineAliasArn, routingConfiguration: [{ stateMachineVersionArn: v2, weight: 100 }] });
  expect((await f.ops.DescribeStateMachineAlias({ stateMachineAliasArn })).routingConfiguration).toEqual([{ stateMachineVersionArn: v2, weight: 100 }]);
  await f.ops.DeleteStateMachineVersion({ stateMachineVersionArn: v1 });
  await expect(f.ops.CreateStateMachineAlias({ name: 'bad', routingConfiguration: [{ stateMachineVersionArn: v2, weight: 50 }] })).rejects.toMatchObject({ code: 'ValidationException' });
  const byVersion = await f.ops.ListExecutions({ stateMachineArn: v1 });
  expect(byVersion.executions?.map((e) => e.stateMachineVersionArn)).toEqual([v1, v1]);
});

test('ListStateMachines pages A→Z; DeleteStateMachine is idempotent; tags', async () => {
  for (const name of ['c', 'a', 'b']) await f.ops.CreateStateMachine({ name, definition: pass(name), roleArn: ROLE, tags: [{ key: 'team', value: name }] });
  const p1 = await f.ops.ListStateMachines({ maxResults: 2 });
  expect(p1.stateMachines?.map((s) => s.name)).toEqual(['a', 'b']);
  const p2 = await f.ops.ListStateMachines({ maxResults: 2, nextToken: p1.nextToken });
  expect(p2.stateMachines?.map((s) => s.name)).toEqual(['c']);
  const arn = p1.stateMachines![0]!.stateMachineArn!;
  expect((await f.ops.ListTagsForResource({ resourceArn: arn })).tags).toEqual([{ key: 'team', value: 'a' }]);
  await f.ops.TagResource({ resourceArn: arn, tags: [{ key: 'env', value: 'dev' }] });
  await f.ops.UntagResource({ resourceArn: arn, tagKeys: ['team'] });
  expect((await f.ops.ListTagsForResource({ resourceArn: arn })).tags).toEqual([{ key: 'env', value: 'dev' }]);
  await f.ops.DeleteStateMachine({ stateMachineArn: arn });
  await f.ops.DeleteStateMachine({ stateMachineArn: arn });
  await expect(f.ops.ListTagsForResource({ resourceArn: arn })).rejects.toMatchObject({ code: 'ResourceNotFound' });
  expect((await f.ops.ListStateMachines({})).stateMachines?.map((s) => s.name)).toEqual(['b', 'c']);
});

test('EXPRESS: StartSyncExecution answers with the result; STANDARD machines refuse it', async () => {
  const express = await f.machine('Fast', { StartAt: 'P', States: { P: { Type: 'Pass', Parameters: { 'sum.$': 'States.MathAdd($.a, $.b)' }, End: true } } }, 'EXPRESS');
  const r = await f.ops.StartSyncExecution({ stateMachineArn: express, input: '{"a":2,"b":3}' });
  expect(r).toMatchObject({ status: 'SUCCEEDED', output: '{"sum":5}', stateMachineArn: express, billingDetails: { billedMemoryUsedInMB: 64, billedDurationInMilliseconds: 100 } });
  expect(r.executionArn).toMatch(/^arn:aws:states:us-east-1:123456789012:express:Fast:[^:]+:[0-9a-f-]{36}$/);
  const standard = await f.machine('Slow', { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } });
  await expect(f.ops.StartSyncExecution({ stateMachineArn: standard })).rejects.toMatchObject({ code: 'StateMachineTypeNotSupported' });
});

test('TestState runs one state: output and next state, a caught error, a retriable one', async () => {
  const ok = await f.ops.TestState({ definition: JSON.stringify({ Type: 'Pass', Parameters: { 'x.$': '$.a' }, Next: 'After' }), roleArn: ROLE, input: '{"a":1}' });
  expect(ok).toMatchObject({ status: 'SUCCEEDED', output: '{"x":1}', nextState: 'After' });
  const task = (extra: object) => JSON.stringify({ Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:fail', End: true, ...extra });
  const failed = await f.ops.TestState({ definition: task({}), roleArn: ROLE, input: '{}' });
  expect(failed).toMatchObject({ status: 'FAILED', error: 'PaymentDeclined' });
  const caught = await f.ops.TestState({ definition: task({ Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Recover' }] }), roleArn: ROLE, input: '{}' });
  expect(caught).toMatchObject({ status: 'CAUGHT_ERROR', error: 'PaymentDeclined', nextState: 'Recover' });
  const retriable = await f.ops.TestState({ definition: task({ Retry: [{ ErrorEquals: ['States.ALL'] }] }), roleArn: ROLE, input: '{}' });
  expect(retriable).toMatchObject({ status: 'RETRIABLE', error: 'PaymentDeclined' });
  const debug = await f.ops.TestState({ definition: JSON.stringify({ Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:echo', Parameters: { 'v.$': '$.v' }, End: true }), roleArn: ROLE, input: '{"v":7}', inspectionLevel: 'DEBUG' });
  expect(debug.inspectionData).toMatchObject({ input: '{"v":7}', afterParameters: '{"v":7}' });
});
