import {
  CreateActivityCommand,
  DeleteActivityCommand,
  ListActivitiesCommand,
  GetActivityTaskCommand,
  ListTagsForResourceCommand,
  SendTaskFailureCommand,
  SendTaskHeartbeatCommand,
  SendTaskSuccessCommand,
} from '@aws-sdk/client-sfn';
import { recordedService } from '../api/recorded/recorded-service';
import { openFixture, types, type Fixture } from './service-fixture';
import { clearTokens, nextToken, tokenMachine } from './received-tokens';

// Audit of activities and task tokens against the AWS API reference
// (API_GetActivityTask, API_SendTaskSuccess, API_SendTaskFailure, API_SendTaskHeartbeat, API_CreateActivity).

let f: Fixture;
beforeEach(async () => {
  clearTokens();
  f = await openFixture();
});
afterEach(() => f.close());

const waitForToken = tokenMachine;
const GONE = { code: 'TaskTimedOut', message: "Task Timed Out: 'Provided task does not exist anymore'" };
const refusal = (p: Promise<unknown>) => p.then(() => undefined, (e: { code?: string; message?: string }) => ({ code: e.code, message: e.message }));

describe('tokens of closed tasks (API_SendTaskSuccess: TaskTimedOut "the task associated with the token has already been closed")', () => {
  test('a callback failed by SendTaskFailure: later SendTaskSuccess, SendTaskFailure, SendTaskHeartbeat are TaskTimedOut', async () => {
    const arn = await f.start(await f.machine('FailThenLate', waitForToken()));
    const token = await nextToken();
    await f.ops.SendTaskFailure({ taskToken: token, error: 'E', cause: 'C' });
    expect(await f.closed(arn)).toMatchObject({ status: 'FAILED', error: 'E', cause: 'C' });
    expect(await refusal(f.ops.SendTaskSuccess({ taskToken: token, output: '{}' }))).toEqual(GONE);
    expect(await refusal(f.ops.SendTaskFailure({ taskToken: token, error: 'E' }))).toEqual(GONE);
    expect(await refusal(f.ops.SendTaskHeartbeat({ taskToken: token }))).toEqual(GONE);
  });

  test('a callback whose execution was stopped: SendTaskSuccess and SendTaskHeartbeat are TaskTimedOut', async () => {
    const arn = await f.start(await f.machine('StopThenLate', waitForToken()));
    const token = await nextToken();
    await f.ops.StopExecution({ executionArn: arn });
    expect((await f.closed(arn)).status).toBe('ABORTED');
    expect(await refusal(f.ops.SendTaskSuccess({ taskToken: token, output: '{}' }))).toEqual(GONE);
    expect(await refusal(f.ops.SendTaskHeartbeat({ taskToken: token }))).toEqual(GONE);
  });

  test('an activity that succeeded: SendTaskHeartbeat and SendTaskFailure afterwards are TaskTimedOut', async () => {
    const { activityArn } = await f.ops.CreateActivity({ name: 'done' });
    const arn = await f.start(await f.machine('ActDone', { StartAt: 'A', States: { A: { Type: 'Task', Resource: activityArn, End: true } } }));
    const task = await f.ops.GetActivityTask({ activityArn });
    await f.ops.SendTaskSuccess({ taskToken: task.taskToken!, output: '{}' });
    expect((await f.closed(arn)).status).toBe('SUCCEEDED');
    expect(await refusal(f.ops.SendTaskHeartbeat({ taskToken: task.taskToken! }))).toEqual(GONE);
    expect(await refusal(f.ops.SendTaskFailure({ taskToken: task.taskToken!, error: 'x' }))).toEqual(GONE);
  });

  test("a token never issued: InvalidToken (API_SendTaskSuccess: 'The provided token is not valid.')", async () => {
    expect((await refusal(f.ops.SendTaskHeartbeat({ taskToken: 'AAAAKgAAAAIAAAAAAAAAAQ' })))?.code).toBe('InvalidToken');
    expect((await refusal(f.ops.SendTaskFailure({ taskToken: 'AAAAKgAAAAIAAAAAAAAAAQ' })))?.code).toBe('InvalidToken');
  });
});

describe('heartbeats (API_SendTaskHeartbeat)', () => {
  test("activity: heartbeats reset the Heartbeat clock; a missed one is ActivityTimedOut with States.Timeout, as AWS records heartbeat expiry (localstack test_heartbeats.snapshot.json); no history event of their own", async () => {
    const { activityArn } = await f.ops.CreateActivity({ name: 'beating' });
    const arn = await f.start(await f.machine('ActBeat', { StartAt: 'A', States: { A: { Type: 'Task', Resource: activityArn, HeartbeatSeconds: 10, TimeoutSeconds: 600, End: true } } }));
    const task = await f.ops.GetActivityTask({ activityArn, workerName: 'w' });
    for (let i = 0; i < 5; i++) {
      await f.service.admin.advanceTime(8000);
      await f.ops.SendTaskHeartbeat({ taskToken: task.taskToken! });
    }
    expect((await f.ops.DescribeExecution({ executionArn: arn })).status).toBe('RUNNING');
    expect(types(await f.history(arn))).toEqual(['ExecutionStarted', 'TaskStateEntered', 'ActivityScheduled', 'ActivityStarted']);
    await f.service.admin.advanceTime(10_000);
    const d = await f.closed(arn);
    expect(d).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
    const events = await f.history(arn);
    expect(types(events).slice(-2)).toEqual(['ActivityTimedOut', 'ExecutionFailed']);
    expect(events.at(-2)!.activityTimedOutEventDetails).toEqual({ error: 'States.Timeout' });
    expect(events.at(-2)!.timestamp!.getTime() - events[3]!.timestamp!.getTime()).toBe(50_000);
  });

  test('activity scheduled with HeartbeatSeconds: ActivityScheduled carries heartbeatInSeconds and timeoutInSeconds', async () => {
    const { activityArn } = await f.ops.CreateActivity({ name: 'sched' });
    const arn = await f.start(await f.machine('ActSched', { StartAt: 'A', States: { A: { Type: 'Task', Resource: activityArn, HeartbeatSeconds: 10, TimeoutSeconds: 600, End: true } } }));
    const events = await f.history(arn);
    expect(events[2]!.activityScheduledEventDetails).toMatchObject({ resource: activityArn, timeoutInSeconds: 600, heartbeatInSeconds: 10 });
    await f.ops.StopExecution({ executionArn: arn });
  });

  test('the Timeout of a task is its maximum duration regardless of heartbeats (callback)', async () => {
    const arn = await f.start(await f.machine('BeatTimeout', waitForToken({ HeartbeatSeconds: 10, TimeoutSeconds: 30 })));
    const token = await nextToken();
    for (let i = 0; i < 3; i++) {
      await f.service.admin.advanceTime(8000);
      await f.ops.SendTaskHeartbeat({ taskToken: token });
    }
    await f.service.admin.advanceTime(6000);
    const d = await f.closed(arn);
    expect(d).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
    const events = await f.history(arn);
    expect(types(events).slice(-2)).toEqual(['TaskTimedOut', 'ExecutionFailed']);
  });

  test('the Timeout of an activity is its maximum duration regardless of heartbeats', async () => {
    const { activityArn } = await f.ops.CreateActivity({ name: 'beat-timeout' });
    const arn = await f.start(await f.machine('ActBeatTimeout', { StartAt: 'A', States: { A: { Type: 'Task', Resource: activityArn, HeartbeatSeconds: 10, TimeoutSeconds: 30, End: true } } }));
    const task = await f.ops.GetActivityTask({ activityArn });
    for (let i = 0; i < 3; i++) {
      await f.service.admin.advanceTime(8000);
      await f.ops.SendTaskHeartbeat({ taskToken: task.taskToken! });
    }
    await f.service.admin.advanceTime(6000);
    expect(await f.closed(arn)).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
    expect(types(await f.history(arn)).slice(-2)).toEqual(['ActivityTimedOut', 'ExecutionFailed']);
  });

  test('callback: a missed heartbeat is TaskTimedOut with States.Timeout (test_heartbeat_timeout, recorded on AWS)', async () => {
    const arn = await f.start(await f.machine('CbBeat', waitForToken({ HeartbeatSeconds: 10 })));
    await nextToken();
    await f.service.admin.advanceTime(10_000);
    expect(await f.closed(arn)).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
    const events = await f.history(arn);
    expect(events.at(-2)!.type).toBe('TaskTimedOut');
    expect(events.at(-2)!.taskTimedOutEventDetails).toEqual({ error: 'States.Timeout', resource: 'invoke.waitForTaskToken', resourceType: 'lambda' });
  });
});

describe('activity queue', () => {
  test('a task scheduled before anyone polls waits for the first poll; workerName is in ActivityStarted', async () => {
    const { activityArn } = await f.ops.CreateActivity({ name: 'queued' });
    const sm = await f.machine('ActQueued', { StartAt: 'A', States: { A: { Type: 'Task', Resource: activityArn, End: true } } });
    const a1 = await f.start(sm, { n: 1 });
    const a2 = await f.start(sm, { n: 2 });
    await f.service.admin.advanceTime(30_000);
    const t1 = await f.ops.GetActivityTask({ activityArn, workerName: 'first' });
    const t2 = await f.ops.GetActivityTask({ activityArn, workerName: 'second' });
    expect([JSON.parse(t1.input!), JSON.parse(t2.input!)]).toEqual([{ n: 1 }, { n: 2 }]);
    expect(t1.taskToken).not.toBe(t2.taskToken);
    expect((await f.history(a1))[3]!.activityStartedEventDetails).toEqual({ workerName: 'first' });
    expect((await f.history(a2))[3]!.activityStartedEventDetails).toEqual({ workerName: 'second' });
    await f.ops.SendTaskSuccess({ taskToken: t1.taskToken!, output: '{}' });
    await f.ops.SendTaskSuccess({ taskToken: t2.taskToken!, output: '{}' });
    expect((await f.closed(a1)).status).toBe('SUCCEEDED');
    expect((await f.closed(a2)).status).toBe('SUCCEEDED');
  });

  test('a task whose execution was stopped before a worker took it is not handed out', async () => {
    const { activityArn } = await f.ops.CreateActivity({ name: 'stale' });
    const arn = await f.start(await f.machine('ActStale', { StartAt: 'A', States: { A: { Type: 'Task', Resource: activityArn, End: true } } }));
    await f.ops.StopExecution({ executionArn: arn });
    await f.closed(arn);
    expect(await f.ops.GetActivityTask({ activityArn })).toEqual({});
  });

  test('a task that timed out before a worker took it: ActivityTimedOut after ActivityScheduled, and it is not handed out', async () => {
    const { activityArn } = await f.ops.CreateActivity({ name: 'stale-timeout' });
    const arn = await f.start(await f.machine('ActStaleTimeout', { StartAt: 'A', States: { A: { Type: 'Task', Resource: activityArn, TimeoutSeconds: 5, End: true } } }));
    await f.service.admin.advanceTime(5000);
    expect(await f.closed(arn)).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
    expect(types(await f.history(arn))).toEqual(['ExecutionStarted', 'TaskStateEntered', 'ActivityScheduled', 'ActivityTimedOut', 'ExecutionFailed']);
    expect(await f.ops.GetActivityTask({ activityArn })).toEqual({});
  });
});

describe('wire: request constraints (API reference Length Constraints)', () => {
  const { send, failure } = recordedService();

  test("SendTaskFailure error over 256 characters: ValidationException (API_SendTaskFailure error 'Maximum length of 256')", async () => {
    expect((await failure(send(new SendTaskFailureCommand({ taskToken: 'forged', error: 'e'.repeat(257) })))).name).toBe('ValidationException');
    expect((await failure(send(new SendTaskFailureCommand({ taskToken: 'forged', error: 'e'.repeat(256) })))).name).toBe('InvalidToken');
  });

  test("SendTaskFailure cause over 32768 characters: ValidationException (API_SendTaskFailure cause 'Maximum length of 32768')", async () => {
    expect((await failure(send(new SendTaskFailureCommand({ taskToken: 'forged', cause: 'c'.repeat(32769) })))).name).toBe('ValidationException');
    expect((await failure(send(new SendTaskFailureCommand({ taskToken: 'forged', cause: 'c'.repeat(32768) })))).name).toBe('InvalidToken');
  });

  test("SendTaskSuccess output over 262144 characters: ValidationException (API_SendTaskSuccess output 'Maximum length of 262144')", async () => {
    expect((await failure(send(new SendTaskSuccessCommand({ taskToken: 'forged', output: `"${'o'.repeat(262143)}"` })))).name).toBe('ValidationException');
  });

  test('taskToken empty or over the maximum length: ValidationException', async () => {
    expect((await failure(send(new SendTaskHeartbeatCommand({ taskToken: '' })))).name).toBe('ValidationException');
    expect((await failure(send(new SendTaskHeartbeatCommand({ taskToken: 't'.repeat(2049) })))).name).toBe('ValidationException');
  });

  test("GetActivityTask workerName over 80 characters: ValidationException (API_GetActivityTask workerName 'Maximum length of 80')", async () => {
    const { activityArn } = await send(new CreateActivityCommand({ name: 'wn' }));
    expect((await failure(send(new GetActivityTaskCommand({ activityArn, workerName: 'w'.repeat(81) })))).name).toBe('ValidationException');
  });

  test("CreateActivity again with different tags: same activity, tags not updated (API_CreateActivity: 'tags will not be updated, even if they are different')", async () => {
    const a = await send(new CreateActivityCommand({ name: 'tagged', tags: [{ key: 'k', value: 'v1' }] }));
    const b = await send(new CreateActivityCommand({ name: 'tagged', tags: [{ key: 'k', value: 'v2' }, { key: 'other', value: 'x' }] }));
    expect([b.activityArn, b.creationDate]).toEqual([a.activityArn, a.creationDate]);
    expect((await send(new ListTagsForResourceCommand({ resourceArn: a.activityArn }))).tags).toEqual([{ key: 'k', value: 'v1' }]);
  });
  test('ListActivities pages with maxResults and nextToken, and no longer lists a deleted activity', async () => {
    const names = ['page-a', 'page-b', 'page-c'];
    const arns = [];
    for (const name of names) arns.push((await send(new CreateActivityCommand({ name }))).activityArn!);
    const seen: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await send(new ListActivitiesCommand({ maxResults: 1, nextToken }));
      expect(page.activities!.length).toBeLessThanOrEqual(1);
      seen.push(...page.activities!.map((a) => a.activityArn!));
      nextToken = page.nextToken;
    } while (nextToken);
    for (const arn of arns) expect(seen).toContain(arn);
    await send(new DeleteActivityCommand({ activityArn: arns[1] }));
    const after = (await send(new ListActivitiesCommand({}))).activities!.map((a) => a.activityArn);
    expect(after).not.toContain(arns[1]);
    expect(after).toContain(arns[0]);
  });
});

describe('tokens of tasks that ended without a callback', () => {
  test('a callback in a Parallel branch aborted by its sibling failing: the token is TaskTimedOut afterwards', async () => {
    const arn = await f.start(
      await f.machine('ParAbort', {
        StartAt: 'P',
        States: {
          P: {
            Type: 'Parallel',
            End: true,
            Branches: [
              waitForToken(),
              { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 5, Next: 'F' }, F: { Type: 'Fail', Error: 'Boom', Cause: 'sibling' } } },
            ],
          },
        },
      }),
    );
    const token = await nextToken();
    await f.service.admin.advanceTime(5000);
    expect(await f.closed(arn)).toMatchObject({ status: 'FAILED', error: 'Boom' });
    expect(await refusal(f.ops.SendTaskSuccess({ taskToken: token, output: '{}' }))).toEqual(GONE);
  });

  test('a retried callback gets a new token; the first attempt\'s token is TaskTimedOut, the new one completes the task', async () => {
    const arn = await f.start(await f.machine('RetryToken', waitForToken({ Retry: [{ ErrorEquals: ['Again'], IntervalSeconds: 1, MaxAttempts: 1 }] })));
    const first = await nextToken();
    await f.ops.SendTaskFailure({ taskToken: first, error: 'Again' });
    await f.service.admin.advanceTime(1000);
    const second = await nextToken();
    expect(second).not.toBe(first);
    expect(await refusal(f.ops.SendTaskSuccess({ taskToken: first, output: '{}' }))).toEqual(GONE);
    await f.ops.SendTaskSuccess({ taskToken: second, output: '42' });
    const d = await f.closed(arn);
    expect(d.status).toBe('SUCCEEDED');
    expect(JSON.parse(d.output!)).toBe(42);
  });

  test('an activity failed by SendTaskFailure is caught: the Catch hands on Error and Cause', async () => {
    const { activityArn } = await f.ops.CreateActivity({ name: 'caught' });
    const arn = await f.start(
      await f.machine('ActCatch', { StartAt: 'A', States: { A: { Type: 'Task', Resource: activityArn, Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Done' }], End: true }, Done: { Type: 'Pass', End: true } } }),
    );
    const task = await f.ops.GetActivityTask({ activityArn });
    await f.ops.SendTaskFailure({ taskToken: task.taskToken!, error: 'Bad', cause: 'why' });
    const d = await f.closed(arn);
    expect(d.status).toBe('SUCCEEDED');
    expect(JSON.parse(d.output!)).toEqual({ Error: 'Bad', Cause: 'why' });
  });
});
