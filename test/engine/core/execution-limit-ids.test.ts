import type { StateMachineDefinition } from '../../../lib/asl';
import { createExecution, type EngineCommand, type EngineInput } from '../../../lib/engine';
import { executionInfo, replay, START_TIME } from './engine-driver';

/**
 * The maximum execution time's timer must not move the ids of an execution's tasks and timers: a
 * store written before the quota existed holds inputs naming them (TaskStarted task-1, TimerFired
 * timer-2), and a restart replays those inputs into the engine of today.
 */

const LAMBDA = 'arn:aws:lambda:us-east-1:123456789012:function:work';
const DEF: StateMachineDefinition = {
  StartAt: 'T',
  States: {
    T: { Type: 'Task', Resource: LAMBDA, Next: 'W' },
    W: { Type: 'Wait', Seconds: 5, End: true },
  },
};

const idsOf = (commands: EngineCommand[]) =>
  commands.flatMap((c) => (c.kind === 'RunTask' ? [c.taskId] : c.kind === 'ArmTimer' ? [c.timerId] : []));

/** The inputs an execution records, taking the ids from the commands as the runtime does. */
async function record(limited: boolean): Promise<{ inputs: EngineInput[]; ids: string[] }> {
  const ex = createExecution(DEF, limited ? {} : { executionTimeLimit: false });
  const inputs: EngineInput[] = [];
  const ids: string[] = [];
  const apply = async (input: EngineInput) => {
    inputs.push(input);
    const d = await ex.apply(input);
    ids.push(...idsOf(d.commands));
    return d;
  };
  const first = await apply({ kind: 'StartExecution', at: START_TIME, input: '{}', execution: executionInfo(), seed: 'aa' });
  const task = first.commands.find((c) => c.kind === 'RunTask')!;
  if (task.kind !== 'RunTask') throw new Error('no task');
  await apply({ kind: 'TaskStarted', at: START_TIME + 1, taskId: task.taskId });
  const done = await apply({ kind: 'TaskSucceeded', at: START_TIME + 2, taskId: task.taskId, output: '{"ok":true}' });
  const wait = done.commands.find((c) => c.kind === 'ArmTimer' && c.dueAt === START_TIME + 2 + 5000)!;
  if (wait.kind !== 'ArmTimer') throw new Error('no wait timer');
  await apply({ kind: 'TimerFired', at: START_TIME + 5002, timerId: wait.timerId });
  expect(ex.status).toBe('SUCCEEDED');
  return { inputs, ids };
}

test('the quota timer of an execution without TimeoutSeconds leaves the task and timer ids as they were without it', async () => {
  const before = await record(false);
  const now = await record(true);
  expect(now.ids.filter((id) => before.ids.includes(id))).toEqual(before.ids);
});

test('inputs recorded without the quota timer replay to the same history with it', async () => {
  const before = await record(false);
  const unlimited = await replay(DEF, before.inputs, { executionTimeLimit: false });
  const limited = await replay(DEF, before.inputs);
  expect(limited.execution.status).toBe('SUCCEEDED');
  expect(limited.events).toEqual(unlimited.events);
});

test('the quota timer still ends an execution without TimeoutSeconds after a year', async () => {
  const ex = createExecution({ StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 400 * 24 * 3600, End: true } } });
  const first = await ex.apply({ kind: 'StartExecution', at: START_TIME, input: '{}', execution: executionInfo(), seed: 'aa' });
  const quota = first.commands.find((c) => c.kind === 'ArmTimer' && c.dueAt === START_TIME + 365 * 24 * 3600 * 1000);
  expect(quota).toBeDefined();
  if (quota?.kind !== 'ArmTimer') return;
  await ex.apply({ kind: 'TimerFired', at: quota.dueAt, timerId: quota.timerId });
  expect(ex.status).toBe('TIMED_OUT');
});
