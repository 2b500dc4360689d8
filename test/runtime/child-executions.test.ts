import { openFixture, types, type Fixture } from './service-fixture';

let f: Fixture;
beforeEach(async () => {
  f = await openFixture();
});
afterEach(() => f.close());

const parent = (child: string, resource: string) => ({
  StartAt: 'Run',
  States: { Run: { Type: 'Task', Resource: resource, Parameters: { StateMachineArn: child, Input: { 'n.$': '$.n' } }, End: true } },
});

test('.sync:2 waits for the child and returns its description with the output as JSON', async () => {
  const child = await f.machine('Child', { StartAt: 'P', States: { P: { Type: 'Pass', Parameters: { 'doubled.$': 'States.MathAdd($.n, $.n)' }, End: true } } });
  const sm = await f.machine('Parent', parent(child, 'arn:aws:states:::states:startExecution.sync:2'));
  const arn = await f.start(sm, { n: 21 });
  const d = await f.closed(arn);
  expect(d.status).toBe('SUCCEEDED');
  const out = JSON.parse(d.output!);
  expect(out).toMatchObject({ Output: { doubled: 42 }, Input: { n: 21 }, Status: 'SUCCEEDED', StateMachineArn: child });
  expect(typeof out.StartDate).toBe('number');
  expect(types(await f.history(arn))).toEqual(['ExecutionStarted', 'TaskStateEntered', 'TaskScheduled', 'TaskStarted', 'TaskSubmitted', 'TaskSucceeded', 'TaskStateExited', 'ExecutionSucceeded']);
  const children = await f.ops.ListExecutions({ stateMachineArn: child });
  expect(children.executions).toHaveLength(1);
  expect(children.executions![0]!.executionArn).toBe(out.ExecutionArn);
});

test('.sync returns texts; a failed child fails the task with States.TaskFailed', async () => {
  const child = await f.machine('Child', { StartAt: 'F', States: { F: { Type: 'Fail', Error: 'ChildBroke', Cause: 'inside' } } });
  const sm = await f.machine('Parent', parent(child, 'arn:aws:states:::states:startExecution.sync'));
  const d = await f.closed(await f.start(sm, { n: 1 }));
  expect(d).toMatchObject({ status: 'FAILED', error: 'States.TaskFailed' });
  const cause = JSON.parse(d.cause!);
  expect(cause).toMatchObject({ Error: 'ChildBroke', Cause: 'inside', Status: 'FAILED', Input: '{"n":1}' });
});

test('request-response returns as soon as the child started', async () => {
  const child = await f.machine('Child', { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 600, End: true } } });
  const sm = await f.machine('Parent', parent(child, 'arn:aws:states:::states:startExecution'));
  const d = await f.closed(await f.start(sm, { n: 1 }));
  const out = JSON.parse(d.output!);
  expect(Object.keys(out)).toEqual(['ExecutionArn', 'SdkHttpMetadata', 'SdkResponseMetadata', 'StartDate']);
  // Headers as recorded on AWS (localstack test_sfn_task_service.snapshot.json).
  expect(Object.keys(out.SdkHttpMetadata.AllHttpHeaders)).toEqual(['x-amzn-RequestId', 'connection', 'Content-Length', 'Date', 'Content-Type']);
  expect(Object.keys(out.SdkHttpMetadata.HttpHeaders)).toEqual(['connection', 'Content-Length', 'Content-Type', 'Date', 'x-amzn-RequestId']);
  expect(out.SdkHttpMetadata.HttpHeaders.connection).toBe('keep-alive');
  expect(out.SdkResponseMetadata.RequestId).toBe(out.SdkHttpMetadata.HttpHeaders['x-amzn-RequestId']);
  expect((await f.ops.DescribeExecution({ executionArn: out.ExecutionArn })).status).toBe('RUNNING');
});

test('stopping a .sync parent stops its child', async () => {
  const child = await f.machine('Child', { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 600, End: true } } });
  const sm = await f.machine('Parent', parent(child, 'arn:aws:states:::states:startExecution.sync:2'));
  const arn = await f.start(sm, { n: 1 });
  let kids: string[] = [];
  for (let i = 0; i < 200 && kids.length === 0; i++) {
    kids = ((await f.ops.ListExecutions({ stateMachineArn: child })).executions ?? []).map((e) => e.executionArn!);
    await new Promise((r) => setTimeout(r, 5));
  }
  await f.ops.StopExecution({ executionArn: arn });
  const stopped = await f.closed(kids[0]!);
  expect(stopped.status).toBe('ABORTED');
  // No error, and AWS's cause naming the parent (floci-io/floci AslExecutorNestedSyncTimeoutTest, measured).
  expect(stopped.error).toBeUndefined();
  expect(stopped.cause).toBe(`The Task state in AWS Step Functions execution [${arn}] which was managing this resource was aborted`);
});

test('a .sync:2 child that fails: States.TaskFailed, the cause its description with Input as text, keys in alphabetical order (floci-io/floci AslExecutorNestedSyncFailureTest, measured)', async () => {
  const child = await f.machine('Child', { StartAt: 'F', States: { F: { Type: 'Fail', Error: 'Boom' } } });
  const sm = await f.machine('Parent', {
    StartAt: 'Run',
    States: {
      Run: { Type: 'Task', Resource: 'arn:aws:states:::states:startExecution.sync:2', Parameters: { StateMachineArn: child, Input: { k: 1 } }, Catch: [{ ErrorEquals: ['Boom'], Next: 'ByName' }, { ErrorEquals: ['States.TaskFailed'], Next: 'AsTaskFailed' }], End: true },
      ByName: { Type: 'Pass', Result: 'ByName', End: true },
      AsTaskFailed: { Type: 'Pass', End: true },
    },
  });
  const d = await f.closed(await f.start(sm, {}));
  expect(d.status).toBe('SUCCEEDED');
  const caught = JSON.parse(d.output!);
  expect(caught.Error).toBe('States.TaskFailed');
  const cause = JSON.parse(caught.Cause);
  expect(Object.keys(cause)).toEqual(['Error', 'ExecutionArn', 'Input', 'InputDetails', 'Name', 'RedriveCount', 'RedriveStatus', 'StartDate', 'StateMachineArn', 'Status', 'StopDate']);
  expect(cause).toMatchObject({ Error: 'Boom', Input: '{"k":1}', InputDetails: { Included: true }, RedriveCount: 0, RedriveStatus: 'REDRIVABLE', StateMachineArn: child, Status: 'FAILED' });
  expect(typeof cause.StopDate).toBe('number');
});

test.each([
  ['TIMED_OUT', { StartAt: 'W', TimeoutSeconds: 1, States: { W: { Type: 'Wait', Seconds: 10, End: true } } }, {}],
  ['ABORTED', { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 600, End: true } } }, { Error: 'ManualStop', Cause: 'stopped by test' }],
] as const)(
  'a .sync child that ends %s fails the task with States.TaskFailed; the description carries the child error and cause only where it has them (floci-io/floci AslExecutorNestedSyncFailureTest, measured)',
  async (status, childDefinition, errorFields) => {
    const child = await f.machine('Child', childDefinition);
    const sm = await f.machine('Parent', parent(child, 'arn:aws:states:::states:startExecution.sync'));
    const arn = await f.start(sm, { n: 1 });
    if (status === 'TIMED_OUT') {
      // The child's 1 s budget, in service time.
      for (let i = 0; i < 200 && ((await f.ops.ListExecutions({ stateMachineArn: child })).executions ?? []).length === 0; i++) await new Promise((r) => setTimeout(r, 5));
      await f.service.admin.advanceTime(1000);
    }
    if (status === 'ABORTED') {
      let kids: string[] = [];
      for (let i = 0; i < 200 && kids.length === 0; i++) {
        kids = ((await f.ops.ListExecutions({ stateMachineArn: child })).executions ?? []).map((e) => e.executionArn!);
        await new Promise((r) => setTimeout(r, 5));
      }
      await f.ops.StopExecution({ executionArn: kids[0]!, error: 'ManualStop', cause: 'stopped by test' });
    }
    const d = await f.closed(arn);
    expect(d).toMatchObject({ status: 'FAILED', error: 'States.TaskFailed' });
    const cause = JSON.parse(d.cause!);
    expect(cause.Status).toBe(status);
    expect({ Error: cause.Error, Cause: cause.Cause }).toEqual({ Error: undefined, Cause: undefined, ...errorFields });
    expect(cause.Input).toBe('{"n":1}');
  },
);
