import {
  DeleteStateMachineCommand,
  CreateStateMachineAliasCommand,
  DeleteStateMachineAliasCommand,
  DeleteStateMachineVersionCommand,
  DescribeExecutionCommand,
  DescribeStateMachineAliasCommand,
  ListStateMachineAliasesCommand,
  DescribeStateMachineCommand,
  DescribeStateMachineForExecutionCommand,
  ListExecutionsCommand,
  ListStateMachineVersionsCommand,
  PublishStateMachineVersionCommand,
  StartExecutionCommand,
  StopExecutionCommand,
  UpdateStateMachineAliasCommand,
  UpdateStateMachineCommand,
} from '@aws-sdk/client-sfn';
import { PASS, passWith, recordedService } from './recorded-service';

// Versions and aliases: answers recorded on AWS, through the SDK against the real runtime.

const { send, create, failure, finished } = recordedService();

describe('versions (test_sfn_api_versioning.snapshot.json)', () => {
  test('a version description without publish is refused', async () => {
    expect(await failure(create('desc-no-publish', PASS, { versionDescription: 'd' }))).toEqual({ name: 'ValidationException', message: 'Version description can only be set when publish is true' });
  });

  test('a version published at creation has no revisionId; later ones carry the revision they froze', async () => {
    const created = await create('ver', PASS, { publish: true });
    expect(created.stateMachineVersionArn).toBe(`${created.stateMachineArn}:1`);
    const v1 = await send(new DescribeStateMachineCommand({ stateMachineArn: created.stateMachineVersionArn }));
    expect(v1).toMatchObject({ stateMachineArn: created.stateMachineVersionArn, status: 'ACTIVE', type: 'STANDARD' });
    expect(v1.revisionId).toBeUndefined();
    const up = await send(new UpdateStateMachineCommand({ stateMachineArn: created.stateMachineArn, definition: passWith('R2') }));
    const p2 = await send(new PublishStateMachineVersionCommand({ stateMachineArn: created.stateMachineArn, description: 'PublishedV2Description' }));
    expect(p2.stateMachineVersionArn).toBe(`${created.stateMachineArn}:2`);
    const v2 = await send(new DescribeStateMachineCommand({ stateMachineArn: p2.stateMachineVersionArn }));
    expect(v2).toMatchObject({ revisionId: up.revisionId, description: 'PublishedV2Description', definition: passWith('R2') });
    const versions = await send(new ListStateMachineVersionsCommand({ stateMachineArn: created.stateMachineArn }));
    expect(versions.stateMachineVersions!.map((v) => v.stateMachineVersionArn)).toEqual([`${created.stateMachineArn}:2`, `${created.stateMachineArn}:1`]);
  });

  test('publishing for a revision that is no longer current: ConflictException naming both revisions', async () => {
    const { stateMachineArn } = await create('conflict');
    const r1 = await send(new UpdateStateMachineCommand({ stateMachineArn, definition: passWith('R1') }));
    const r2 = await send(new UpdateStateMachineCommand({ stateMachineArn, definition: passWith('R2') }));
    expect(await failure(send(new PublishStateMachineVersionCommand({ stateMachineArn, revisionId: r1.revisionId })))).toEqual({
      name: 'ConflictException',
      message: `Failed to publish the State Machine version for revision ${r1.revisionId}. The current State Machine revision is ${r2.revisionId}.`,
    });
  });

  test('UpdateStateMachine of a version ARN: StateMachineDoesNotExist naming it', async () => {
    const created = await create('update-version', PASS, { publish: true });
    expect(await failure(send(new UpdateStateMachineCommand({ stateMachineArn: created.stateMachineVersionArn, definition: passWith('R3') })))).toEqual({
      name: 'StateMachineDoesNotExist',
      message: `State Machine Does Not Exist: '${created.stateMachineVersionArn}'`,
    });
  });

  test('publishing with nothing new returns the same version; an update with publish and nothing new does too, without a revisionId', async () => {
    const { stateMachineArn } = await create('idem');
    const a = await send(new PublishStateMachineVersionCommand({ stateMachineArn }));
    const b = await send(new PublishStateMachineVersionCommand({ stateMachineArn }));
    expect(b.stateMachineVersionArn).toBe(a.stateMachineVersionArn);
    const u = await send(new UpdateStateMachineCommand({ stateMachineArn, definition: PASS, publish: true }));
    expect(u.stateMachineVersionArn).toBe(`${stateMachineArn}:1`);
    expect(u.revisionId).toBeUndefined();
    expect(u.updateDate).toBeInstanceOf(Date);
    expect((await send(new UpdateStateMachineCommand({ stateMachineArn, definition: PASS, publish: true }))).stateMachineVersionArn).toBe(`${stateMachineArn}:1`);
    expect((await send(new DescribeStateMachineCommand({ stateMachineArn }))).revisionId).toBeUndefined();
  });

  test('version numbers are not reused after a deletion; deleting a deleted version succeeds', async () => {
    const { stateMachineArn } = await create('renumber', PASS, { publish: true });
    await send(new UpdateStateMachineCommand({ stateMachineArn, definition: passWith('R2'), publish: true }));
    await send(new DeleteStateMachineVersionCommand({ stateMachineVersionArn: `${stateMachineArn}:2` }));
    await send(new DeleteStateMachineVersionCommand({ stateMachineVersionArn: `${stateMachineArn}:2` }));
    const p = await send(new UpdateStateMachineCommand({ stateMachineArn, definition: passWith('R3'), publish: true }));
    expect(p.stateMachineVersionArn).toBe(`${stateMachineArn}:3`);
  });

  test('an execution of a version: ListExecutions shows its version; DescribeStateMachineForExecution names the state machine', async () => {
    const created = await create('run-version', PASS, { publish: true });
    const { executionArn } = await send(new StartExecutionCommand({ stateMachineArn: created.stateMachineVersionArn, name: 'v' }));
    await finished(executionArn!);
    const listed = await send(new ListExecutionsCommand({ stateMachineArn: created.stateMachineArn }));
    expect(listed.executions![0]).toMatchObject({ stateMachineArn: created.stateMachineArn, stateMachineVersionArn: created.stateMachineVersionArn });
    const d = await send(new DescribeStateMachineForExecutionCommand({ executionArn }));
    expect(d.stateMachineArn).toBe(created.stateMachineArn);
  });
});

describe('versions, test by test (test_sfn_api_versioning.snapshot.json)', () => {
  test('a version description given at creation with publish is the version\'s description; the machine has none (test_create_publish_describe_with_version_description)', async () => {
    const created = await create('ver-described', PASS, { publish: true, versionDescription: 'HelloWorld!' });
    expect(await send(new DescribeStateMachineCommand({ stateMachineArn: created.stateMachineVersionArn }))).toMatchObject({ description: 'HelloWorld!', stateMachineArn: created.stateMachineVersionArn });
    expect(await send(new DescribeStateMachineCommand({ stateMachineArn: created.stateMachineArn }))).not.toHaveProperty('description');
  });

  test('UpdateStateMachine with publish answers the revision and the new version; versions list newest first, ARN and date only (test_update_state_machine)', async () => {
    const { stateMachineArn } = await create('ver-updated');
    const u1 = await send(new UpdateStateMachineCommand({ stateMachineArn, definition: passWith('R1'), publish: true }));
    expect(u1.revisionId).toBeDefined();
    expect(u1.stateMachineVersionArn).toBe(`${stateMachineArn}:1`);
    const list1 = await send(new ListStateMachineVersionsCommand({ stateMachineArn }));
    expect(list1.stateMachineVersions!.map((v) => Object.keys(v).sort())).toEqual([['creationDate', 'stateMachineVersionArn']]);
    const u2 = await send(new UpdateStateMachineCommand({ stateMachineArn, definition: passWith('R2'), publish: true }));
    expect(u2.revisionId).not.toBe(u1.revisionId);
    expect(u2.stateMachineVersionArn).toBe(`${stateMachineArn}:2`);
    expect((await send(new ListStateMachineVersionsCommand({ stateMachineArn }))).stateMachineVersions!.map((v) => v.stateMachineVersionArn)).toEqual([`${stateMachineArn}:2`, `${stateMachineArn}:1`]);
    expect(await failure(send(new UpdateStateMachineCommand({ stateMachineArn: `${stateMachineArn}:2`, definition: passWith('R3') })))).toEqual({
      name: 'StateMachineDoesNotExist',
      message: `State Machine Does Not Exist: '${stateMachineArn}:2'`,
    });
  });

  test('ListExecutions by state machine shows no version for an unversioned start; by version, only that version\'s executions (test_start_version_execution)', async () => {
    const created = await create('ver-started', PASS, { publish: true });
    const plain = await send(new StartExecutionCommand({ stateMachineArn: created.stateMachineArn }));
    await finished(plain.executionArn!);
    const byMachine = await send(new ListExecutionsCommand({ stateMachineArn: created.stateMachineArn }));
    expect(byMachine.executions!.map((e) => e.executionArn)).toEqual([plain.executionArn]);
    expect(byMachine.executions![0]).not.toHaveProperty('stateMachineVersionArn');
    const versioned = await send(new StartExecutionCommand({ stateMachineArn: created.stateMachineVersionArn }));
    await finished(versioned.executionArn!);
    const byVersion = await send(new ListExecutionsCommand({ stateMachineArn: created.stateMachineVersionArn }));
    expect(byVersion.executions!.map((e) => [e.executionArn, e.stateMachineArn, e.stateMachineVersionArn])).toEqual([[versioned.executionArn, created.stateMachineArn, created.stateMachineVersionArn]]);
  });

  test('a deleted version leaves an empty version list (test_list_delete_version)', async () => {
    const created = await create('ver-deleted', PASS, { publish: true });
    await send(new DeleteStateMachineVersionCommand({ stateMachineVersionArn: created.stateMachineVersionArn }));
    expect((await send(new ListStateMachineVersionsCommand({ stateMachineArn: created.stateMachineArn }))).stateMachineVersions).toEqual([]);
    await expect(send(new DeleteStateMachineVersionCommand({ stateMachineVersionArn: created.stateMachineVersionArn }))).resolves.toBeDefined();
  });

  test('published at creation, an update with publish and the same definition returns version 1 without a revisionId (test_empty_revision_with_publish_and_publish_on_creation)', async () => {
    const created = await create('ver-same', PASS, { publish: true });
    for (let i = 0; i < 2; i++) {
      const u = await send(new UpdateStateMachineCommand({ stateMachineArn: created.stateMachineArn, definition: PASS, publish: true }));
      expect(u.stateMachineVersionArn).toBe(created.stateMachineVersionArn);
      expect(u.revisionId).toBeUndefined();
      expect(u.updateDate).toBeInstanceOf(Date);
    }
  });

  test('DescribeStateMachineForExecution of a version execution: the revision it ran, under the state machine\'s ARN (test_describe_state_machine_for_execution_of_version_with_revision)', async () => {
    const { stateMachineArn } = await create('ver-for-exec');
    const u = await send(new UpdateStateMachineCommand({ stateMachineArn, definition: passWith('R2'), publish: true }));
    const { executionArn } = await send(new StartExecutionCommand({ stateMachineArn: u.stateMachineVersionArn }));
    const d = await send(new DescribeStateMachineForExecutionCommand({ executionArn }));
    expect(d).toMatchObject({ stateMachineArn, definition: passWith('R2'), revisionId: u.revisionId });
    expect(d.updateDate).toBeInstanceOf(Date);
  });

  test('PublishStateMachineVersion of a machine that does not exist, or of no ARN at all', async () => {
    const arn = 'arn:aws:states:us-east-1:123456789012:stateMachine:ver-never';
    expect(await failure(send(new PublishStateMachineVersionCommand({ stateMachineArn: arn })))).toEqual({ name: 'StateMachineDoesNotExist', message: `State Machine Does Not Exist: '${arn}'` });
    expect(await failure(send(new PublishStateMachineVersionCommand({ stateMachineArn: 'invalid_arn' })))).toEqual({ name: 'InvalidArn', message: "Invalid Arn: 'Invalid ARN prefix: invalid_arn'" });
  });
});

describe('aliases (test_sfn_api_aliasing.snapshot.json)', () => {
  async function twoVersions(name: string) {
    const created = await create(name, PASS, { publish: true });
    const v2 = await send(new UpdateStateMachineCommand({ stateMachineArn: created.stateMachineArn, definition: passWith('R2'), publish: true }));
    return { sm: created.stateMachineArn!, v1: created.stateMachineVersionArn!, v2: v2.stateMachineVersionArn! };
  }
  const alias = (name: string, routingConfiguration: { stateMachineVersionArn: string; weight: number }[], description?: string) =>
    send(new CreateStateMachineAliasCommand({ name, routingConfiguration, ...(description !== undefined ? { description } : {}) }));

  test('a create repeated alike is idempotent; a different description or routing is a ConflictException', async () => {
    const { v1, v2 } = await twoVersions('alias-idem');
    const a = await alias('prod', [{ stateMachineVersionArn: v1, weight: 100 }], 'd');
    const b = await alias('prod', [{ stateMachineVersionArn: v1, weight: 100 }], 'd');
    expect([b.stateMachineAliasArn, b.creationDate]).toEqual([a.stateMachineAliasArn, a.creationDate]);
    const conflict = { name: 'ConflictException', message: 'Failed to create alias because an alias with the same name and a different routing configuration already exists.' };
    expect(await failure(alias('prod', [{ stateMachineVersionArn: v1, weight: 100 }], 'other'))).toEqual(conflict);
    expect(await failure(alias('prod', [{ stateMachineVersionArn: v2, weight: 100 }], 'd'))).toEqual(conflict);
  });

  test('routing configurations AWS refuses, in its words', async () => {
    const { sm, v1, v2 } = await twoVersions('alias-routes');
    expect(await failure(alias('a', [{ stateMachineVersionArn: sm, weight: 100 }]))).toEqual({ name: 'ValidationException', message: `Routing configuration must contain state machine version ARNs. Received: [${sm}]` });
    expect(await failure(alias('a', [{ stateMachineVersionArn: sm, weight: 50 }, { stateMachineVersionArn: v2, weight: 50 }]))).toEqual({
      name: 'ValidationException',
      message: `Routing configuration must contain state machine version ARNs. Received: [${sm}, ${v2}]`,
    });
    expect(await failure(alias('a', [{ stateMachineVersionArn: v1, weight: 50 }, { stateMachineVersionArn: v1, weight: 50 }]))).toEqual({
      name: 'ValidationException',
      message: `Routing configuration must contain distinct state machine version ARNs. Received: [${v1}, ${v1}]`,
    });
    expect(await failure(alias('a', [{ stateMachineVersionArn: v1, weight: 70 }, { stateMachineVersionArn: v2, weight: 29 }]))).toEqual({ name: 'ValidationException', message: 'Sum of routing configuration weights must equal 100. Received: [70, 29]' });
    expect(await failure(alias('a', [{ stateMachineVersionArn: v1, weight: 70 }, { stateMachineVersionArn: v2, weight: 31 }]))).toEqual({ name: 'ValidationException', message: 'Sum of routing configuration weights must equal 100. Received: [70, 31]' });
    expect(await failure(alias('a', [{ stateMachineVersionArn: v1, weight: 101 }]))).toEqual({
      name: 'ValidationException',
      message: "1 validation error detected: Value '101' at 'routingConfiguration.1.member.weight' failed to satisfy constraint: Member must have value less than or equal to 100",
    });
    const three = [
      { stateMachineVersionArn: `${sm}:1`, weight: 50 },
      { stateMachineVersionArn: `${sm}:2`, weight: 30 },
      { stateMachineVersionArn: `${sm}:3`, weight: 20 },
    ];
    expect(await failure(alias('a', three))).toEqual({
      name: 'ValidationException',
      message: `1 validation error detected: Value '[${three.map((r) => `RoutingConfigurationListItem(stateMachineVersionArn=${r.stateMachineVersionArn}, weight=${r.weight})`).join(', ')}]' at 'routingConfiguration' failed to satisfy constraint: Member must have length less than or equal to 2`,
    });
  });

  test('alias names: the pattern and the length, in the model\'s words', async () => {
    const { v1 } = await twoVersions('alias-names');
    const pattern = (v: string) => `1 validation error detected: Value '${v}' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: ^(?=.*[a-zA-Z_\\-\\.])[a-zA-Z0-9_\\-\\.]+$`;
    for (const name of ['123', 'INVALID ALIAS', '!INVALID', 'ALIAS@']) expect(await failure(alias(name, [{ stateMachineVersionArn: v1, weight: 100 }]))).toEqual({ name: 'ValidationException', message: pattern(name) });
    const long = 'A'.repeat(81);
    expect((await failure(alias(long, [{ stateMachineVersionArn: v1, weight: 100 }]))).message).toBe(`1 validation error detected: Value '${long}' at 'name' failed to satisfy constraint: Member must have length less than or equal to 80`);
  });

  test('ListStateMachineAliases: empty, then each alias with its ARN and creation date, by name; a deleted alias leaves the list (test_base_lifecycle_create_delete_list)', async () => {
    const { sm, v1 } = await twoVersions('alias-listed');
    const listed = async () => (await send(new ListStateMachineAliasesCommand({ stateMachineArn: sm }))).stateMachineAliases!;
    expect(await listed()).toEqual([]);
    const names = ['base-0', 'base-1', 'base-2'];
    for (const name of names) await alias(name, [{ stateMachineVersionArn: v1, weight: 100 }]);
    expect((await listed()).map((a) => Object.keys(a).sort())).toEqual(names.map(() => ['creationDate', 'stateMachineAliasArn']));
    expect((await listed()).map((a) => a.stateMachineAliasArn)).toEqual(names.map((n) => `${sm}:${n}`));
    for (const [i, name] of names.entries()) {
      await send(new DeleteStateMachineAliasCommand({ stateMachineAliasArn: `${sm}:${name}` }));
      expect((await listed()).map((a) => a.stateMachineAliasArn)).toEqual(names.slice(i + 1).map((n) => `${sm}:${n}`));
    }
  });

  test('DescribeStateMachineAlias: name, description, routing and both dates; UpdateStateMachineAlias answers its updateDate (test_base_lifecycle_create_update_describe)', async () => {
    const { v1 } = await twoVersions('alias-described');
    const created = await alias('described', [{ stateMachineVersionArn: v1, weight: 100 }], 'first');
    const fresh = await send(new DescribeStateMachineAliasCommand({ stateMachineAliasArn: created.stateMachineAliasArn }));
    // Documented: a newly created alias's updateDate is its creation date (API reference).
    expect(fresh.updateDate).toEqual(fresh.creationDate);
    const updated = await send(new UpdateStateMachineAliasCommand({ stateMachineAliasArn: created.stateMachineAliasArn, description: 'new description' }));
    expect(Object.keys(updated).filter((k) => k !== '$metadata')).toEqual(['updateDate']);
    const d = await send(new DescribeStateMachineAliasCommand({ stateMachineAliasArn: created.stateMachineAliasArn }));
    const { $metadata: _m, ...body } = d;
    expect(body).toEqual({
      stateMachineAliasArn: created.stateMachineAliasArn,
      name: 'described',
      description: 'new description',
      routingConfiguration: [{ stateMachineVersionArn: v1, weight: 100 }],
      creationDate: created.creationDate,
      updateDate: updated.updateDate,
    });
  });

  test('an alias rerouted to split between two versions describes both; its state machine can be deleted with the alias in place (test_base_lifecycle_create_update_describe, test_delete_revision_with_alias, recorded 2025)', async () => {
    const { sm, v1, v2 } = await twoVersions('alias-split');
    const { stateMachineAliasArn } = await alias('split', [{ stateMachineVersionArn: v1, weight: 100 }]);
    const split = [{ stateMachineVersionArn: v1, weight: 50 }, { stateMachineVersionArn: v2, weight: 50 }];
    await send(new UpdateStateMachineAliasCommand({ stateMachineAliasArn, routingConfiguration: split }));
    expect((await send(new DescribeStateMachineAliasCommand({ stateMachineAliasArn }))).routingConfiguration).toEqual(split);
    await expect(send(new DeleteStateMachineCommand({ stateMachineArn: sm }))).resolves.toBeDefined();
  });

  test('a version an alias routes to cannot be deleted until the alias routes elsewhere (test_delete_version_with_alias)', async () => {
    const { v1, v2 } = await twoVersions('alias-guards');
    const { stateMachineAliasArn } = await alias('guard', [{ stateMachineVersionArn: v1, weight: 100 }], 'create state machine alias description');
    expect(await failure(send(new DeleteStateMachineVersionCommand({ stateMachineVersionArn: v1 })))).toEqual({
      name: 'ConflictException',
      message: 'Version to be deleted must not be referenced by an alias. Current list of aliases referencing this version: [guard]',
    });
    await send(new UpdateStateMachineAliasCommand({ stateMachineAliasArn, routingConfiguration: [{ stateMachineVersionArn: v2, weight: 100 }] }));
    expect((await send(new DescribeStateMachineAliasCommand({ stateMachineAliasArn }))).routingConfiguration).toEqual([{ stateMachineVersionArn: v2, weight: 100 }]);
    await expect(send(new DeleteStateMachineVersionCommand({ stateMachineVersionArn: v1 }))).resolves.toBeDefined();
  });

  test('started by version ARN: the version, no alias; ListExecutions shows each, a running one without stopDate (test_base_lifecycle_create_invoke_describe_list)', async () => {
    const created = await create('alias-and-version', JSON.stringify({ StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 60, End: true } } }), { publish: true });
    const v1 = created.stateMachineVersionArn!;
    const { stateMachineAliasArn } = await alias('aliased', [{ stateMachineVersionArn: v1, weight: 100 }]);
    const viaAlias = await send(new StartExecutionCommand({ stateMachineArn: stateMachineAliasArn }));
    const viaVersion = await send(new StartExecutionCommand({ stateMachineArn: v1 }));
    const d = await send(new DescribeExecutionCommand({ executionArn: viaVersion.executionArn }));
    expect(d).toMatchObject({ stateMachineArn: created.stateMachineArn, stateMachineVersionArn: v1, status: 'RUNNING' });
    expect(d).not.toHaveProperty('stateMachineAliasArn');
    const listed = (await send(new ListExecutionsCommand({ stateMachineArn: created.stateMachineArn }))).executions!;
    const byArn = new Map(listed.map((e) => [e.executionArn, e]));
    expect(byArn.get(viaAlias.executionArn)).toMatchObject({ stateMachineAliasArn, stateMachineVersionArn: v1, status: 'RUNNING' });
    expect(byArn.get(viaVersion.executionArn)).not.toHaveProperty('stateMachineAliasArn');
    expect(byArn.get(viaVersion.executionArn)).not.toHaveProperty('stopDate');
    for (const e of [viaAlias, viaVersion]) await send(new StopExecutionCommand({ executionArn: e.executionArn }));
  });

  test('an execution through an alias records the alias and the version; deleting or updating an alias that does not exist', async () => {
    const { sm, v1 } = await twoVersions('alias-run');
    const { stateMachineAliasArn } = await alias('live', [{ stateMachineVersionArn: v1, weight: 100 }]);
    const { executionArn } = await send(new StartExecutionCommand({ stateMachineArn: stateMachineAliasArn }));
    expect(await finished(executionArn!)).toMatchObject({ stateMachineArn: sm, stateMachineAliasArn, stateMachineVersionArn: v1, status: 'SUCCEEDED' });
    await expect(send(new DeleteStateMachineAliasCommand({ stateMachineAliasArn: `${sm}:gone` }))).resolves.toBeDefined();
    expect(await failure(send(new UpdateStateMachineAliasCommand({ stateMachineAliasArn: `${sm}:gone`, description: 'x' })))).toEqual({
      name: 'ResourceNotFound',
      message: 'Request references a resource that does not exist.',
    });
  });
});
