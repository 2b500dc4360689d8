import { openFixture, type Fixture } from './service-fixture';

// The activity API as localstack's test_sfn_api_activities snapshot recorded it on AWS
// (tests/aws/services/stepfunctions/v2/test_sfn_api_activities.snapshot.json and its test module).

let f: Fixture;
beforeEach(async () => {
  f = await openFixture();
});
afterEach(() => f.close());

const refusal = (p: Promise<unknown>) => p.then(() => undefined, (e: { code?: string; message?: string }) => ({ code: e.code, message: e.message }));

test("DescribeActivity and GetActivityTask on a value that is no ARN: InvalidArn 'Invalid ARN prefix' (test_describe_activity_invalid_arn, test_get_activity_task_invalid_arn)", async () => {
  const invalid = { code: 'InvalidArn', message: "Invalid Arn: 'Invalid ARN prefix: no_an_activity_arn'" };
  expect(await refusal(f.ops.DescribeActivity({ activityArn: 'no_an_activity_arn' }))).toEqual(invalid);
  expect(await refusal(f.ops.GetActivityTask({ activityArn: 'no_an_activity_arn' }))).toEqual(invalid);
});

test('names AWS accepts: dots, dashes, underscores, capitals, up to 80 characters (test_create_describe_delete_activity)', async () => {
  const uid = '1a2b3c4d';
  for (const base of ['Activity1', 'activity-name_123', 'ACTIVITY_NAME_ABC', 'activity.name', 'activity.name.v2', 'activityName.with.dots', 'activity-name.1', 'activity_123.name', 'a'.repeat(71)]) {
    const name = `${base}-${uid}`;
    const created = await f.ops.CreateActivity({ name });
    expect(created.activityArn).toBe(`arn:aws:states:us-east-1:123456789012:activity:${name}`);
    expect(await f.ops.DescribeActivity({ activityArn: created.activityArn! })).toEqual({ activityArn: created.activityArn, name, creationDate: created.creationDate });
    await f.ops.DeleteActivity({ activityArn: created.activityArn! });
    await f.ops.DeleteActivity({ activityArn: created.activityArn! });
  }
});

test("names AWS refuses, each with InvalidName 'Invalid Name: '<name>'' (test_create_activity_invalid_name)", async () => {
  const names = [
    'activity name', 'activity<name', 'activity>name', 'activity{name', 'activity}name', 'activity[name', 'activity]name', 'activity?name', 'activity*name',
    'activity"name', 'activity#name', 'activity%name', 'activity\\name', 'activity^name', 'activity|name', 'activity~name', 'activity`name', 'activity$name',
    'activity&name', 'activity,name', 'activity;name', 'activity:name', 'activity/name', `${String.fromCharCode(0)}activity`, `activity${String.fromCharCode(31)}`,
    `activity${String.fromCharCode(127)}`,
  ];
  for (const name of names) expect(await refusal(f.ops.CreateActivity({ name }))).toEqual({ code: 'InvalidName', message: `Invalid Name: '${name}'` });
  expect((await f.ops.ListActivities({})).activities).toEqual([]);
});

test('ListActivities lists each activity as activityArn, creationDate, name (test_list_activities)', async () => {
  const created = [];
  for (let i = 0; i < 3; i++) created.push(await f.ops.CreateActivity({ name: `TestActivity-${i}-1a2b3c4d` }));
  const listed = (await f.ops.ListActivities({})).activities!;
  expect(listed.map((a) => Object.keys(a).sort())).toEqual(created.map(() => ['activityArn', 'creationDate', 'name']));
  expect(listed.map((a) => [a.activityArn, a.name, a.creationDate])).toEqual(created.map((c, i) => [c.activityArn, `TestActivity-${i}-1a2b3c4d`, c.creationDate]));
});
