import { CreateActivityCommand, CreateStateMachineCommand, GetActivityTaskCommand, SendTaskSuccessCommand, StartExecutionCommand, StopExecutionCommand } from '@aws-sdk/client-sfn';
import { wireService } from './wire-service';

// GET /_sagaflow/waiting-tasks in front of the real runtime: the tasks of an execution that wait
// with a task token, as `sagaflow tasks` and `send-task-success --execution` read them.

const wire = wireService({ start: Date.UTC(2024, 5, 1) });
const ROLE = 'arn:aws:iam::123456789012:role/sagaflow';

type Answer = { status: number; body: { tasks?: Array<Record<string, string | boolean>>; error?: string; message?: string } };
const waitingTasks = async (query: string): Promise<Answer> => {
  const res = await fetch(`${wire.url}/_sagaflow/waiting-tasks${query}`);
  return { status: res.status, body: (await res.json()) as Answer['body'] };
};

async function until<T>(read: () => Promise<T>, done: (v: T) => boolean): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const v = await read();
    if (done(v)) return v;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('gave up waiting');
}

test('a callback and an activity: listed with state, resource and token, and gone once completed', async () => {
  const child = await wire.client.send(new CreateStateMachineCommand({ name: 'child', roleArn: ROLE, definition: JSON.stringify({ StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 3600, End: true } } }) }));
  const { activityArn } = await wire.client.send(new CreateActivityCommand({ name: 'review' }));
  const callback = 'arn:aws:states:::states:startExecution.waitForTaskToken';
  const definition = {
    StartAt: 'Both',
    States: {
      Both: {
        Type: 'Parallel',
        End: true,
        Branches: [
          { StartAt: 'Approve', States: { Approve: { Type: 'Task', Resource: callback, Parameters: { StateMachineArn: child.stateMachineArn, Input: { 'token.$': '$$.Task.Token' } }, End: true } } },
          { StartAt: 'Review', States: { Review: { Type: 'Task', Resource: activityArn, End: true } } },
        ],
      },
    },
  };
  const { stateMachineArn } = await wire.client.send(new CreateStateMachineCommand({ name: 'parent', roleArn: ROLE, definition: JSON.stringify(definition) }));
  const { executionArn } = await wire.client.send(new StartExecutionCommand({ stateMachineArn, name: 'p1' }));
  const q = `?executionArn=${encodeURIComponent(executionArn!)}`;

  const both = await until(() => waitingTasks(q), (a) => a.body.tasks?.length === 2);
  expect(both.status).toBe(200);
  const [approve, review] = both.body.tasks!;
  expect(approve).toEqual({ taskToken: expect.stringMatching(/^[A-Za-z0-9_-]{22,}$/), stateName: 'Approve', resource: callback, waitsFor: 'callback' });
  // As on AWS, an activity's token is handed out by GetActivityTask only: none before a worker took it.
  expect(review).toEqual({ stateName: 'Review', resource: activityArn, waitsFor: 'activity', started: false });

  await wire.client.send(new SendTaskSuccessCommand({ taskToken: String(approve.taskToken), output: '{"approved":true}' }));
  const worker = await wire.client.send(new GetActivityTaskCommand({ activityArn, workerName: 'w' }));
  const left = await until(() => waitingTasks(q), (a) => a.body.tasks?.length === 1 && a.body.tasks[0].started === true);
  expect(left.body.tasks).toEqual([{ taskToken: worker.taskToken, stateName: 'Review', resource: activityArn, waitsFor: 'activity', started: true }]);

  await wire.client.send(new StopExecutionCommand({ executionArn }));
  expect(await waitingTasks(q)).toEqual({ status: 200, body: { tasks: [] } });
});

test('an unknown execution, and a request without one: 400s that say so', async () => {
  const missing = 'arn:aws:states:us-east-1:123456789012:execution:parent:nope';
  expect(await waitingTasks(`?executionArn=${encodeURIComponent(missing)}`)).toEqual({ status: 400, body: { error: 'ExecutionDoesNotExist', message: `Execution Does Not Exist: '${missing}'` } });
  expect(await waitingTasks('')).toEqual({ status: 400, body: { error: 'InvalidRequest', message: "Give the execution as '?executionArn=ARN'." } });
});

test('odd query strings get an answer, and the service keeps serving', async () => {
  const arn = 'arn:aws:states:us-east-1:123456789012:execution:parent:nope';
  const odd = ['?executionArn=', '?executionArn', '?executionArn=%E0%A4%A', `?executionArn=${encodeURIComponent(arn)}&executionArn=x`, `?x=1&executionArn=${'a'.repeat(10_000)}`, '?=&&=', `?executionArn=${encodeURIComponent(`${arn}?a=b#c`)}`];
  for (const q of odd) {
    const answer = await waitingTasks(q);
    expect(answer.status).toBe(400);
    expect(['InvalidRequest', 'ExecutionDoesNotExist']).toContain(answer.body.error);
  }
  expect((await fetch(`${wire.url}/_sagaflow/health`)).status).toBe(200);
});
