import type { StateMachineDefinition } from '../../../lib/asl';
import { createExecution, type EngineCommand, type EngineInput } from '../../../lib/engine';
import { drive, executionInfo, replay, START_TIME } from './engine-driver';

/**
 * What a restarted runtime relies on: `outstanding()` names every task to dispatch again and
 * every timer to re-arm (with its original due time), and replaying the recorded inputs into a
 * fresh execution rebuilds the same events, status and outstanding work at every step.
 */

const LAMBDA = 'arn:aws:lambda:us-east-1:123456789012:function:work';
const kinds = (commands: EngineCommand[]) => commands.map((c) => c.kind).sort();
const json = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;

const SAGA: StateMachineDefinition = {
  StartAt: 'Fan',
  TimeoutSeconds: 3600,
  States: {
    Fan: {
      Type: 'Map',
      MaxConcurrency: 2,
      ItemProcessor: {
        StartAt: 'Work',
        States: {
          Work: {
            Type: 'Task',
            Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
            Parameters: { 'token.$': '$$.Task.Token', 'item.$': '$' },
            HeartbeatSeconds: 30,
            Retry: [{ ErrorEquals: ['Flaky'], IntervalSeconds: 5, JitterStrategy: 'FULL' }],
            Next: 'Rest',
          },
          Rest: { Type: 'Wait', Seconds: 10, End: true },
        },
      },
      Next: 'Done',
    },
    Done: { Type: 'Pass', End: true },
  },
};

describe('outstanding()', () => {
  test('a running Task: the RunTask to dispatch again, with its token', async () => {
    // Without the maximum execution time's timer (execution-duration-limit.ts): only the work of the states.
    const ex = createExecution({ StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken', Parameters: { 't.$': '$$.Task.Token' }, End: true } } }, { executionTimeLimit: false });
    const d = await ex.apply({ kind: 'StartExecution', at: START_TIME, input: '{}', execution: executionInfo(), seed: 's' });
    expect(ex.outstanding()).toEqual(d.commands);
    expect(ex.outstanding()[0]).toMatchObject({ kind: 'RunTask', taskToken: expect.any(String) });
  });

  test('a Wait and a retry back-off: the timers with their original due times', async () => {
    const ex = createExecution({ StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 90, Next: 'T' }, T: { Type: 'Task', Resource: LAMBDA, Retry: [{ ErrorEquals: ['E'], IntervalSeconds: 7 }], End: true } } }, { executionTimeLimit: false });
    await ex.apply({ kind: 'StartExecution', at: START_TIME, input: '{}', execution: executionInfo(), seed: 's' });
    const [wait] = ex.outstanding() as Array<Extract<EngineCommand, { kind: 'ArmTimer' }>>;
    expect(wait).toEqual({ kind: 'ArmTimer', timerId: expect.any(String), dueAt: START_TIME + 90_000 });
    // Time passes without the runtime acting: the due time does not move.
    expect(ex.outstanding()).toEqual([wait]);
    const d = await ex.apply({ kind: 'TimerFired', at: wait!.dueAt + 500, timerId: wait!.timerId });
    const run = d.commands.find((c) => c.kind === 'RunTask') as Extract<EngineCommand, { kind: 'RunTask' }>;
    expect(ex.outstanding()).toEqual([run]);
    await ex.apply({ kind: 'TaskFailed', at: wait!.dueAt + 600, taskId: run.taskId, error: 'E' });
    expect(ex.outstanding()).toEqual([{ kind: 'ArmTimer', timerId: expect.any(String), dueAt: wait!.dueAt + 600 + 7000 }]);
  });

  test('a Map with MaxConcurrency 2: two tasks in flight, their heartbeat timers (once submitted) and the execution timeout; nothing once closed', async () => {
    const ex = createExecution(SAGA);
    await ex.apply({ kind: 'StartExecution', at: START_TIME, input: '[1,2,3]', execution: executionInfo(), seed: 's' });
    expect(kinds(ex.outstanding())).toEqual(['ArmTimer', 'RunTask', 'RunTask']);
    const runs = ex.outstanding().filter((c) => c.kind === 'RunTask') as Array<Extract<EngineCommand, { kind: 'RunTask' }>>;
    for (const r of runs) await ex.apply({ kind: 'TaskStarted', at: START_TIME + 1, taskId: r.taskId });
    // A Lambda callback's heartbeat counts from the function's return (TaskSubmitted), not from its start.
    expect(kinds(ex.outstanding())).toEqual(['ArmTimer', 'RunTask', 'RunTask']);
    for (const r of runs) await ex.apply({ kind: 'TaskSubmitted', at: START_TIME + 1, taskId: r.taskId, output: '{}' });
    expect(kinds(ex.outstanding())).toEqual(['ArmTimer', 'ArmTimer', 'ArmTimer', 'RunTask', 'RunTask']);
    await ex.apply({ kind: 'StopExecution', at: START_TIME + 2 });
    expect(ex.outstanding()).toEqual([]);
  });
});

describe('replay', () => {
  const script = {
    tasks: { Work: [{ error: 'Flaky' }, { output: 'a', heartbeats: 2, heartbeatEveryMs: 10_000, afterMs: 25_000 }, { output: 'b' }, { output: 'c' }] },
    seed: 'ffeeddccbbaa99887766554433221100',
  };

  test('every prefix of the recorded inputs rebuilds the same events, status and outstanding work', async () => {
    const r = await drive(SAGA, [1, 2, 3], script);
    expect(r.status).toBe('SUCCEEDED');
    expect(r.output).toEqual(['b', 'a', 'c']); // item 0 fails once and its retry takes the third scripted answer
    const fresh = createExecution(SAGA);
    const rebuilt: unknown[] = [];
    for (let k = 0; k < r.inputs.length; k++) {
      rebuilt.push(...(await fresh.apply(r.inputs[k]!)).events);
      const prefix = await replay(SAGA, r.inputs.slice(0, k + 1));
      expect(json(prefix.events)).toEqual(json(rebuilt));
      expect(prefix.execution.status).toBe(fresh.status);
      expect(prefix.execution.outstanding()).toEqual(fresh.outstanding());
    }
    expect(json(rebuilt)).toEqual(json(r.events));
  });

  test('tokens and jitter come from the seed: the same seed gives the same history, another seed other tokens and delays', async () => {
    const a = await drive(SAGA, [1, 2, 3], script);
    const b = await drive(SAGA, [1, 2, 3], script);
    expect(json(a.events)).toEqual(json(b.events));
    const c = await drive(SAGA, [1, 2, 3], { ...script, seed: '00000000000000000000000000000001' });
    const tokens = (x: typeof a) => x.commands.filter((k) => k.kind === 'RunTask').map((k) => (k as { taskToken?: string }).taskToken);
    expect(tokens(c)).not.toEqual(tokens(a));
    const backoff = (x: typeof a) => (x.commands.filter((k) => k.kind === 'ArmTimer') as Array<{ dueAt: number }>).map((k) => k.dueAt);
    expect(backoff(c)).not.toEqual(backoff(a));
  });

  test('FULL jitter waits at most the un-jittered delay', async () => {
    const def: StateMachineDefinition = { StartAt: 'T', States: { T: { Type: 'Task', Resource: LAMBDA, Retry: [{ ErrorEquals: ['E'], IntervalSeconds: 10, BackoffRate: 2, MaxAttempts: 3, JitterStrategy: 'FULL' }], End: true } } };
    for (const seed of ['01', '02', '03', '04']) {
      const r = await drive(def, {}, { tasks: { T: [{ error: 'E' }, { error: 'E' }, { error: 'E' }, { output: 1 }] }, seed });
      const failures = r.inputs.filter((i): i is Extract<EngineInput, { kind: 'TaskFailed' }> => i.kind === 'TaskFailed').map((i) => i.at);
      const retries = r.inputs.filter((i) => i.kind === 'TimerFired').map((i) => i.at);
      expect(retries).toHaveLength(3);
      retries.forEach((t, n) => {
        const delay = t - failures[n]!;
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThanOrEqual(10_000 * 2 ** n);
      });
    }
  });
});
