import { openFixture, types, type Fixture } from './service-fixture';
import { clearTokens, nextToken, tokenMachine } from './received-tokens';

let f: Fixture;
beforeEach(async () => {
  clearTokens();
  f = await openFixture();
});
afterEach(() => f.close());

const waitForToken = (extra: object = {}) => tokenMachine({ ResultPath: '$.answer', ...extra });


test('a .waitForTaskToken task waits for SendTaskSuccess; the token is used once', async () => {
  const sm = await f.machine('Callback', waitForToken());
  const arn = await f.start(sm, { q: 1 });
  const token = await nextToken();
  expect(token.length).toBeGreaterThanOrEqual(22); // ≥ 128 bits, base64
  expect((await f.ops.DescribeExecution({ executionArn: arn })).status).toBe('RUNNING');
  await f.ops.SendTaskSuccess({ taskToken: token, output: '{"approved":true}' });
  const d = await f.closed(arn);
  expect(JSON.parse(d.output!)).toEqual({ q: 1, answer: { approved: true } });
  const events = await f.history(arn);
  expect(types(events)).toEqual(['ExecutionStarted', 'TaskStateEntered', 'TaskScheduled', 'TaskStarted', 'TaskSubmitted', 'TaskSucceeded', 'TaskStateExited', 'ExecutionSucceeded']);
  // TaskSubmitted holds the Invoke response, as the SQS callback's holds SendMessage's (localstack test_callback.snapshot.json, recorded on AWS).
  const submitted = events[4]!.taskSubmittedEventDetails!;
  expect(submitted).toMatchObject({ resourceType: 'lambda', resource: 'invoke.waitForTaskToken', outputDetails: { truncated: false } });
  expect(JSON.parse(submitted.output!)).toMatchObject({ ExecutedVersion: '$LATEST', StatusCode: 200, SdkHttpMetadata: { HttpStatusCode: 200 } });
  expect(events[5]!.taskSucceededEventDetails).toMatchObject({ resourceType: 'lambda', resource: 'invoke.waitForTaskToken', output: '{"approved":true}' });
  await expect(f.ops.SendTaskSuccess({ taskToken: token, output: '{}' })).rejects.toMatchObject({ code: 'TaskTimedOut', message: "Task Timed Out: 'Provided task does not exist anymore'" });
  await expect(f.ops.SendTaskSuccess({ taskToken: 'forged', output: '{}' })).rejects.toMatchObject({ code: 'InvalidToken' });
});

test('SendTaskFailure fails the task with the given error and cause; bad output is InvalidOutput', async () => {
  const sm = await f.machine('Callback', waitForToken());
  const arn = await f.start(sm);
  const token = await nextToken();
  await expect(f.ops.SendTaskSuccess({ taskToken: token, output: '{bad' })).rejects.toMatchObject({ code: 'InvalidOutput' });
  await f.ops.SendTaskFailure({ taskToken: token, error: 'Rejected', cause: 'over budget' });
  const d = await f.closed(arn);
  expect(d).toMatchObject({ status: 'FAILED', error: 'Rejected', cause: 'over budget' });
  expect(types(await f.history(arn)).slice(-2)).toEqual(['TaskFailed', 'ExecutionFailed']);
});

test('a callback that never comes times out after TimeoutSeconds of service time; the late token is refused', async () => {
  const sm = await f.machine('Timeout', waitForToken({ TimeoutSeconds: 86400 }));
  const arn = await f.start(sm);
  const token = await nextToken();
  await f.service.admin.advanceTime(86_399_000);
  expect((await f.ops.DescribeExecution({ executionArn: arn })).status).toBe('RUNNING');
  await f.service.admin.advanceTime(1000);
  const d = await f.closed(arn);
  expect(d).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
  await expect(f.ops.SendTaskSuccess({ taskToken: token, output: '{}' })).rejects.toMatchObject({ code: 'TaskTimedOut' });
});

test('heartbeats keep a task alive; a missed heartbeat times it out', async () => {
  const sm = await f.machine('Heartbeat', waitForToken({ HeartbeatSeconds: 60, TimeoutSeconds: 3600 }));
  const arn = await f.start(sm);
  const token = await nextToken();
  for (let i = 0; i < 3; i++) {
    await f.service.admin.advanceTime(50_000);
    await f.ops.SendTaskHeartbeat({ taskToken: token });
  }
  expect((await f.ops.DescribeExecution({ executionArn: arn })).status).toBe('RUNNING');
  await f.service.admin.advanceTime(61_000);
  const d = await f.closed(arn);
  expect(d.status).toBe('FAILED');
  expect(d.error).toMatch(/^States\.(HeartbeatTimeout|Timeout)$/);
  await expect(f.ops.SendTaskHeartbeat({ taskToken: token })).rejects.toMatchObject({ code: 'TaskTimedOut' });
});

test('activities: a worker polls a task, gets its input and token, and reports the result', async () => {
  const { activityArn } = await f.ops.CreateActivity({ name: 'review' });
  expect(activityArn).toBe('arn:aws:states:us-east-1:123456789012:activity:review');
  expect((await f.ops.CreateActivity({ name: 'review' })).activityArn).toBe(activityArn);
  const empty = await f.ops.GetActivityTask({ activityArn, workerName: 'w1' });
  expect(empty).toEqual({});
  const sm = await f.machine('Act', { StartAt: 'A', States: { A: { Type: 'Task', Resource: activityArn, Parameters: { 'doc.$': '$.doc' }, End: true } } });
  // A worker already waiting is handed the task as soon as it is scheduled.
  const polling = f.ops.GetActivityTask({ activityArn, workerName: 'w1' });
  const arn = await f.start(sm, { doc: 'd-1' });
  const got = await polling;
  expect(JSON.parse(got.input!)).toEqual({ doc: 'd-1' });
  await f.ops.SendTaskSuccess({ taskToken: got.taskToken!, output: '{"ok":true}' });
  expect(JSON.parse((await f.closed(arn)).output!)).toEqual({ ok: true });
  const events = await f.history(arn);
  expect(types(events)).toEqual(['ExecutionStarted', 'TaskStateEntered', 'ActivityScheduled', 'ActivityStarted', 'ActivitySucceeded', 'TaskStateExited', 'ExecutionSucceeded']);
  expect(events[3]!.activityStartedEventDetails).toEqual({ workerName: 'w1' });
  await expect(f.ops.GetActivityTask({ activityArn: `${activityArn}x` })).rejects.toMatchObject({ code: 'ActivityDoesNotExist' });
});
