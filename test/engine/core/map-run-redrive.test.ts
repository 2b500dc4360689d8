import type { StateMachineDefinition } from '../../../lib/asl';
import { createExecution, type Decision, type EngineCommand, type EngineInput } from '../../../lib/engine';
import { executionInfo, START_TIME } from './engine-driver';

/**
 * A redrive of an execution whose Distributed Map did not finish, as the engine decides it: the same
 * Map Run is redriven (MapRunRedriven, RedriveMapRun) and only its children that did not succeed are
 * started again, under the names they had; the outputs of the others are kept in item order.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/redrive-map-run.html
 */

type Child = Extract<EngineCommand, { kind: 'StartMapRunChild' }>;
const types = (d: Decision) => d.events.map((e) => e.type);
const ofKind = <K extends EngineCommand['kind']>(d: Decision, kind: K) => d.commands.filter((c) => c.kind === kind) as Array<Extract<EngineCommand, { kind: K }>>;

function distributed(extra: Record<string, unknown> = {}): StateMachineDefinition {
  return {
    StartAt: 'D',
    States: { D: { Type: 'Map', ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, End: true, ...extra } },
  } as StateMachineDefinition;
}

/** An execution whose inputs are kept, to replay them. */
async function start(def: StateMachineDefinition, input: unknown) {
  const ex = createExecution(def);
  const inputs: EngineInput[] = [];
  const apply = (i: EngineInput) => (inputs.push(i), ex.apply(i));
  const d = await apply({ kind: 'StartExecution', at: START_TIME, input: JSON.stringify(input), execution: executionInfo(), seed: 'aa' });
  return { ex, d, apply, inputs };
}

const ok = (c: Child, output: unknown, at: number): EngineInput => ({ kind: 'TaskSucceeded', at, taskId: c.taskId, output: JSON.stringify(output) });
const ko = (c: Child, at: number): EngineInput => ({ kind: 'TaskFailed', at, taskId: c.taskId, error: 'ItemError', cause: `item ${c.index}` });

test('the redrive takes up the same Map Run and starts again only the failed child and the one never started', async () => {
  const { d, apply } = await start(distributed({ MaxConcurrency: 2 }), ['a', 'b', 'c']);
  const mapRunArn = ofKind(d, 'StartMapRun')[0]!.mapRunArn;
  const [c0, c1] = ofKind(d, 'StartMapRunChild');
  // The third child starts when the first ends, and is stopped with the Map Run.
  const [c2] = ofKind(await apply(ok(c0!, 'A', START_TIME + 1)), 'StartMapRunChild');
  const failed = await apply(ko(c1!, START_TIME + 2));
  expect(types(failed)).toEqual(['MapRunFailed', 'MapStateFailed', 'ExecutionFailed']);
  expect(ofKind(failed, 'CancelTask').map((c) => c.taskId)).toEqual([c2!.taskId]);

  const r = await apply({ kind: 'RedriveExecution', at: START_TIME + 10 });
  expect(types(r)).toEqual(['ExecutionRedriven', 'MapStateEntered', 'MapStateStarted', 'MapRunRedriven']);
  expect(r.events[3]).toMatchObject({ previousEventId: r.events[2]!.id, mapRunRedrivenEventDetails: { mapRunArn, redriveCount: 1 } });
  expect(ofKind(r, 'StartMapRun')).toEqual([]);
  expect(ofKind(r, 'RedriveMapRun')).toEqual([{ kind: 'RedriveMapRun', mapRunArn, redriveCount: 1, maxConcurrency: 2, toleratedFailureCount: 0, toleratedFailurePercentage: 0 }]);
  const again = ofKind(r, 'StartMapRunChild');
  expect(again.map((c) => [c.index, c.name])).toEqual([
    [1, c1!.name],
    [2, c2!.name],
  ]);
  expect(again.map((c) => c.taskId)).not.toContain(c1!.taskId);

  await apply(ok(again[0]!, 'B', START_TIME + 11));
  const done = await apply(ok(again[1]!, 'C', START_TIME + 12));
  expect(types(done)).toEqual(['MapRunSucceeded', 'MapStateSucceeded', 'MapStateExited', 'ExecutionSucceeded']);
  expect(ofKind(done, 'CloseMapRun')).toEqual([{ kind: 'CloseMapRun', mapRunArn, status: 'SUCCEEDED' }]);
  expect(ofKind(done, 'CloseExecution')[0]!.output).toBe('["A","B","C"]');
});

test('a replay of the inputs decides the redrive the same way', async () => {
  const { d, apply, inputs, ex } = await start(distributed(), [1, 2]);
  const [c0, c1] = ofKind(d, 'StartMapRunChild');
  await apply(ok(c0!, 1, START_TIME + 1));
  await apply(ko(c1!, START_TIME + 2));
  const r = await apply({ kind: 'RedriveExecution', at: START_TIME + 3 });
  const replayed = createExecution(distributed());
  let last: Decision | undefined;
  for (const i of inputs) last = await replayed.apply(i);
  expect(last).toEqual(r);
  expect(replayed.outstanding()).toEqual(ex.outstanding());
});

test('a Retry of the Map state starts a new Map Run with every child; a redrive after it takes up the last one', async () => {
  const retried = distributed({ Retry: [{ ErrorEquals: ['States.ALL'], MaxAttempts: 1, IntervalSeconds: 1 }] });
  const { ex, d, apply } = await start(retried, ['a', 'b']);
  const first = ofKind(d, 'StartMapRun')[0]!.mapRunArn;
  const [a0, a1] = ofKind(d, 'StartMapRunChild');
  await apply(ok(a0!, 'A', START_TIME + 1));
  const timer = ofKind(await apply(ko(a1!, START_TIME + 2)), 'ArmTimer')[0]!;
  const retry = await apply({ kind: 'TimerFired', at: timer.dueAt, timerId: timer.timerId });
  const second = ofKind(retry, 'StartMapRun')[0]!.mapRunArn;
  expect(second).not.toBe(first);
  const [b0, b1] = ofKind(retry, 'StartMapRunChild');
  expect([b0!.index, b1!.index]).toEqual([0, 1]);
  await apply(ok(b0!, 'A2', timer.dueAt + 1));
  await apply(ko(b1!, timer.dueAt + 2));
  expect(ex.status).toBe('FAILED');
  const r = await apply({ kind: 'RedriveExecution', at: timer.dueAt + 10 });
  expect(ofKind(r, 'RedriveMapRun')).toEqual([{ kind: 'RedriveMapRun', mapRunArn: second, redriveCount: 1, maxConcurrency: 0, toleratedFailureCount: 0, toleratedFailurePercentage: 0 }]);
  expect(ofKind(r, 'StartMapRunChild').map((c) => c.index)).toEqual([1]);
  const done = await apply(ok(ofKind(r, 'StartMapRunChild')[0]!, 'B', timer.dueAt + 11));
  expect(ofKind(done, 'CloseExecution')[0]!.output).toBe('["A2","B"]');
});


test('a redrive that works out fewer items than the run it takes up keeps only the outputs that still have an item (it does not hang)', async () => {
  // Items read the redrive count: three items on the first run, one on the redrive.
  const fewer = distributed({ QueryLanguage: 'JSONata', Items: '{% $states.context.Execution.RedriveCount = 0 ? [1, 2, 3] : [1] %}' });
  const { d, apply } = await start(fewer, {});
  const [c0, c1, c2] = ofKind(d, 'StartMapRunChild');
  await apply(ok(c1!, 'B', START_TIME + 1));
  await apply(ok(c2!, 'C', START_TIME + 2));
  await apply(ko(c0!, START_TIME + 3));
  const r = await apply({ kind: 'RedriveExecution', at: START_TIME + 10 });
  const again = ofKind(r, 'StartMapRunChild');
  expect(again.map((c) => c.index)).toEqual([0]);
  const done = await apply(ok(again[0]!, 'A', START_TIME + 11));
  expect(types(done)).toEqual(['MapRunSucceeded', 'MapStateSucceeded', 'MapStateExited', 'ExecutionSucceeded']);
  expect(ofKind(done, 'CloseExecution')[0]!.output).toBe('["A"]');
});
