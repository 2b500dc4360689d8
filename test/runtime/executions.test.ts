import { openFixture, types, type Fixture } from './service-fixture';

const chain = {
  StartAt: 'A',
  States: {
    A: { Type: 'Pass', Parameters: { 'order.$': '$.id', 'n.$': 'States.MathAdd($.n, 1)' }, ResultPath: '$.a', Next: 'B' },
    B: { Type: 'Pass', Result: 'done', ResultPath: '$.b', End: true },
  },
};

let f: Fixture;
beforeEach(async () => {
  f = await openFixture();
});
afterEach(() => f.close());

test('an execution runs to SUCCEEDED; describe, list and history answer as AWS does', async () => {
  const sm = await f.machine('Chain', chain);
  expect(sm).toBe('arn:aws:states:us-east-1:123456789012:stateMachine:Chain');
  const arn = await f.start(sm, { id: 'o-1', n: 41 }, 'first');
  expect(arn).toBe('arn:aws:states:us-east-1:123456789012:execution:Chain:first');
  const d = await f.closed(arn);
  expect(d).toMatchObject({ status: 'SUCCEEDED', name: 'first', stateMachineArn: sm, redriveCount: 0, redriveStatus: 'NOT_REDRIVABLE', redriveStatusReason: 'Execution is SUCCEEDED and cannot be redriven' });
  expect(JSON.parse(d.output!)).toEqual({ id: 'o-1', n: 41, a: { order: 'o-1', n: 42 }, b: 'done' });
  expect(d.startDate).toBeInstanceOf(Date);
  expect(d.stopDate!.getTime()).toBeGreaterThanOrEqual(d.startDate!.getTime());
  const events = await f.history(arn);
  expect(types(events)).toEqual(['ExecutionStarted', 'PassStateEntered', 'PassStateExited', 'PassStateEntered', 'PassStateExited', 'ExecutionSucceeded']);
  expect(events.map((e) => e.id)).toEqual([1, 2, 3, 4, 5, 6]);
  expect(events[0]!.timestamp).toBeInstanceOf(Date);
  const list = await f.ops.ListExecutions({ stateMachineArn: sm });
  expect(list.executions?.map((e) => [e.name, e.status])).toEqual([['first', 'SUCCEEDED']]);
});

test('history pages forward and backward, and can leave out execution data', async () => {
  const sm = await f.machine('Chain', chain);
  const arn = await f.start(sm, { id: 'x', n: 1 });
  await f.closed(arn);
  const first = await f.ops.GetExecutionHistory({ executionArn: arn, maxResults: 4 });
  expect(first.events!.map((e) => e.id)).toEqual([1, 2, 3, 4]);
  const second = await f.ops.GetExecutionHistory({ executionArn: arn, maxResults: 4, nextToken: first.nextToken });
  expect(second.events!.map((e) => e.id)).toEqual([5, 6]);
  expect(second.nextToken).toBeUndefined();
  const reversed = await f.ops.GetExecutionHistory({ executionArn: arn, maxResults: 2, reverseOrder: true });
  expect(reversed.events!.map((e) => e.id)).toEqual([6, 5]);
  const more = await f.ops.GetExecutionHistory({ executionArn: arn, maxResults: 2, reverseOrder: true, nextToken: reversed.nextToken });
  expect(more.events!.map((e) => e.id)).toEqual([4, 3]);
  const bare = await f.ops.GetExecutionHistory({ executionArn: arn, includeExecutionData: false });
  expect(bare.events![0]!.executionStartedEventDetails).toEqual({ inputDetails: { truncated: false }, roleArn: 'arn:aws:iam::123456789012:role/test' });
  await expect(f.ops.GetExecutionHistory({ executionArn: arn, nextToken: '!!' })).rejects.toMatchObject({ code: 'InvalidToken' });
});

test('a same-name start of a RUNNING execution with the same input returns it; otherwise ExecutionAlreadyExists', async () => {
  const sm = await f.machine('Waits', { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 60, End: true } } });
  const a = await f.ops.StartExecution({ stateMachineArn: sm, name: 'n1', input: '{"k":1}' });
  const b = await f.ops.StartExecution({ stateMachineArn: sm, name: 'n1', input: '{"k":1}' });
  expect(b).toEqual(a);
  await expect(f.ops.StartExecution({ stateMachineArn: sm, name: 'n1', input: '{"k":2}' })).rejects.toMatchObject({ code: 'ExecutionAlreadyExists', message: `Execution Already Exists: '${a.executionArn}'` });
  await f.service.admin.advanceTime(60_000);
  expect((await f.closed(a.executionArn!)).status).toBe('SUCCEEDED');
  await expect(f.ops.StartExecution({ stateMachineArn: sm, name: 'n1', input: '{"k":1}' })).rejects.toMatchObject({ code: 'ExecutionAlreadyExists' });
});

test('bad requests get AWS error names and the service keeps serving', async () => {
  const sm = await f.machine('Chain', chain);
  await expect(f.ops.StartExecution({ stateMachineArn: sm, input: '{not json' })).rejects.toMatchObject({ code: 'InvalidExecutionInput' });
  await expect(f.ops.StartExecution({ stateMachineArn: sm, name: 'has space' })).rejects.toMatchObject({ code: 'InvalidName' });
  await expect(f.ops.StartExecution({ stateMachineArn: `${sm}-nope` })).rejects.toMatchObject({ code: 'StateMachineDoesNotExist' });
  await expect(f.ops.StartExecution({ stateMachineArn: 'arn:aws:lambda:us-east-1:123456789012:function:x' })).rejects.toMatchObject({ code: 'InvalidArn' });
  await expect(f.ops.DescribeExecution({ executionArn: 'arn:aws:states:us-east-1:123456789012:execution:Chain:none' })).rejects.toMatchObject({
    code: 'ExecutionDoesNotExist',
    message: "Execution Does Not Exist: 'arn:aws:states:us-east-1:123456789012:execution:Chain:none'",
  });
  await expect(f.ops.DescribeExecution({ executionArn: 'not-an-arn' })).rejects.toMatchObject({ code: 'InvalidArn' });
  const arn = await f.start(sm, { id: 'still', n: 0 });
  expect((await f.closed(arn)).status).toBe('SUCCEEDED');
});

test('StopExecution aborts a running execution with its error and cause; a Fail state makes it redrivable', async () => {
  const sm = await f.machine('Waits', { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 600, End: true } } });
  const arn = await f.start(sm);
  const stopped = await f.ops.StopExecution({ executionArn: arn, error: 'Operator', cause: 'no longer needed' });
  expect(stopped.stopDate).toBeInstanceOf(Date);
  const d = await f.closed(arn);
  expect(d).toMatchObject({ status: 'ABORTED', error: 'Operator', cause: 'no longer needed', redriveStatus: 'REDRIVABLE' });
  expect(types(await f.history(arn)).slice(-1)).toEqual(['ExecutionAborted']);
  // Stopping a closed execution changes nothing.
  await f.ops.StopExecution({ executionArn: arn });
  expect((await f.ops.DescribeExecution({ executionArn: arn })).status).toBe('ABORTED');
});

test('RedriveExecution re-runs a failed execution from the failed state', async () => {
  const sm = await f.machine('Flaky', {
    StartAt: 'Count',
    States: {
      Count: { Type: 'Pass', Next: 'T' },
      T: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:flaky', End: true },
    },
  });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('./fixtures/flaky').reset();
  const arn = await f.start(sm, { key: 'k' });
  expect((await f.closed(arn)).status).toBe('FAILED');
  // The function fails twice, then succeeds: two redrives.
  await f.ops.RedriveExecution({ executionArn: arn });
  expect((await f.closed(arn)).status).toBe('FAILED');
  const redriven = await f.ops.RedriveExecution({ executionArn: arn });
  expect(redriven.redriveDate).toBeInstanceOf(Date);
  const d = await f.closed(arn);
  expect(d).toMatchObject({ status: 'SUCCEEDED', redriveCount: 2 });
  expect(JSON.parse(d.output!)).toEqual({ calls: 3, key: 'k' });
  const events = types(await f.history(arn));
  expect(events.filter((t) => t === 'ExecutionRedriven')).toHaveLength(2);
  expect(events.filter((t) => t === 'PassStateEntered')).toHaveLength(1);
  await expect(f.ops.RedriveExecution({ executionArn: arn })).rejects.toMatchObject({ code: 'ExecutionNotRedrivable' });
});
