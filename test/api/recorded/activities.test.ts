import {
  CreateActivityCommand,
  DeleteActivityCommand,
  DescribeActivityCommand,
  GetActivityTaskCommand,
  GetExecutionHistoryCommand,
  SendTaskFailureCommand,
  SendTaskHeartbeatCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import { recordedService } from './recorded-service';

// Activities and their workers: answers recorded on AWS, through the SDK against the real runtime.

const { send, create, failure, finished } = recordedService();

describe('activities (test_sfn_api_activities.snapshot.json)', () => {
  test('CreateActivity is idempotent; a deleted activity does not exist for Describe or GetActivityTask; deleting twice succeeds', async () => {
    const a = await send(new CreateActivityCommand({ name: 'activity_name' }));
    const again = await send(new CreateActivityCommand({ name: 'activity_name' }));
    expect([again.activityArn, again.creationDate]).toEqual([a.activityArn, a.creationDate]);
    expect(await send(new DescribeActivityCommand({ activityArn: a.activityArn }))).toMatchObject({ activityArn: a.activityArn, name: 'activity_name', creationDate: a.creationDate });
    await send(new DeleteActivityCommand({ activityArn: a.activityArn }));
    await send(new DeleteActivityCommand({ activityArn: a.activityArn }));
    const gone = { name: 'ActivityDoesNotExist', message: `Activity Does Not Exist: '${a.activityArn}'` };
    expect(await failure(send(new DescribeActivityCommand({ activityArn: a.activityArn })))).toEqual(gone);
    expect(await failure(send(new GetActivityTaskCommand({ activityArn: a.activityArn })))).toEqual(gone);
  });

  test('a worker takes the task and reports: the history names the worker, or carries empty details without one (test_activities.snapshot.json)', async () => {
    const { activityArn } = await send(new CreateActivityCommand({ name: 'worked' }));
    const definition = JSON.stringify({ StartAt: 'ActivityTask', States: { ActivityTask: { Type: 'Task', Resource: activityArn, End: true } } });
    const { stateMachineArn } = await create('activity-run', definition);
    const input = '{"Value1":"Hello","Value2":"World"}';
    const run = async (workerName: string | undefined, report: (taskToken: string) => Promise<unknown>) => {
      const { executionArn } = await send(new StartExecutionCommand({ stateMachineArn, input }));
      const task = await send(new GetActivityTaskCommand({ activityArn, ...(workerName ? { workerName } : {}) }));
      expect(task.input).toBe(input);
      await report(task.taskToken!);
      await finished(executionArn!);
      return (await send(new GetExecutionHistoryCommand({ executionArn }))).events!;
    };
    const named = await run('BASE_ID_ACTIVITY_CONSUMER', (taskToken) => send(new SendTaskSuccessCommand({ taskToken, output: input })));
    expect(named.map((e) => e.type)).toEqual(['ExecutionStarted', 'TaskStateEntered', 'ActivityScheduled', 'ActivityStarted', 'ActivitySucceeded', 'TaskStateExited', 'ExecutionSucceeded']);
    expect(named[2]!.activityScheduledEventDetails).toEqual({ input, inputDetails: { truncated: false }, resource: activityArn });
    expect(named[3]!.activityStartedEventDetails).toEqual({ workerName: 'BASE_ID_ACTIVITY_CONSUMER' });
    const anonymous = await run(undefined, (taskToken) => send(new SendTaskFailureCommand({ taskToken, error: 'Programmatic Error', cause: input })));
    expect(anonymous[3]!.activityStartedEventDetails).toEqual({});
    expect(anonymous.slice(4).map((e) => [e.type, e.activityFailedEventDetails ?? e.executionFailedEventDetails])).toEqual([
      ['ActivityFailed', { error: 'Programmatic Error', cause: input }],
      ['ExecutionFailed', { error: 'Programmatic Error', cause: input }],
    ]);
  });

  test("a token whose task is over: TaskTimedOut 'Provided task does not exist anymore' (AWS's answer quoted in andybalham/blog-task-tokens-part-2)", async () => {
    const { activityArn } = await send(new CreateActivityCommand({ name: 'stopped-worker' }));
    const { stateMachineArn } = await create('activity-stopped', JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Task', Resource: activityArn, End: true } } }));
    const { executionArn } = await send(new StartExecutionCommand({ stateMachineArn }));
    const { taskToken } = await send(new GetActivityTaskCommand({ activityArn }));
    await send(new StopExecutionCommand({ executionArn }));
    expect(await failure(send(new SendTaskSuccessCommand({ taskToken, output: '{}' })))).toEqual({ name: 'TaskTimedOut', message: "Task Timed Out: 'Provided task does not exist anymore'" });
    expect((await failure(send(new SendTaskHeartbeatCommand({ taskToken })))).name).toBe('TaskTimedOut');
  });

  test('an activity name with a space or a dollar sign: InvalidName', async () => {
    expect(await failure(send(new CreateActivityCommand({ name: 'TestActivity InvalidName$' })))).toEqual({ name: 'InvalidName', message: "Invalid Name: 'TestActivity InvalidName$'" });
  });
});
