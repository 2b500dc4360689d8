import { fn, openFixture, types, type Fixture } from './service-fixture';
import { clearTokens, nextToken } from './received-tokens';

// SendTaskFailure with an error and no cause. The API makes both optional ("cause … Required: No",
// https://docs.aws.amazon.com/step-functions/latest/apireference/API_SendTaskFailure.html), and
// TaskFailedEventDetails and ActivityFailedEventDetails mark cause "Required: No". AWS leaves an
// absent field out of the event rather than writing "" (test_sqs_failure_in_wait_for_task_tok_no_error_field,
// recorded: TaskFailed carries neither key when neither was sent), so the cause stays absent here:
// in the Failed event, in ExecutionFailed and in DescribeExecution.

let f: Fixture;
beforeEach(async () => {
  clearTokens();
  f = await openFixture();
});
afterEach(() => f.close());


test('a callback failed with an error and no cause: TaskFailed and ExecutionFailed carry the error and no cause key', async () => {
  const sm = await f.machine('ErrorOnly', {
    StartAt: 'Ask',
    States: { Ask: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken', Parameters: { FunctionName: fn('tokens'), Payload: { 'token.$': '$$.Task.Token' } }, End: true } },
  });
  const arn = await f.start(sm);
  await f.ops.SendTaskFailure({ taskToken: await nextToken(), error: 'Rejected' });
  const d = await f.closed(arn);
  expect(d).toMatchObject({ status: 'FAILED', error: 'Rejected' });
  expect(d).not.toHaveProperty('cause');
  const events = await f.history(arn);
  expect(types(events).slice(-2)).toEqual(['TaskFailed', 'ExecutionFailed']);
  expect(events.at(-2)!.taskFailedEventDetails).toEqual({ resourceType: 'lambda', resource: 'invoke.waitForTaskToken', error: 'Rejected' });
  expect(events.at(-1)!.executionFailedEventDetails).toEqual({ error: 'Rejected' });
});

test('an activity failed with an error and no cause: ActivityFailed and ExecutionFailed carry the error and no cause key', async () => {
  const { activityArn } = await f.ops.CreateActivity({ name: 'error-only' });
  const sm = await f.machine('ActErrorOnly', { StartAt: 'A', States: { A: { Type: 'Task', Resource: activityArn, End: true } } });
  const polling = f.ops.GetActivityTask({ activityArn, workerName: 'w1' });
  const arn = await f.start(sm);
  const { taskToken } = await polling;
  await f.ops.SendTaskFailure({ taskToken: taskToken!, error: 'Rejected' });
  const d = await f.closed(arn);
  expect(d).toMatchObject({ status: 'FAILED', error: 'Rejected' });
  expect(d).not.toHaveProperty('cause');
  const events = await f.history(arn);
  expect(types(events).slice(-2)).toEqual(['ActivityFailed', 'ExecutionFailed']);
  expect(events.at(-2)!.activityFailedEventDetails).toEqual({ error: 'Rejected' });
  expect(events.at(-1)!.executionFailedEventDetails).toEqual({ error: 'Rejected' });
});
