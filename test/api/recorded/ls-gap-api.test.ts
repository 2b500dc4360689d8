import {
  CreateActivityCommand,
  DeleteActivityCommand,
  DeleteStateMachineCommand,
  DescribeActivityCommand,
  DescribeStateMachineCommand,
  GetActivityTaskCommand,
  ListActivitiesCommand,
  ListStateMachinesCommand,
  UpdateStateMachineCommand,
  ValidateStateMachineDefinitionCommand,
} from '@aws-sdk/client-sfn';
import { PASS, ROLE, passWith, recordedService } from './recorded-service';

// Gaps left by the sibling files against localstack/localstack's recordings of AWS under
// tests/aws/services/stepfunctions/v2/ (test_sfn_api*.snapshot.json). Each test names its key.
// Left out: the Label messages and the empty Label of test_sfn_api_map_run (their texts are
// localstack's own Python errors, not AWS answers), and UpdateStateMachine with nothing to update,
// whose recorded message predates EncryptionConfiguration.

const { send, create, failure } = recordedService();

describe('test_sfn_api.snapshot.json gaps', () => {
  // localstack test_sfn_api.py::TestSnfApi::test_create_update_state_machine_base_definition_and_role, recorded on AWS 08-08-2023
  test('updating definition and role together: one new revision each time, the describe shows both', async () => {
    const { stateMachineArn } = await create('gap-update-both');
    const t1 = await send(new UpdateStateMachineCommand({ stateMachineArn, definition: passWith('AfterUpdate1'), roleArn: `${ROLE}-t1` }));
    expect(t1.revisionId).toBeDefined();
    expect(t1.updateDate).toBeInstanceOf(Date);
    expect(await send(new DescribeStateMachineCommand({ stateMachineArn }))).toMatchObject({
      definition: passWith('AfterUpdate1'),
      roleArn: `${ROLE}-t1`,
      revisionId: t1.revisionId,
      status: 'ACTIVE',
      type: 'STANDARD',
      loggingConfiguration: { level: 'OFF', includeExecutionData: false },
      tracingConfiguration: { enabled: false },
    });
    const t2 = await send(new UpdateStateMachineCommand({ stateMachineArn, definition: passWith('AfterUpdate2'), roleArn: `${ROLE}-t2` }));
    expect(t2.revisionId).toBeDefined();
    expect(t2.revisionId).not.toBe(t1.revisionId);
    expect(await send(new DescribeStateMachineCommand({ stateMachineArn }))).toMatchObject({ definition: passWith('AfterUpdate2'), roleArn: `${ROLE}-t2`, revisionId: t2.revisionId });
  });

  // localstack test_sfn_api.py::TestSnfApi::test_create_update_state_machine_same_parameters, recorded on AWS 08-08-2023
  test('an update with the role already set keeps the revisionId', async () => {
    const { stateMachineArn } = await create('gap-update-same');
    const t1 = await send(new UpdateStateMachineCommand({ stateMachineArn, roleArn: `${ROLE}-t1` }));
    const t2 = await send(new UpdateStateMachineCommand({ stateMachineArn, roleArn: `${ROLE}-t1` }));
    expect(t2.revisionId).toBe(t1.revisionId);
    expect(await send(new DescribeStateMachineCommand({ stateMachineArn }))).toMatchObject({ roleArn: `${ROLE}-t1`, revisionId: t1.revisionId, definition: PASS });
  });

  // localstack test_sfn_api.py::TestSnfApi::test_list_sms, recorded on AWS 29-08-2023
  test('ListStateMachines lists the created machines with ARN, name, type and date; deleted ones leave the list', async () => {
    const names = ['gap-list-0', 'gap-list-1', 'gap-list-2'];
    const arns: string[] = [];
    for (const n of names) arns.push((await create(n)).stateMachineArn!);
    const mine = async () => (await send(new ListStateMachinesCommand({}))).stateMachines!.filter((s) => arns.includes(s.stateMachineArn!));
    const listed = await mine();
    expect(listed.map((s) => ({ stateMachineArn: s.stateMachineArn, name: s.name, type: s.type }))).toEqual(names.map((name, i) => ({ stateMachineArn: arns[i], name, type: 'STANDARD' })));
    for (const s of listed) expect(s.creationDate).toBeInstanceOf(Date);
    for (const stateMachineArn of arns) await send(new DeleteStateMachineCommand({ stateMachineArn }));
    expect(await mine()).toEqual([]);
  });
});

describe('test_sfn_api_activities.snapshot.json gaps', () => {
  // localstack test_sfn_api_activities.py::TestSnfApiActivities::test_describe_activity_invalid_arn, recorded on AWS 11-03-2024
  test('DescribeActivity of a string that is no ARN: InvalidArn, Invalid ARN prefix', async () => {
    expect(await failure(send(new DescribeActivityCommand({ activityArn: 'no_an_activity_arn' })))).toEqual({ name: 'InvalidArn', message: "Invalid Arn: 'Invalid ARN prefix: no_an_activity_arn'" });
  });

  // localstack test_sfn_api_activities.py::TestSnfApiActivities::test_get_activity_task_invalid_arn, recorded on AWS 11-03-2024
  test('GetActivityTask of a string that is no ARN: InvalidArn, Invalid ARN prefix', async () => {
    expect(await failure(send(new GetActivityTaskCommand({ activityArn: 'no_an_activity_arn' })))).toEqual({ name: 'InvalidArn', message: "Invalid Arn: 'Invalid ARN prefix: no_an_activity_arn'" });
  });

  // localstack test_sfn_api_activities.py::TestSnfApiActivities::test_list_activities, recorded on AWS 17-03-2024
  test('ListActivities: each activity with exactly its ARN, creation date and name', async () => {
    const made: { activityArn: string; name: string }[] = [];
    for (const i of [0, 1, 2]) {
      const name = `gap_activity_name_${i}`;
      made.push({ activityArn: (await send(new CreateActivityCommand({ name }))).activityArn!, name });
    }
    const listed = (await send(new ListActivitiesCommand({}))).activities!.filter((a) => made.some((m) => m.activityArn === a.activityArn));
    expect(listed.map((a) => Object.keys(a).sort())).toEqual(made.map(() => ['activityArn', 'creationDate', 'name']));
    expect(listed.map((a) => ({ activityArn: a.activityArn, name: a.name }))).toEqual(made);
    for (const m of made) await send(new DeleteActivityCommand({ activityArn: m.activityArn }));
  });
});

describe('test_sfn_api_validation.snapshot.json gaps', () => {
  const validate = (definition: string, type: 'STANDARD' | 'EXPRESS') => send(new ValidateStateMachineDefinitionCommand({ definition, type }));

  // localstack test_sfn_api_validation.py::TestSfnApiValidation::test_validate_state_machine_definition_type_{standard,express}[INVALID_DOWNGRADE_QUERY_LANGUAGE], recorded on AWS 19-10-2025
  test('a JSONPath state in a JSONata machine: FAIL at /States/Pass, for both types', async () => {
    const def = JSON.stringify({ StartAt: 'Pass', States: { Pass: { Type: 'Pass', End: true, QueryLanguage: 'JSONPath' } }, QueryLanguage: 'JSONata' });
    for (const type of ['STANDARD', 'EXPRESS'] as const) {
      const r = await validate(def, type);
      expect({ result: r.result, truncated: r.truncated, diagnostics: r.diagnostics }).toEqual({
        result: 'FAIL',
        truncated: false,
        diagnostics: [{ code: 'SCHEMA_VALIDATION_FAILED', location: '/States/Pass', message: "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine", severity: 'ERROR' }],
      });
    }
  });

  // localstack test_sfn_api_validation.py::TestSfnApiValidation::test_validate_state_machine_definition_type_{standard,express}[VALID_QUERY_LANGUAGE_PASS], recorded on AWS 19-10-2025
  test('a JSONPath machine with a JSONata Map whose inner state is JSONPath again: OK, for both types', async () => {
    const def = JSON.stringify({
      StartAt: 'Map',
      QueryLanguage: 'JSONPath',
      States: { Map: { Type: 'Map', QueryLanguage: 'JSONata', ItemProcessor: { ProcessorConfig: { Mode: 'INLINE' }, StartAt: 'Pass', States: { Pass: { QueryLanguage: 'JSONPath', Type: 'Pass', End: true } } }, End: true } },
    });
    for (const type of ['STANDARD', 'EXPRESS'] as const) {
      const r = await validate(def, type);
      expect({ result: r.result, truncated: r.truncated, diagnostics: r.diagnostics }).toEqual({ result: 'OK', truncated: false, diagnostics: [] });
    }
  });
});

describe('test_sfn_api_map_run.snapshot.json gaps', () => {
  // The definition as localstack's test sends it (Python json.dumps spacing).
  const labelled = (label: string) =>
    `{"Comment": "MAP_STATE_LABEL_JSON", "StartAt": "MapState", "States": {"MapState": {"Type": "Map", "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"}, "StartAt": "IteratorInner", "States": {"IteratorInner": {"Type": "Pass", "End": true}}}, "Label": ${JSON.stringify(label)}, "End": true}}}`;

  // localstack test_sfn_api_map_run.py::TestSnfApiMapRun::test_map_state_label_invalid_char_fail[ ,?,*,<,>,{,},[,],:,;], recorded on AWS 20-07-2024
  test('a Map Label with a character AWS refuses: InvalidDefinition', async () => {
    for (const [i, c] of [' ', '?', '*', '<', '>', '{', '}', '[', ']', ':', ';'].entries()) {
      expect((await failure(create(`gap-label-${i}`, labelled(`label_${c}`)))).name).toBe('InvalidDefinition');
    }
  });

  // localstack test_sfn_api_map_run.py::TestSnfApiMapRun::test_map_state_label_too_long_fail, recorded on AWS 20-07-2024
  test('a Map Label of 41 characters: InvalidDefinition', async () => {
    expect((await failure(create('gap-label-long', labelled('12345678901234567890123456789012345678901')))).name).toBe('InvalidDefinition');
  });
});
