import type { StateMachineDefinition } from '../../../lib/asl';
import { createExecution } from '../../../lib/engine';
import { drive, executionInfo, replay, START_TIME } from './engine-driver';

const LAMBDA = 'arn:aws:lambda:us-east-1:123456789012:function:work';

const types = (events: { type: string }[]) => events.map((e) => e.type);
const links = (events: { id: number; previousEventId: number }[]) => events.map((e) => [e.id, e.previousEventId]);
// Without the maximum execution time's timer (execution-duration-limit.ts): each test sees only the commands it is about.
const UNLIMITED = { executionTimeLimit: false };

describe('engine lifecycle', () => {
  test('a Pass chain records Entered/Exited pairs; the first state links to 0 as AWS records it', async () => {
    const def: StateMachineDefinition = {
      StartAt: 'A',
      States: { A: { Type: 'Pass', Result: { x: 1 }, ResultPath: '$.r', Next: 'B' }, B: { Type: 'Pass', End: true } },
    };
    const r = await drive(def, { a: 1 });
    expect(r.status).toBe('SUCCEEDED');
    expect(r.output).toEqual({ a: 1, r: { x: 1 } });
    expect(types(r.events)).toEqual(['ExecutionStarted', 'PassStateEntered', 'PassStateExited', 'PassStateEntered', 'PassStateExited', 'ExecutionSucceeded']);
    expect(links(r.events)).toEqual([[1, 0], [2, 0], [3, 2], [4, 3], [5, 4], [6, 5]]);
  });

  test('StartExecution yields ExecutionStarted and the first task as a RunTask command', async () => {
    const def: StateMachineDefinition = { StartAt: 'T', States: { T: { Type: 'Task', Resource: LAMBDA, End: true } } };
    const ex = createExecution(def, UNLIMITED);
    const d = await ex.apply({ kind: 'StartExecution', at: START_TIME, input: '{"k":1}', execution: executionInfo(), seed: 'ab' });
    expect(types(d.events)).toEqual(['ExecutionStarted', 'TaskStateEntered', 'LambdaFunctionScheduled']);
    expect(d.events[2]).toMatchObject({ lambdaFunctionScheduledEventDetails: { resource: LAMBDA, input: '{"k":1}', inputDetails: { truncated: false } } });
    expect(d.commands).toEqual([
      { kind: 'RunTask', taskId: expect.any(String), resource: LAMBDA, integration: { service: 'lambda', mode: 'function' }, pattern: 'request-response', payload: { k: 1 }, stateName: 'T' },
    ]);
    expect(ex.outstanding()).toEqual(d.commands);
    const taskId = (d.commands[0] as { taskId: string }).taskId;
    const s = await ex.apply({ kind: 'TaskStarted', at: START_TIME + 1, taskId });
    expect(types(s.events)).toEqual(['LambdaFunctionStarted']);
    const done = await ex.apply({ kind: 'TaskSucceeded', at: START_TIME + 2, taskId, output: '{"ok":true}' });
    expect(types(done.events)).toEqual(['LambdaFunctionSucceeded', 'TaskStateExited', 'ExecutionSucceeded']);
    expect(done.commands).toEqual([{ kind: 'CloseExecution', status: 'SUCCEEDED', output: '{"ok":true}' }]);
    expect(ex.status).toBe('SUCCEEDED');
    expect(ex.outstanding()).toEqual([]);
  });

  test('Retry arms a back-off timer and schedules the task again; RetryCount grows', async () => {
    const def: StateMachineDefinition = {
      StartAt: 'T',
      States: {
        T: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { 'n.$': '$$.State.RetryCount' },
          Retry: [{ ErrorEquals: ['Boom'], IntervalSeconds: 2, BackoffRate: 3, MaxAttempts: 2 }],
          End: true,
        },
      },
    };
    const r = await drive(def, {}, { tasks: { T: [{ error: 'Boom' }, { error: 'Boom' }, { output: 7 }] }, engine: UNLIMITED });
    expect(r.status).toBe('SUCCEEDED');
    expect(r.output).toBe(7);
    const timers = r.commands.filter((c) => c.kind === 'ArmTimer') as { dueAt: number }[];
    expect(timers.map((t) => t.dueAt - START_TIME)).toEqual([2000, 2000 + 6000]);
    const scheduled = r.events.filter((e) => e.type === 'TaskScheduled') as { taskScheduledEventDetails: { parameters: string } }[];
    expect(scheduled.map((e) => e.taskScheduledEventDetails.parameters)).toEqual(['{"n":0}', '{"n":1}', '{"n":2}']);
  });

  test('Catch routes to its Next with the error output at ResultPath', async () => {
    const def: StateMachineDefinition = {
      StartAt: 'T',
      States: {
        T: { Type: 'Task', Resource: LAMBDA, Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.err', Next: 'H' }], End: true },
        H: { Type: 'Pass', End: true },
      },
    };
    const r = await drive(def, { a: 1 }, { tasks: { T: { error: 'Bad', cause: 'why' } } });
    expect(r.output).toEqual({ a: 1, err: { Error: 'Bad', Cause: 'why' } });
    expect(types(r.events)).toEqual([
      'ExecutionStarted', 'TaskStateEntered', 'LambdaFunctionScheduled', 'LambdaFunctionStarted', 'LambdaFunctionFailed',
      'TaskStateExited', 'PassStateEntered', 'PassStateExited', 'ExecutionSucceeded',
    ]);
  });

  test('replaying the recorded inputs into a fresh execution yields identical events and state', async () => {
    const def: StateMachineDefinition = {
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          MaxConcurrency: 2,
          ItemProcessor: { StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken', Parameters: { 't.$': '$$.Task.Token' }, End: true } } },
          Retry: [{ ErrorEquals: ['States.ALL'], JitterStrategy: 'FULL', MaxAttempts: 1 }],
          End: true,
        },
      },
    };
    const r = await drive(def, [1, 2, 3], { tasks: { T: [{ error: 'X' }, { output: 1 }] } });
    expect(r.status).toBe('SUCCEEDED');
    const again = await replay(def, r.inputs);
    expect(again.events).toEqual(r.events);
    expect(again.execution.status).toBe(r.execution.status);
    expect(again.execution.eventCount).toBe(r.execution.eventCount);
  });
});
