import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HistoryEvent } from '@aws-sdk/client-sfn';
import { drive } from '../engine/core/engine-driver';
import { fn, openFixture, START, types, type Fixture } from './service-fixture';
import { clearTokens, nextToken } from './received-tokens';

// Callbacks as localstack's test_callback and test_heartbeats snapshots recorded them on AWS
// (tests/aws/services/stepfunctions/v2/callback/test_callback.snapshot.json,
// tests/aws/services/stepfunctions/v2/timeouts/test_heartbeats.snapshot.json).

let f: Fixture;
beforeEach(async () => {
  clearTokens();
  f = await openFixture();
});
afterEach(() => f.close());


const chain = (events: HistoryEvent[]) => events.map((e) => [e.id, e.type, e.previousEventId]);

/** The recorded templates' Task, with lambda:invoke standing in for SQS, which the local service does not run. */
const sendWithWait = {
  Type: 'Task',
  Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
  Parameters: { FunctionName: fn('tokens'), Payload: { 'Context.$': '$', 'token.$': '$$.Task.Token' } },
};
const catchers = [
  { ErrorEquals: ['States.Runtime'], ResultPath: '$.states_runtime_error', Next: 'CaughtRuntimeError' },
  { ErrorEquals: ['States.ALL'], ResultPath: '$.states_all_error', Next: 'CaughtStatesALL' },
];
const caughtStates = { CaughtRuntimeError: { Type: 'Pass', End: true }, CaughtStatesALL: { Type: 'Pass', End: true } };
const input = { QueueUrl: 'q', Message: 'test_message_txt' };
const caughtOutput = { ...input, states_all_error: { Error: null, Cause: null } };

/** Starts `sm`, fails its callback with SendTaskFailure naming neither error nor cause, checks the catch handed on both as null, and returns the history. */
async function failedUnnamedAndCaught(sm: string): Promise<HistoryEvent[]> {
  const arn = await f.start(sm, input);
  await f.ops.SendTaskFailure({ taskToken: await nextToken() });
  const d = await f.closed(arn);
  expect(d.status).toBe('SUCCEEDED');
  expect(JSON.parse(d.output!)).toEqual(caughtOutput);
  return f.history(arn);
}

describe('SendTaskFailure with neither error nor cause (test_sqs_failure_in_wait_for_task_tok_no_error_field, recorded 29-04-2024)', () => {
  test('TaskFailed carries no error or cause; States.ALL catches it and hands on {"Error": null, "Cause": null}', async () => {
    const sm = await f.machine('NoErrorCatch', { StartAt: 'SendMessageWithWait', States: { SendMessageWithWait: { ...sendWithWait, Catch: catchers, End: true }, ...caughtStates } });
    const events = await failedUnnamedAndCaught(sm);
    expect(types(events)).toEqual([
      'ExecutionStarted', 'TaskStateEntered', 'TaskScheduled', 'TaskStarted', 'TaskSubmitted', 'TaskFailed', 'TaskStateExited', 'PassStateEntered', 'PassStateExited', 'ExecutionSucceeded',
    ]);
    expect(events[5]!.taskFailedEventDetails).toEqual({ resourceType: 'lambda', resource: 'invoke.waitForTaskToken' });
    expect(events[6]!.stateExitedEventDetails!.output).toBe(JSON.stringify(caughtOutput));
    expect(events[7]!.stateEnteredEventDetails!.name).toBe('CaughtStatesALL');
  });

  test('inside a Parallel: TaskFailed, then TaskStateAborted and ParallelStateFailed both linked to it; the Parallel catches {"Error": null, "Cause": null}', async () => {
    const sm = await f.machine('NoErrorParallel', {
      StartAt: 'ParallelJob',
      States: {
        ParallelJob: { Type: 'Parallel', Branches: [{ StartAt: 'SendMessageWithWait', States: { SendMessageWithWait: { ...sendWithWait, End: true } } }], Catch: catchers, End: true },
        ...caughtStates,
      },
    });
    const events = await failedUnnamedAndCaught(sm);
    expect(chain(events)).toEqual([
      [1, 'ExecutionStarted', 0],
      [2, 'ParallelStateEntered', 0],
      [3, 'ParallelStateStarted', 2],
      [4, 'TaskStateEntered', 3],
      [5, 'TaskScheduled', 4],
      [6, 'TaskStarted', 5],
      [7, 'TaskSubmitted', 6],
      [8, 'TaskFailed', 7],
      [9, 'TaskStateAborted', 8],
      [10, 'ParallelStateFailed', 8],
      [11, 'ParallelStateExited', 10],
      [12, 'PassStateEntered', 11],
      [13, 'PassStateExited', 12],
      [14, 'ExecutionSucceeded', 13],
    ]);
    expect(events[7]!.taskFailedEventDetails).toEqual({ resourceType: 'lambda', resource: 'invoke.waitForTaskToken' });
    // TaskStateAborted and ParallelStateFailed carry no details.
    for (const i of [8, 9]) expect(Object.keys(events[i]!).sort()).toEqual(['id', 'previousEventId', 'timestamp', 'type']);
    expect(events[10]!.stateExitedEventDetails!.output).toBe(JSON.stringify(caughtOutput));
  });
});

test('a .waitForTaskToken task whose parameters hold no token is accepted and run; nobody can answer, TimeoutSeconds 5 ends it (test_sqs_wait_for_task_token_no_token_parameter, recorded 22-04-2024)', async () => {
  const sm = await f.machine('NoToken', {
    StartAt: 'State1',
    States: { State1: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken', TimeoutSeconds: 5, Parameters: { FunctionName: fn('echo'), Payload: { 'Context.$': '$' } }, End: true } },
  });
  const arn = await f.start(sm, { QueueUrl: 'q' });
  await f.service.admin.advanceTime(5000);
  const d = await f.closed(arn);
  expect(d).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
  expect(d).not.toHaveProperty('cause');
  const events = await f.history(arn);
  expect(types(events)).toEqual(['ExecutionStarted', 'TaskStateEntered', 'TaskScheduled', 'TaskStarted', 'TaskSubmitted', 'TaskTimedOut', 'ExecutionFailed']);
  expect(events[5]!.taskTimedOutEventDetails).toEqual({ resourceType: 'lambda', resource: 'invoke.waitForTaskToken', error: 'States.Timeout' });
});

test('an unnamed failure survives a restart: the replayed execution goes on from the Catch with the same history', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sagaflow-unnamed-'));
  const open = () => openFixture({ store: { kind: 'sqlite', dir }, clock: { mode: 'virtual', start: START } });
  let g = await open();
  try {
    const sm = await g.machine('NoErrorRestart', {
      StartAt: 'SendMessageWithWait',
      States: { SendMessageWithWait: { ...sendWithWait, Catch: [catchers[1]], Next: 'Later' }, CaughtStatesALL: { Type: 'Wait', Seconds: 60, End: true }, Later: { Type: 'Pass', End: true } },
    });
    const arn = await g.start(sm, input);
    await g.ops.SendTaskFailure({ taskToken: await nextToken() });
    for (let i = 0; i < 500 && !types(await g.history(arn)).includes('WaitStateEntered'); i++) await new Promise((r) => setTimeout(r, 5));
    const before = await g.history(arn);
    await g.close();
    g = await open();
    expect(await g.history(arn)).toEqual(before);
    await g.service.admin.advanceTime(60_000);
    const d = await g.closed(arn);
    expect(JSON.parse(d.output!)).toEqual(caughtOutput);
    expect((await g.history(arn)).find((e) => e.type === 'TaskFailed')!.taskFailedEventDetails).toEqual({ resourceType: 'lambda', resource: 'invoke.waitForTaskToken' });
  } finally {
    await g.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('what TaskScheduled records (pure engine)', () => {
  const sqs = (extra: object, body: object) => ({
    StartAt: 'SendMessageWithWait',
    States: { SendMessageWithWait: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken', Parameters: { 'QueueUrl.$': '$.QueueUrl', MessageBody: body }, End: true, ...extra } },
  });

  test('HeartbeatSeconds without TimeoutSeconds: heartbeatInSeconds and no timeoutInSeconds (test_heartbeat_no_timeout, recorded 18-04-2024)', async () => {
    const r = await drive(sqs({ HeartbeatSeconds: 5 }, { 'Message.$': '$.Message', 'TaskToken.$': '$$.Task.Token' }) as never, input, {
      tasks: { SendMessageWithWait: { hang: true, submitted: { MessageId: 'm-1' } } },
    });
    const events = r.events as unknown as HistoryEvent[];
    const scheduled = events[2]!.taskScheduledEventDetails!;
    expect(Object.keys(scheduled).sort()).toEqual(['heartbeatInSeconds', 'parameters', 'region', 'resource', 'resourceType']);
    expect(scheduled.heartbeatInSeconds).toBe(5);
    // The recorded parameters: MessageBody before QueueUrl, and Message before TaskToken inside it.
    const parameters = JSON.parse(scheduled.parameters!);
    expect(Object.keys(parameters)).toEqual(['MessageBody', 'QueueUrl']);
    expect(Object.keys(parameters.MessageBody)).toEqual(['Message', 'TaskToken']);
    expect(events[5]!.taskTimedOutEventDetails).toEqual({ resourceType: 'sqs', resource: 'sendMessage.waitForTaskToken', error: 'States.Timeout' });
  });

  test('SNS publish.waitForTaskToken: the Message fields TaskToken, arg1, arg2 are recorded as arg2, arg1, TaskToken, after TopicArn comes Message (test_sns_publish_wait_for_task_token, recorded 01-02-2024)', async () => {
    const definition = {
      StartAt: 'Publish',
      States: {
        Publish: {
          Type: 'Task',
          Resource: 'arn:aws:states:::sns:publish.waitForTaskToken',
          Parameters: { 'TopicArn.$': '$.TopicArn', Message: { 'TaskToken.$': '$$.Task.Token', 'arg1.$': '$.body.arg1', 'arg2.$': '$.body.arg2' } },
          End: true,
        },
      },
    };
    const r = await drive(definition as never, { TopicArn: 'arn:aws:sns:us-east-1:123456789012:t', body: { arg1: 'Hello', arg2: 'World' } }, {
      tasks: { Publish: { submitted: { MessageId: 'm-1' }, output: {} } },
    });
    const parameters = JSON.parse((r.events as unknown as HistoryEvent[])[2]!.taskScheduledEventDetails!.parameters!);
    expect(Object.keys(parameters)).toEqual(['Message', 'TopicArn']);
    expect(Object.keys(parameters.Message)).toEqual(['arg2', 'arg1', 'TaskToken']);
    expect(parameters.Message).toMatchObject({ arg1: 'Hello', arg2: 'World' });
    expect(typeof parameters.Message.TaskToken).toBe('string');
  });
});

describe('states:startExecution.sync and .sync:2 (test_start_execution_sync*, recorded on AWS)', () => {
  const startSync = (resource: string) => ({
    StartAt: 'StartExecution',
    States: { StartExecution: { Type: 'Task', Resource: resource, Parameters: { 'StateMachineArn.$': '$.StateMachineArn', 'Input.$': '$.Input', 'Name.$': '$.Name' }, End: true } },
  });
  /**
   * The 2023 recordings predate redrive; later ones (test_credentials_base, recorded on AWS) add
   * RedriveCount, RedriveStatus and RedriveStatusReason. Either way the keys are in alphabetical order.
   */
  const expectRecordedKeys = (value: object, recorded: string[]) => {
    const keys = Object.keys(value);
    expect(keys).toEqual([...keys].sort());
    expect(keys.filter((k) => !k.startsWith('Redrive'))).toEqual(recorded);
  };
  const passResult = { StartAt: 'State_1', States: { State_1: { Type: 'Pass', Result: { Arg1: 'argument1' }, End: true } } };

  test('.sync: the output holds Input and Output as texts, keys as recorded', async () => {
    const child = await f.machine('Target', passResult);
    const sm = await f.machine('Parent', startSync('arn:aws:states:::states:startExecution.sync'));
    const d = await f.closed(await f.start(sm, { StateMachineArn: child, Input: null, Name: 'TestStartTarget' }));
    expect(d.status).toBe('SUCCEEDED');
    const out = JSON.parse(d.output!);
    expectRecordedKeys(out, ['ExecutionArn', 'Input', 'InputDetails', 'Name', 'Output', 'OutputDetails', 'StartDate', 'StateMachineArn', 'Status', 'StopDate']);
    expect(out).toMatchObject({ InputDetails: { Included: true }, Name: 'TestStartTarget', Output: '{"Arg1":"argument1"}', OutputDetails: { Included: true }, StateMachineArn: child, Status: 'SUCCEEDED' });
    expect(out.ExecutionArn).toBe(child.replace(':stateMachine:', ':execution:') + ':TestStartTarget');
  });

  test('.sync:2: Output as JSON', async () => {
    const child = await f.machine('Target', passResult);
    const sm = await f.machine('Parent', startSync('arn:aws:states:::states:startExecution.sync:2'));
    const d = await f.closed(await f.start(sm, { StateMachineArn: child, Input: null, Name: 'TestStartTarget' }));
    const out = JSON.parse(d.output!);
    expect(out).toMatchObject({ Output: { Arg1: 'argument1' }, Status: 'SUCCEEDED' });
  });

  test("a .sync child that fails: TaskFailed States.TaskFailed, the cause the child's description with its Cause and Error first (test_start_execution_sync_delegate_failure)", async () => {
    const child = await f.machine('Target', { StartAt: 'Fail', States: { Fail: { Type: 'Fail', Error: 'SomeFailure', Cause: "This state machines raises a 'SomeFailure' failure." } } });
    const sm = await f.machine('Parent', startSync('arn:aws:states:::states:startExecution.sync'));
    const arn = await f.start(sm, { StateMachineArn: child, Input: null, Name: 'TestStartTarget' });
    const d = await f.closed(arn);
    expect(d).toMatchObject({ status: 'FAILED', error: 'States.TaskFailed' });
    const cause = JSON.parse(d.cause!);
    expectRecordedKeys(cause, ['Cause', 'Error', 'ExecutionArn', 'Input', 'InputDetails', 'Name', 'StartDate', 'StateMachineArn', 'Status', 'StopDate']);
    expect(cause).toMatchObject({ Cause: "This state machines raises a 'SomeFailure' failure.", Error: 'SomeFailure', Status: 'FAILED' });
    const events = await f.history(arn);
    expect(types(events).slice(-2)).toEqual(['TaskFailed', 'ExecutionFailed']);
    expect(events.at(-2)!.taskFailedEventDetails).toMatchObject({ error: 'States.TaskFailed', resource: 'startExecution.sync', resourceType: 'states' });
  });

  test('a .sync child that times out: the cause has Error States.Timeout and no Cause key, Input as text (test_start_execution_sync_delegate_timeout)', async () => {
    const child = await f.machine('Target', { StartAt: 'Start', States: { Start: { ...sendWithWait, TimeoutSeconds: 5, End: true } } });
    const sm = await f.machine('Parent', startSync('arn:aws:states:::states:startExecution.sync'));
    const arn = await f.start(sm, { StateMachineArn: child, Input: { Payload: null }, Name: 'TestStartTarget' });
    await nextToken();
    await f.service.admin.advanceTime(5000);
    const d = await f.closed(arn);
    expect(d).toMatchObject({ status: 'FAILED', error: 'States.TaskFailed' });
    const cause = JSON.parse(d.cause!);
    expectRecordedKeys(cause, ['Error', 'ExecutionArn', 'Input', 'InputDetails', 'Name', 'StartDate', 'StateMachineArn', 'Status', 'StopDate']);
    expect(cause).not.toHaveProperty('Cause');
    expect(cause).toMatchObject({ Error: 'States.Timeout', Input: '{"Payload":null}', Status: 'FAILED' });
  });

  test("a .sync task has a token in $$.Task.Token, and a worker's SendTaskSuccess with it ends the task early (SendTaskSuccess: 'optionally Task states using the job run pattern')", async () => {
    const child = await f.machine('Sleeper', { StartAt: 'Sleep', States: { Sleep: { Type: 'Wait', Seconds: 3600, End: true } } });
    const sm = await f.machine('Parent', {
      StartAt: 'StartExecution',
      States: { StartExecution: { Type: 'Task', Resource: 'arn:aws:states:::states:startExecution.sync:2', Parameters: { StateMachineArn: child, Input: { 'ParentToken.$': '$$.Task.Token' } }, End: true } },
    });
    const arn = await f.start(sm, {});
    let running: string | undefined;
    for (let i = 0; i < 200 && !running; i++) {
      running = (await f.ops.ListExecutions({ stateMachineArn: child })).executions?.[0]?.executionArn;
      if (!running) await new Promise((r) => setTimeout(r, 5));
    }
    const { ParentToken } = JSON.parse((await f.ops.DescribeExecution({ executionArn: running! })).input!) as { ParentToken: string };
    expect(ParentToken).toMatch(/^[A-Za-z0-9+/=_-]{40,}/);
    await f.ops.SendTaskSuccess({ taskToken: ParentToken, output: '{"early":true}' });
    const d = await f.closed(arn);
    expect(d).toMatchObject({ status: 'SUCCEEDED', output: '{"early":true}' });
    expect(types(await f.history(arn)).slice(-3)).toEqual(['TaskSucceeded', 'TaskStateExited', 'ExecutionSucceeded']);
    await expect(f.ops.SendTaskSuccess({ taskToken: ParentToken, output: '{}' })).rejects.toMatchObject({ code: 'TaskTimedOut' });
  });

  test('Input null starts the child on {}: .sync hands on Input "{}", .sync:2 Input {}', async () => {
    const child = await f.machine('Target', passResult);
    const run = async (resource: string) => {
      const sm = await f.machine(`Parent-${resource.length}`, startSync(resource));
      return JSON.parse((await f.closed(await f.start(sm, { StateMachineArn: child, Input: null, Name: `T${resource.length}` }))).output!);
    };
    expect((await run('arn:aws:states:::states:startExecution.sync')).Input).toBe('{}');
    expect((await run('arn:aws:states:::states:startExecution.sync:2')).Input).toEqual({});
  });
});
