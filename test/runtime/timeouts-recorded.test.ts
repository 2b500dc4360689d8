import { openFixture, type Fixture } from './service-fixture';

// Timeouts as localstack's test_timeouts and test_activities snapshots recorded them on AWS
// (tests/aws/services/stepfunctions/v2/timeouts/test_timeouts.snapshot.json,
// tests/aws/services/stepfunctions/v2/activities/test_activities.snapshot.json).

let f: Fixture;
beforeEach(async () => {
  f = await openFixture();
});
afterEach(() => f.close());

test('the state machine TimeoutSeconds ends a started-without-input execution TIMED_OUT: DescribeExecution has input {}, no error, cause or output, and it is REDRIVABLE (test_global_timeout, recorded 10-03-2024)', async () => {
  const sm = await f.machine('GlobalTimeout', { TimeoutSeconds: 1, StartAt: 'State_1', States: { State_1: { Type: 'Wait', Seconds: 60, End: true } } });
  const { executionArn } = await f.ops.StartExecution({ stateMachineArn: sm, name: 'exec_of-test_global_timeout' });
  await f.service.admin.advanceTime(1000);
  const d = await f.closed(executionArn!);
  expect(d).toMatchObject({ executionArn, name: 'exec_of-test_global_timeout', stateMachineArn: sm, status: 'TIMED_OUT', input: '{}', inputDetails: { included: true }, redriveCount: 0, redriveStatus: 'REDRIVABLE' });
  expect(d.stopDate).toBeInstanceOf(Date);
  for (const absent of ['error', 'cause', 'output', 'outputDetails']) expect(d).not.toHaveProperty(absent);
});

test('an activity worker that takes the task and never answers: ActivityTimedOut (States.Timeout, no cause) TimeoutSeconds after scheduling, linked to ActivityStarted (test_activity_task_start_timeout)', async () => {
  const { activityArn } = await f.ops.CreateActivity({ name: 'activity_name' });
  const sm = await f.machine('ActivityTimeout', { StartAt: 'ActivityTask', States: { ActivityTask: { Type: 'Task', Resource: activityArn, TimeoutSeconds: 5, End: true } } });
  const arn = await f.start(sm, { Value1: 'HelloWorld' });
  const task = await f.ops.GetActivityTask({ activityArn, workerName: 'BASE_ID_ACTIVITY_CONSUMER' });
  expect(task.input).toBe('{"Value1":"HelloWorld"}');
  await f.service.admin.advanceTime(5000);
  const d = await f.closed(arn);
  expect(d).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
  expect(d).not.toHaveProperty('cause');
  const events = await f.history(arn);
  expect(events.map((e) => [e.id, e.type, e.previousEventId])).toEqual([
    [1, 'ExecutionStarted', 0],
    [2, 'TaskStateEntered', 0],
    [3, 'ActivityScheduled', 2],
    [4, 'ActivityStarted', 3],
    [5, 'ActivityTimedOut', 4],
    [6, 'ExecutionFailed', 5],
  ]);
  expect(events[2]!.activityScheduledEventDetails).toEqual({ input: '{"Value1":"HelloWorld"}', inputDetails: { truncated: false }, resource: activityArn, timeoutInSeconds: 5 });
  expect(events[3]!.activityStartedEventDetails).toEqual({ workerName: 'BASE_ID_ACTIVITY_CONSUMER' });
  expect(events[4]!.activityTimedOutEventDetails).toEqual({ error: 'States.Timeout' });
  expect(events[5]!.executionFailedEventDetails).toEqual({ error: 'States.Timeout' });
  await expect(f.ops.SendTaskSuccess({ taskToken: task.taskToken!, output: '{}' })).rejects.toMatchObject({ code: 'TaskTimedOut' });
});
