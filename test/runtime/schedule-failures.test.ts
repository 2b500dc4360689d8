import { fn, openFixture, types, type Fixture } from './service-fixture';

/**
 * Tasks the local service cannot even begin: the integration reports where it failed (schedule,
 * start or submit) and the history records the matching *ScheduleFailed / *StartFailed /
 * TaskSubmitFailed event, with Retry and Catch applying as to any task failure.
 */

let f: Fixture;
beforeEach(async () => {
  f = await openFixture();
});
afterEach(() => f.close());

const REQUEST_ID = '[0-9a-f-]{36}';

test('a function ARN that names no function: LambdaFunctionScheduled, LambdaFunctionStarted, then LambdaFunctionFailed with Lambda.ResourceNotFoundException (AWS Step Functions Local\'s history, codetheweb/serverless-step-functions-local#3)', async () => {
  const sm = await f.machine('Gone', { StartAt: 'T', States: { T: { Type: 'Task', Resource: fn('missing'), End: true } } });
  const arn = await f.start(sm, { a: 1 });
  const d = await f.closed(arn);
  expect(d).toMatchObject({ status: 'FAILED', error: 'Lambda.ResourceNotFoundException' });
  expect(d.cause).toMatch(new RegExp(`^Function not found: ${fn('missing')} \\(Service: AWSLambda; Status Code: 404; Error Code: ResourceNotFoundException; Request ID: ${REQUEST_ID}; Proxy: null\\)$`));
  const events = await f.history(arn);
  expect(types(events)).toEqual(['ExecutionStarted', 'TaskStateEntered', 'LambdaFunctionScheduled', 'LambdaFunctionStarted', 'LambdaFunctionFailed', 'ExecutionFailed']);
  expect(events[4]!.lambdaFunctionFailedEventDetails).toEqual({ error: 'Lambda.ResourceNotFoundException', cause: d.cause });
  expect(events[4]!.previousEventId).toBe(4);
});

test('a missing function is retried and caught like any task failure', async () => {
  const sm = await f.machine('Retried', {
    StartAt: 'T',
    States: {
      T: { Type: 'Task', Resource: fn('missing'), Retry: [{ ErrorEquals: ['Lambda.ResourceNotFoundException'], MaxAttempts: 1, IntervalSeconds: 1 }], Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Handled' }], End: true },
      Handled: { Type: 'Pass', End: true },
    },
  });
  const arn = await f.start(sm, {});
  await f.service.admin.advanceTime(1000);
  const d = await f.closed(arn);
  expect(d.status).toBe('SUCCEEDED');
  expect(JSON.parse(d.output!).error.Error).toBe('Lambda.ResourceNotFoundException');
  expect(types(await f.history(arn))).toEqual([
    'ExecutionStarted', 'TaskStateEntered', 'LambdaFunctionScheduled', 'LambdaFunctionStarted', 'LambdaFunctionFailed', 'LambdaFunctionScheduled', 'LambdaFunctionStarted', 'LambdaFunctionFailed', 'TaskStateExited', 'PassStateEntered', 'PassStateExited', 'ExecutionSucceeded',
  ]);
});

test('lambda:invoke of a missing function stays the task\'s own failure (TaskFailed): the Invoke call itself failed', async () => {
  const sm = await f.machine('Invoke', { StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'missing' }, End: true } } });
  const arn = await f.start(sm, {});
  expect((await f.closed(arn)).error).toBe('Lambda.ResourceNotFoundException');
  const events = await f.history(arn);
  // The Invoke call is made after the task started (localstack test_task_service_lambda.snapshot.json, recorded on AWS).
  expect(types(events)).toEqual(['ExecutionStarted', 'TaskStateEntered', 'TaskScheduled', 'TaskStarted', 'TaskFailed', 'ExecutionFailed']);
  expect(events[4]!.taskFailedEventDetails).toMatchObject({ resourceType: 'lambda', resource: 'invoke', error: 'Lambda.ResourceNotFoundException' });
});

test('an activity that does not exist: the execution fails with States.Runtime right after the state is entered, nothing scheduled (localstack test_activities snapshot, recorded on AWS)', async () => {
  const activityArn = 'arn:aws:states:us-east-1:123456789012:activity:never-created';
  const sm = await f.machine('NoActivity', { StartAt: 'T', States: { T: { Type: 'Task', Resource: activityArn, Catch: [{ ErrorEquals: ['States.ALL'], Next: 'P' }], End: true }, P: { Type: 'Pass', End: true } } });
  const arn = await f.start(sm, {});
  const cause = `An error occurred while executing the state 'T' (entered at the event id #2). The activity ${activityArn} does not exist.`;
  expect(await f.closed(arn)).toMatchObject({ status: 'FAILED', error: 'States.Runtime', cause });
  const events = await f.history(arn);
  expect(types(events)).toEqual(['ExecutionStarted', 'TaskStateEntered', 'ExecutionFailed']);
  expect(events[2]).toMatchObject({ previousEventId: 2, executionFailedEventDetails: { error: 'States.Runtime', cause } });
});

test('an activity deleted while an execution waits on it: what was scheduled stays scheduled, and a replay from the store decides the same', async () => {
  await f.close();
  f = await openFixture({ maxLiveExecutions: 1 });
  const { activityArn } = await f.ops.CreateActivity({ name: 'soon-gone' });
  const first = { Type: 'Task', Resource: activityArn!, TimeoutSeconds: 5, Catch: [{ ErrorEquals: ['States.Timeout'], Next: 'Again' }], Next: 'Again' };
  const sm = await f.machine('Deleted', { StartAt: 'First', States: { First: first, Again: { Type: 'Task', Resource: activityArn!, End: true } } });
  const arn = await f.start(sm, {});
  await f.ops.DeleteActivity({ activityArn: activityArn! });
  // Another execution pushes this one out of memory: its next input replays the stored ones first.
  await f.start(await f.machine('Other', { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 60, End: true } } }), {});
  await f.service.admin.advanceTime(6000);
  const events = await f.history(arn);
  expect(types(events)).toEqual(['ExecutionStarted', 'TaskStateEntered', 'ActivityScheduled', 'ActivityTimedOut', 'TaskStateExited', 'TaskStateEntered', 'ExecutionFailed']);
  expect((await f.closed(arn)).cause).toBe(`An error occurred while executing the state 'Again' (entered at the event id #6). The activity ${activityArn} does not exist.`);
});

test.each(['arn:aws:states:::states:startExecution.sync', 'arn:aws:states:::states:startExecution.sync:2'])(
  '%s of a state machine that does not exist: TaskStarted, then TaskSubmitFailed, which Catch takes',
  async (resource) => {
    const missing = 'arn:aws:states:us-east-1:123456789012:stateMachine:Nope';
    const sm = await f.machine('Parent', {
      StartAt: 'T',
      States: { T: { Type: 'Task', Resource: resource, Parameters: { StateMachineArn: missing }, Catch: [{ ErrorEquals: ['StepFunctions.StateMachineDoesNotExistException'], Next: 'P' }], End: true }, P: { Type: 'Pass', End: true } },
    });
    const arn = await f.start(sm, {});
    const d = await f.closed(arn);
    expect(d.status).toBe('SUCCEEDED');
    const events = await f.history(arn);
    expect(types(events)).toEqual(['ExecutionStarted', 'TaskStateEntered', 'TaskScheduled', 'TaskStarted', 'TaskSubmitFailed', 'TaskStateExited', 'PassStateEntered', 'PassStateExited', 'ExecutionSucceeded']);
    const details = events[4]!.taskSubmitFailedEventDetails!;
    expect(details).toMatchObject({ resourceType: 'states', resource: resource.split(':').slice(6).join(':'), error: 'StepFunctions.StateMachineDoesNotExistException' });
    expect(details.cause).toMatch(new RegExp(`^State Machine Does Not Exist: '${missing}' \\(Service: AWSStepFunctions; Status Code: 400; Error Code: StateMachineDoesNotExist; Request ID: ${REQUEST_ID}; Proxy: null\\)$`));
  },
);

test('request-response startExecution of a state machine that does not exist: TaskStarted, then TaskFailed (localstack test_task_service_sfn.snapshot.json, recorded on AWS)', async () => {
  const sm = await f.machine('Plain', { StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::states:startExecution', Parameters: { StateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:Nope' }, End: true } } });
  const arn = await f.start(sm, {});
  expect((await f.closed(arn)).error).toBe('StepFunctions.StateMachineDoesNotExistException');
  const events = await f.history(arn);
  expect(types(events)).toEqual(['ExecutionStarted', 'TaskStateEntered', 'TaskScheduled', 'TaskStarted', 'TaskFailed', 'ExecutionFailed']);
  expect(events[3]!.taskStartedEventDetails).toEqual({ resourceType: 'states', resource: 'startExecution' });
  expect(events[4]!.taskFailedEventDetails).toMatchObject({ resourceType: 'states', resource: 'startExecution', error: 'StepFunctions.StateMachineDoesNotExistException' });
  expect(events[4]!.taskFailedEventDetails!.cause).toMatch(
    new RegExp(`^State Machine Does Not Exist: 'arn:aws:states:us-east-1:123456789012:stateMachine:Nope' \\(Service: AWSStepFunctions; Status Code: 400; Error Code: StateMachineDoesNotExist; Request ID: ${REQUEST_ID}; Proxy: null\\)$`),
  );
});
