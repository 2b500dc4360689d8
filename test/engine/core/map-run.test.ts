import type { StateMachineDefinition } from '../../../lib/asl';
import { createExecution, type Decision, type EngineCommand, type Execution } from '../../../lib/engine';
import { drive, executionInfo, replay, START_TIME } from './engine-driver';

/**
 * A Distributed Map as the engine drives it: a Map Run of child executions, commands out and the
 * children's ends in, with the parent's history holding only the Map Run's own events.
 */

type Child = Extract<EngineCommand, { kind: 'StartMapRunChild' }>;
const UUID_V3 = /^[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const types = (d: Decision) => d.events.map((e) => e.type);
const ofKind = <K extends EngineCommand['kind']>(d: Decision, kind: K) => d.commands.filter((c) => c.kind === kind) as Array<Extract<EngineCommand, { kind: K }>>;

function distributed(extra: Record<string, unknown> = {}, processor: Record<string, unknown> = {}): StateMachineDefinition {
  return {
    StartAt: 'D',
    States: {
      D: {
        Type: 'Map',
        ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'P', States: { P: { Type: 'Pass', End: true } }, ...processor },
        End: true,
        ...extra,
      },
    },
  } as StateMachineDefinition;
}

async function start(def: StateMachineDefinition, input: unknown, seed = 'aa'): Promise<{ ex: Execution; d: Decision }> {
  const ex = createExecution(def);
  const d = await ex.apply({ kind: 'StartExecution', at: START_TIME, input: JSON.stringify(input), execution: executionInfo(), seed });
  return { ex, d };
}

const succeed = (ex: Execution, c: Child, output: unknown, at = START_TIME + 1000) => ex.apply({ kind: 'TaskSucceeded', at, taskId: c.taskId, output: JSON.stringify(output) });
const fail = (ex: Execution, c: Child, at = START_TIME + 1000) => ex.apply({ kind: 'TaskFailed', at, taskId: c.taskId, error: 'ItemError', cause: `item ${c.index}` });

describe('starting a Map Run', () => {
  test('StartMapRun names the run after the state machine and Label, with its settings and the item processor as the children\'s definition', async () => {
    const { d } = await start(distributed({ Label: 'Orders', MaxConcurrency: 2, ToleratedFailureCount: 1, ItemsPath: '$.xs' }, { Comment: 'per order' }), { xs: ['a', 'b', 'c'] });
    expect(types(d)).toEqual(['ExecutionStarted', 'MapStateEntered', 'MapStateStarted', 'MapRunStarted']);
    const run = ofKind(d, 'StartMapRun');
    expect(run).toHaveLength(1);
    expect(run[0]!.mapRunArn).toMatch(/^arn:aws:states:us-east-1:123456789012:mapRun:Machine\/Orders:[0-9a-f-]{36}$/);
    expect(run[0]!.mapRunArn.split(':').pop()).toMatch(UUID_V3);
    expect(d.events[3]).toMatchObject({ mapRunStartedEventDetails: { mapRunArn: run[0]!.mapRunArn } });
    expect(run[0]).toMatchObject({ itemCount: 3, maxConcurrency: 2, toleratedFailureCount: 1, toleratedFailurePercentage: 0 });
    expect(JSON.parse(run[0]!.definition)).toEqual({ Comment: 'per order', StartAt: 'P', States: { P: { Type: 'Pass', End: true } } });
  });

  test('children start up to MaxConcurrency, each under the labelled state machine, named from the Map Run and its index', async () => {
    const { d } = await start(distributed({ Label: 'Orders', MaxConcurrency: 2, ItemSelector: { 'at.$': '$$.Map.Item.Index', 'v.$': '$$.Map.Item.Value', 'tag.$': '$.tag' }, ItemsPath: '$.xs' }), { xs: ['a', 'b', 'c'], tag: 't' });
    const children = ofKind(d, 'StartMapRunChild');
    const run = ofKind(d, 'StartMapRun')[0]!;
    expect(children.map((c) => c.index)).toEqual([0, 1]);
    for (const c of children) {
      expect(c).toMatchObject({ mapRunArn: run.mapRunArn, stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:Machine/Orders', executionType: 'STANDARD', definition: run.definition });
      expect(c.name).toMatch(UUID_V3);
    }
    expect(children.map((c) => JSON.parse(c.input))).toEqual([{ at: 0, v: 'a', tag: 't' }, { at: 1, v: 'b', tag: 't' }]);
    expect(new Set(children.map((c) => c.name)).size).toBe(2);
  });

  test('without a Label the label is a generated UUID, the same for every execution of the state machine; the Map Run id differs', async () => {
    const a = ofKind((await start(distributed(), [1], 'seed-a')).d, 'StartMapRun')[0]!.mapRunArn;
    const b = ofKind((await start(distributed(), [1], 'seed-b')).d, 'StartMapRun')[0]!.mapRunArn;
    const label = (arn: string) => arn.split(':')[6]!.split('/')[1]!;
    expect(label(a)).toMatch(UUID_V3);
    expect(label(a)).toBe(label(b));
    expect(a).not.toBe(b);
  });

  test('a JSONata Map hands its query language to the children; EXPRESS children are started as EXPRESS', async () => {
    const def = { QueryLanguage: 'JSONata', ...distributed({}, { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' } }) } as StateMachineDefinition;
    const { d } = await start(def, [1]);
    expect(JSON.parse(ofKind(d, 'StartMapRun')[0]!.definition)).toMatchObject({ QueryLanguage: 'JSONata' });
    expect(ofKind(d, 'StartMapRunChild')[0]!.executionType).toBe('EXPRESS');
  });

  test('no MaxConcurrency starts every child at once (AWS runs up to 10,000)', async () => {
    const { d } = await start(distributed(), Array.from({ length: 50 }, (_, i) => i));
    expect(ofKind(d, 'StartMapRunChild')).toHaveLength(50);
    expect(ofKind(d, 'StartMapRun')[0]!.maxConcurrency).toBe(0);
  });
});

describe('the children\'s ends', () => {
  test('each end starts the next child; the last closes the Map Run SUCCEEDED with the outputs in item order', async () => {
    const { ex, d } = await start(distributed({ MaxConcurrency: 1 }), ['a', 'b']);
    const [first] = ofKind(d, 'StartMapRunChild');
    const d2 = await succeed(ex, first!, 'A');
    expect(d2.events).toEqual([]);
    const [second] = ofKind(d2, 'StartMapRunChild');
    expect(second!.index).toBe(1);
    const d3 = await succeed(ex, second!, 'B', START_TIME + 2000);
    expect(types(d3)).toEqual(['MapRunSucceeded', 'MapStateSucceeded', 'MapStateExited', 'ExecutionSucceeded']);
    expect(ofKind(d3, 'CloseMapRun')).toEqual([{ kind: 'CloseMapRun', mapRunArn: second!.mapRunArn, status: 'SUCCEEDED' }]);
    expect(d3.events[0]!.timestamp).toBe(START_TIME + 2000);
    expect(ofKind(d3, 'CloseExecution')[0]!.output).toBe('["A","B"]');
  });

  test('a failure past the tolerance stops the running children (CancelTask) and closes the Map Run FAILED', async () => {
    const { ex, d } = await start(distributed({ ToleratedFailureCount: 1 }), [1, 2, 3, 4]);
    const children = ofKind(d, 'StartMapRunChild');
    expect((await fail(ex, children[0]!)).commands).toEqual([]);
    const d2 = await fail(ex, children[2]!);
    expect(ofKind(d2, 'CancelTask').map((c) => c.taskId)).toEqual([children[1]!.taskId, children[3]!.taskId]);
    expect(ofKind(d2, 'CloseMapRun')).toEqual([
      { kind: 'CloseMapRun', mapRunArn: children[0]!.mapRunArn, status: 'FAILED', error: 'States.ExceedToleratedFailureThreshold', cause: 'The specified tolerated failure threshold was exceeded' },
    ]);
    expect(types(d2)).toEqual(['MapRunFailed', 'MapStateFailed', 'ExecutionFailed']);
    // A late end of a stopped child changes nothing.
    expect(await succeed(ex, children[1]!, 'late')).toEqual({ events: [], commands: [] });
  });

  test('StopExecution stops the children with the execution and leaves the Map Run\'s end to the runtime', async () => {
    const { ex, d } = await start(distributed(), [1, 2]);
    const children = ofKind(d, 'StartMapRunChild');
    const stop = await ex.apply({ kind: 'StopExecution', at: START_TIME + 5, error: 'E' });
    expect(types(stop)).toEqual(['ExecutionAborted']);
    expect(ofKind(stop, 'CancelTask').map((c) => c.taskId).sort()).toEqual(children.map((c) => c.taskId).sort());
    expect(ofKind(stop, 'CloseMapRun')).toEqual([]);
  });
});

describe('UpdateMapRun', () => {
  test('a higher MaxConcurrency starts more children at once; no events are recorded', async () => {
    const { ex, d } = await start(distributed({ MaxConcurrency: 1 }), [1, 2, 3, 4]);
    const mapRunArn = ofKind(d, 'StartMapRun')[0]!.mapRunArn;
    expect(ofKind(d, 'StartMapRunChild')).toHaveLength(1);
    const u = await ex.apply({ kind: 'UpdateMapRun', at: START_TIME + 10, mapRunArn, maxConcurrency: 3 });
    expect(u.events).toEqual([]);
    expect(ofKind(u, 'StartMapRunChild').map((c) => c.index)).toEqual([1, 2]);
  });

  test('a higher tolerance lets a failure through; a lower one fails the run at once if it is already exceeded', async () => {
    const { ex, d } = await start(distributed({ ToleratedFailureCount: 0 }), [1, 2, 3]);
    const mapRunArn = ofKind(d, 'StartMapRun')[0]!.mapRunArn;
    const children = ofKind(d, 'StartMapRunChild');
    await ex.apply({ kind: 'UpdateMapRun', at: START_TIME + 1, mapRunArn, toleratedFailureCount: 1 });
    expect((await fail(ex, children[0]!)).events).toEqual([]);
    const lower = await ex.apply({ kind: 'UpdateMapRun', at: START_TIME + 2000, mapRunArn, toleratedFailureCount: 0 });
    expect(types(lower)).toEqual(['MapRunFailed', 'MapStateFailed', 'ExecutionFailed']);
    expect(ofKind(lower, 'CancelTask')).toHaveLength(2);
  });

  test('a percentage set by UpdateMapRun counts against all items', async () => {
    const { ex, d } = await start(distributed(), [1, 2, 3, 4]);
    const mapRunArn = ofKind(d, 'StartMapRun')[0]!.mapRunArn;
    const children = ofKind(d, 'StartMapRunChild');
    await ex.apply({ kind: 'UpdateMapRun', at: START_TIME + 1, mapRunArn, toleratedFailurePercentage: 50 });
    await fail(ex, children[0]!);
    expect((await fail(ex, children[1]!)).events).toEqual([]);
    expect(types(await fail(ex, children[2]!))).toEqual(['MapRunFailed', 'MapStateFailed', 'ExecutionFailed']);
  });

  test('an update for an unknown or ended Map Run changes nothing', async () => {
    const { ex, d } = await start(distributed(), [1]);
    const mapRunArn = ofKind(d, 'StartMapRun')[0]!.mapRunArn;
    expect(await ex.apply({ kind: 'UpdateMapRun', at: START_TIME + 1, mapRunArn: `${mapRunArn}x`, maxConcurrency: 5 })).toEqual({ events: [], commands: [] });
    await succeed(ex, ofKind(d, 'StartMapRunChild')[0]!, 1);
    expect(await ex.apply({ kind: 'UpdateMapRun', at: START_TIME + 2, mapRunArn, maxConcurrency: 5 })).toEqual({ events: [], commands: [] });
  });
});

describe('replay', () => {
  test('the children in flight are outstanding, with the same names after a replay', async () => {
    const def = distributed({ MaxConcurrency: 2 });
    const ex = createExecution(def);
    const inputs = [{ kind: 'StartExecution' as const, at: START_TIME, input: '[1,2,3]', execution: executionInfo(), seed: 'bb' }];
    const d = await ex.apply(inputs[0]!);
    const first = ofKind(d, 'StartMapRunChild');
    const next = { kind: 'TaskSucceeded' as const, at: START_TIME + 5, taskId: first[0]!.taskId, output: '1' };
    const d2 = await ex.apply(next);
    const again = await replay(def, [...inputs, next]);
    const outstanding = again.execution.outstanding().filter((c): c is Child => c.kind === 'StartMapRunChild');
    expect(outstanding.map((c) => [c.index, c.name])).toEqual([
      [1, first[1]!.name],
      [2, ofKind(d2, 'StartMapRunChild')[0]!.name],
    ]);
  });
});

describe('the children, as the corpus driver runs them', () => {
  test('each child has its own history, starting from its item as input under the labelled state machine', async () => {
    const def = distributed({ Label: 'L', ItemSelector: { 'n.$': '$$.Map.Item.Value' } }, { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 3, End: true } } });
    const r = await drive(def, [7, 8]);
    expect(r.status).toBe('SUCCEEDED');
    expect(r.output).toEqual([{ n: 7 }, { n: 8 }]);
    expect(r.mapRuns.map((m) => m.status)).toEqual(['SUCCEEDED']);
    expect(r.children.map((c) => c.result.events.map((e) => e.type))).toEqual([
      ['ExecutionStarted', 'WaitStateEntered', 'WaitStateExited', 'ExecutionSucceeded'],
      ['ExecutionStarted', 'WaitStateEntered', 'WaitStateExited', 'ExecutionSucceeded'],
    ]);
    expect(r.children[0]!.result.events[0]).toMatchObject({ executionStartedEventDetails: { input: '{"n":7}' } });
  });

  test('when one child fails the Map Run, its running siblings end ABORTED at that moment', async () => {
    const def = distributed({}, {
      StartAt: 'C',
      States: { C: { Type: 'Choice', Choices: [{ Variable: '$', NumericEquals: 0, Next: 'Bad' }], Default: 'W' }, W: { Type: 'Wait', Seconds: 60, End: true }, Bad: { Type: 'Fail', Error: 'B' } },
    });
    const r = await drive(def, [1, 0, 2], { taskLatencyMs: 0 });
    expect(r.status).toBe('FAILED');
    expect(r.children.map((c) => [c.command.index, c.result.status, c.cancelled])).toEqual([
      [0, 'ABORTED', true],
      [1, 'FAILED', false],
      [2, 'ABORTED', true],
    ]);
    expect(r.mapRuns.map((m) => [m.status, m.error])).toEqual([['FAILED', 'States.ExceedToleratedFailureThreshold']]);
  });

  test('a parent stopped mid-run leaves its Map Run ABORTED', async () => {
    const def = distributed({}, { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 60, End: true } } });
    const r = await drive(def, [1], { stopAfterMs: 1000 });
    expect(r.status).toBe('ABORTED');
    expect(r.mapRuns.map((m) => m.status)).toEqual(['ABORTED']);
    expect(r.children[0]!.result.status).toBe('ABORTED');
  });
});
