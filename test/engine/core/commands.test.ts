import type { StateMachineDefinition } from '../../../lib/asl';
import { createExecution, type EngineCommand, type EngineInput, type Execution } from '../../../lib/engine';
import { executionInfo, START_TIME } from './engine-driver';

/**
 * The pure-engine contract, command by command: each input in, the events and commands out.
 * No fake runtime here: the test is the runtime, and it feeds inputs by hand.
 */

const LAMBDA = 'arn:aws:lambda:us-east-1:123456789012:function:work';
const ACTIVITY = 'arn:aws:states:us-east-1:123456789012:activity:review';
const kinds = (commands: EngineCommand[]) => commands.map((c) => c.kind);
const types = (events: { type: string }[]) => events.map((e) => e.type);

// Without the maximum execution time's timer (execution-duration-limit.ts): each test sees only the commands it is about.
function start(def: StateMachineDefinition, input: unknown = {}, seed = 'aa') {
  const ex = createExecution(def, { executionTimeLimit: false });
  const first = ex.apply({ kind: 'StartExecution', at: START_TIME, input: JSON.stringify(input), execution: executionInfo(), seed });
  return { ex, first };
}

function only<K extends EngineCommand['kind']>(commands: EngineCommand[], kind: K): Extract<EngineCommand, { kind: K }> {
  const found = commands.filter((c) => c.kind === kind);
  expect(found).toHaveLength(1);
  return found[0] as Extract<EngineCommand, { kind: K }>;
}

async function at(ex: Execution, input: EngineInput) {
  return ex.apply(input);
}

describe('RunTask', () => {
  test('a callback task carries a task token, the integration, the pattern and the timeouts', async () => {
    const { first } = start({
      StartAt: 'T',
      States: {
        T: {
          Type: 'Task',
          Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
          Parameters: { QueueUrl: 'q', MessageBody: { 'token.$': '$$.Task.Token' } },
          TimeoutSeconds: 60,
          HeartbeatSeconds: 10,
          Credentials: { RoleArn: 'arn:aws:iam::1:role/r' },
          End: true,
        },
      },
    });
    const d = await first;
    const run = only(d.commands, 'RunTask');
    expect(run).toMatchObject({
      resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
      integration: { service: 'sqs', action: 'sendMessage' },
      pattern: 'waitForTaskToken',
      timeoutSeconds: 60,
      heartbeatSeconds: 10,
      credentials: { RoleArn: 'arn:aws:iam::1:role/r' },
      stateName: 'T',
    });
    expect(typeof run.taskToken).toBe('string');
    expect(run.taskToken!.length).toBeGreaterThanOrEqual(22); // ≥ 128 bits, base64url
    expect(run.payload).toEqual({ QueueUrl: 'q', MessageBody: { token: run.taskToken } });
    // TimeoutSeconds is a timer from scheduling; the heartbeat timer waits for TaskStarted.
    expect(only(d.commands, 'ArmTimer').dueAt).toBe(START_TIME + 60_000);
  });

  test('an activity and a .sync task get a token; a request-response task does not', async () => {
    const act = await start({ StartAt: 'A', States: { A: { Type: 'Task', Resource: ACTIVITY, End: true } } }).first;
    expect(only(act.commands, 'RunTask')).toMatchObject({ integration: { service: 'activity' }, taskToken: expect.any(String) });
    const sync = await start({ StartAt: 'S', States: { S: { Type: 'Task', Resource: 'arn:aws:states:::states:startExecution.sync:2', Parameters: { StateMachineArn: 'x' }, End: true } } }).first;
    const s = only(sync.commands, 'RunTask');
    expect(s).toMatchObject({ integration: { service: 'states', action: 'startExecution' }, pattern: 'sync:2' });
    expect(s.taskToken).toEqual(expect.any(String));
    const fn = await start({ StartAt: 'F', States: { F: { Type: 'Task', Resource: LAMBDA, End: true } } }, { a: 1 }).first;
    expect(only(fn.commands, 'RunTask')).toEqual({
      kind: 'RunTask',
      taskId: expect.any(String),
      resource: LAMBDA,
      integration: { service: 'lambda', mode: 'function' },
      pattern: 'request-response',
      payload: { a: 1 },
      stateName: 'F',
    });
  });

  test('each retry attempt is a new RunTask with a new task id and a new token', async () => {
    const { ex, first } = start({
      StartAt: 'T',
      States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken', Parameters: { 't.$': '$$.Task.Token' }, Retry: [{ ErrorEquals: ['E'], IntervalSeconds: 2 }], End: true } },
    });
    const one = only((await first).commands, 'RunTask');
    const failed = await at(ex, { kind: 'TaskFailed', at: START_TIME + 5, taskId: one.taskId, error: 'E' });
    const backoff = only(failed.commands, 'ArmTimer');
    expect(backoff.dueAt).toBe(START_TIME + 5 + 2000);
    const again = await at(ex, { kind: 'TimerFired', at: backoff.dueAt, timerId: backoff.timerId });
    const two = only(again.commands, 'RunTask');
    expect(two.taskId).not.toBe(one.taskId);
    expect(two.taskToken).not.toBe(one.taskToken);
    expect(two.payload).toEqual({ t: two.taskToken });
  });
});

describe('ArmTimer and CancelTimer', () => {
  test('a Wait arms one timer at its due time; firing it exits the state', async () => {
    const { ex, first } = start({ StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 30, Next: 'P' }, P: { Type: 'Pass', End: true } } });
    const d = await first;
    expect(types(d.events)).toEqual(['ExecutionStarted', 'WaitStateEntered']);
    const timer = only(d.commands, 'ArmTimer');
    expect(timer.dueAt).toBe(START_TIME + 30_000);
    const fired = await at(ex, { kind: 'TimerFired', at: timer.dueAt, timerId: timer.timerId });
    expect(types(fired.events)).toEqual(['WaitStateExited', 'PassStateEntered', 'PassStateExited', 'ExecutionSucceeded']);
    expect(kinds(fired.commands)).toEqual(['CloseExecution']);
  });

  test('a heartbeat timer is armed at TaskStarted and re-armed by every heartbeat; success cancels both timers', async () => {
    const { ex, first } = start({ StartAt: 'A', States: { A: { Type: 'Task', Resource: ACTIVITY, TimeoutSeconds: 100, HeartbeatSeconds: 10, End: true } } });
    const d = await first;
    const timeout = only(d.commands, 'ArmTimer');
    const taskId = only(d.commands, 'RunTask').taskId;
    const started = await at(ex, { kind: 'TaskStarted', at: START_TIME + 1000, taskId, workerName: 'w' });
    const hb1 = only(started.commands, 'ArmTimer');
    expect(hb1.dueAt).toBe(START_TIME + 11_000);
    const beat = await at(ex, { kind: 'TaskHeartbeat', at: START_TIME + 5000, taskId });
    expect(beat.events).toEqual([]);
    expect(beat.commands).toEqual([{ kind: 'CancelTimer', timerId: hb1.timerId }, { kind: 'ArmTimer', timerId: expect.any(String), dueAt: START_TIME + 15_000 }]);
    const hb2 = beat.commands[1] as Extract<EngineCommand, { kind: 'ArmTimer' }>;
    const done = await at(ex, { kind: 'TaskSucceeded', at: START_TIME + 6000, taskId, output: '"ok"' });
    expect(done.commands).toEqual([
      { kind: 'CancelTimer', timerId: timeout.timerId },
      { kind: 'CancelTimer', timerId: hb2.timerId },
      { kind: 'CloseExecution', status: 'SUCCEEDED', output: '"ok"' },
    ]);
  });

  test('a heartbeat timeout cancels the task and the other timer', async () => {
    const { ex, first } = start({ StartAt: 'A', States: { A: { Type: 'Task', Resource: ACTIVITY, TimeoutSeconds: 100, HeartbeatSeconds: 10, End: true } } });
    const d = await first;
    const timeout = only(d.commands, 'ArmTimer');
    const taskId = only(d.commands, 'RunTask').taskId;
    const hb = only((await at(ex, { kind: 'TaskStarted', at: START_TIME, taskId })).commands, 'ArmTimer');
    const expired = await at(ex, { kind: 'TimerFired', at: hb.dueAt, timerId: hb.timerId });
    expect(types(expired.events)).toEqual(['ActivityTimedOut', 'ExecutionFailed']);
    expect(expired.commands).toEqual([
      { kind: 'CancelTimer', timerId: timeout.timerId },
      { kind: 'CancelTask', taskId },
      { kind: 'CloseExecution', status: 'FAILED', error: 'States.Timeout' },
    ]);
    // The worker answering late changes nothing.
    expect(await at(ex, { kind: 'TaskSucceeded', at: hb.dueAt + 1, taskId, output: '{}' })).toEqual({ events: [], commands: [] });
  });
});

describe('CancelTask and CloseExecution', () => {
  test('a failing Parallel branch cancels the task and the timer of the branches it cuts', async () => {
    const { ex, first } = start({
      StartAt: 'P',
      States: {
        P: {
          Type: 'Parallel',
          Branches: [
            { StartAt: 'T', States: { T: { Type: 'Task', Resource: LAMBDA, End: true } } },
            { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 60, End: true } } },
            { StartAt: 'F', States: { F: { Type: 'Task', Resource: LAMBDA, End: true } } },
          ],
          End: true,
        },
      },
    });
    const d = await first;
    const [t, f] = d.commands.filter((c) => c.kind === 'RunTask') as Array<Extract<EngineCommand, { kind: 'RunTask' }>>;
    const wait = only(d.commands, 'ArmTimer');
    const failed = await at(ex, { kind: 'TaskFailed', at: START_TIME + 1, taskId: f!.taskId, error: 'Boom' });
    expect(types(failed.events)).toEqual(['LambdaFunctionFailed', 'TaskStateAborted', 'TaskStateAborted', 'WaitStateAborted', 'ParallelStateFailed', 'ExecutionFailed']);
    expect(failed.commands).toEqual([
      { kind: 'CancelTask', taskId: t!.taskId },
      { kind: 'CancelTimer', timerId: wait.timerId },
      { kind: 'CloseExecution', status: 'FAILED', error: 'Boom' },
    ]);
    expect(ex.outstanding()).toEqual([]);
  });

  test('StopExecution cancels what is in motion and closes ABORTED with the error and cause', async () => {
    const { ex, first } = start({
      StartAt: 'P',
      TimeoutSeconds: 3600,
      States: { P: { Type: 'Parallel', Branches: [{ StartAt: 'T', States: { T: { Type: 'Task', Resource: LAMBDA, End: true } } }, { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 60, End: true } } }], End: true } },
    });
    const d = await first;
    const task = only(d.commands, 'RunTask');
    const timers = d.commands.filter((c) => c.kind === 'ArmTimer') as Array<Extract<EngineCommand, { kind: 'ArmTimer' }>>;
    expect(timers).toHaveLength(2);
    const stopped = await at(ex, { kind: 'StopExecution', at: START_TIME + 10, error: 'Manual', cause: 'probe' });
    expect(types(stopped.events)).toEqual(['ExecutionAborted']);
    expect(stopped.events[0]).toMatchObject({ previousEventId: 0, executionAbortedEventDetails: { error: 'Manual', cause: 'probe' } });
    expect(stopped.commands).toEqual([
      ...timers.map((t) => ({ kind: 'CancelTimer', timerId: t.timerId })),
      { kind: 'CancelTask', taskId: task.taskId },
      { kind: 'CloseExecution', status: 'ABORTED', error: 'Manual', cause: 'probe' },
    ]);
    expect(ex.status).toBe('ABORTED');
    // A closed execution ignores everything but a redrive.
    expect(await at(ex, { kind: 'TaskSucceeded', at: START_TIME + 11, taskId: task.taskId, output: '1' })).toEqual({ events: [], commands: [] });
    expect(await at(ex, { kind: 'StopExecution', at: START_TIME + 12 })).toEqual({ events: [], commands: [] });
  });

  test('the execution timeout closes TIMED_OUT with States.Timeout and cancels the task', async () => {
    const { ex, first } = start({ StartAt: 'T', TimeoutSeconds: 5, States: { T: { Type: 'Task', Resource: LAMBDA, End: true } } });
    const d = await first;
    const task = only(d.commands, 'RunTask');
    const timer = only(d.commands, 'ArmTimer');
    expect(timer.dueAt).toBe(START_TIME + 5000);
    const out = await at(ex, { kind: 'TimerFired', at: timer.dueAt, timerId: timer.timerId });
    expect(types(out.events)).toEqual(['ExecutionTimedOut']);
    expect(out.commands).toEqual([{ kind: 'CancelTask', taskId: task.taskId }, { kind: 'CloseExecution', status: 'TIMED_OUT', error: 'States.Timeout' }]);
  });

  test('inputs for unknown tasks or timers, and a second StartExecution, change nothing', async () => {
    const { ex, first } = start({ StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 1, End: true } } });
    await first;
    const nothing = { events: [], commands: [] };
    expect(await at(ex, { kind: 'TaskSucceeded', at: START_TIME, taskId: 'task-404', output: '{}' })).toEqual(nothing);
    expect(await at(ex, { kind: 'TimerFired', at: START_TIME, timerId: 'timer-404' })).toEqual(nothing);
    expect(await at(ex, { kind: 'StartExecution', at: START_TIME, input: '{}', execution: executionInfo(), seed: 'bb' })).toEqual(nothing);
    expect(ex.eventCount).toBe(2);
  });
});
