import type { HistoryEvent } from '../../lib/engine';
import { StoreIntegrityError, type ExecutionRecord, type Store, type StoreWrite } from '../../lib/store';
import { backends, closed, execution, executionArn, machineArn, passChain, wire, type Backend } from './store-fixtures';

const T0 = 1_700_000_000_000;

describe.each(backends)('%s store: executions, inputs and events', (_name, make) => {
  let backend: Backend;
  let store: Store;
  beforeEach(() => {
    backend = make();
    store = backend.open();
  });
  afterEach(async () => {
    await store.close();
    backend.cleanup();
  });

  /** Every page of a listing, following `next`. */
  function allPages(query: Parameters<Store['listExecutions']>[0], limit: number): string[][] {
    const pages: string[][] = [];
    let after: string | undefined;
    do {
      const page = store.listExecutions(query, { limit, after });
      pages.push(page.items.map((r) => r.name));
      after = page.next;
    } while (after !== undefined);
    return pages;
  }

  test('an execution is created, its summary replaced, and read back exactly', async () => {
    const record = execution('M', 'e1', {
      stateMachineVersionArn: `${machineArn('M')}:1`,
      traceHeader: 'Root=1-abc',
      parent: { executionArn: executionArn('P', 'p1'), taskId: 'task-3' },
    });
    await store.write([{ kind: 'putExecution', record }]);
    expect(store.getExecution(record.arn)).toStrictEqual(record);
    const done: ExecutionRecord = { ...record, status: 'FAILED', stopDate: T0 + 5, error: 'States.TaskFailed', cause: 'boom "quoted"', eventCount: 7 };
    await store.write([{ kind: 'putExecution', record: done }]);
    expect(store.getExecution(record.arn)).toStrictEqual(done);
    expect(store.getExecution(executionArn('M', 'missing'))).toBeUndefined();
  });

  test('listExecutions is newest start first, ties by ARN, and pages cut through ties without loss', async () => {
    const starts: [string, number][] = [['a', 3], ['b', 1], ['c', 3], ['d', 2], ['e', 3], ['f', 0]];
    await store.write(starts.map(([n, s]) => ({ kind: 'putExecution' as const, record: execution('M', n, { startDate: T0 + s }) })));
    const expected = ['a', 'c', 'e', 'd', 'b', 'f'];
    expect(store.listExecutions({}, { limit: Infinity }).items.map((r) => r.name)).toEqual(expected);
    expect(allPages({ stateMachineArn: machineArn('M') }, 2)).toEqual([['a', 'c'], ['e', 'd'], ['b', 'f']]);
    expect(allPages({ stateMachineArn: machineArn('M') }, 1).flat()).toEqual(expected);
    expect(allPages({}, 4)).toEqual([['a', 'c', 'e', 'd'], ['b', 'f']]);
  });

  test('a cursor stays valid while newer executions start', async () => {
    await store.write([1, 2, 3, 4].map((s) => ({ kind: 'putExecution' as const, record: execution('M', `e${s}`, { startDate: T0 + s }) })));
    const first = store.listExecutions({}, { limit: 2 });
    expect(first.items.map((r) => r.name)).toEqual(['e4', 'e3']);
    await store.write([{ kind: 'putExecution', record: execution('M', 'e9', { startDate: T0 + 9 }) }]);
    expect(store.listExecutions({}, { limit: 2, after: first.next }).items.map((r) => r.name)).toEqual(['e2', 'e1']);
  });

  test('listExecutions filters by state machine, status, version, alias, map run and redrive', async () => {
    const sm = machineArn('M');
    const mapRun = `arn:aws:states:us-east-1:123456789012:mapRun:M/map:run1`;
    await store.write([
      { kind: 'putExecution', record: execution('M', 'running', { startDate: T0 + 1 }) },
      { kind: 'putExecution', record: closed(execution('M', 'done', { startDate: T0 + 2 }), 'SUCCEEDED', T0 + 3) },
      { kind: 'putExecution', record: closed(execution('M', 'failed', { startDate: T0 + 3 }), 'FAILED', T0 + 4) },
      { kind: 'putExecution', record: execution('M', 'v1', { startDate: T0 + 4, stateMachineVersionArn: `${sm}:1` }) },
      { kind: 'putExecution', record: execution('M', 'prod', { startDate: T0 + 5, stateMachineAliasArn: `${sm}:prod`, stateMachineVersionArn: `${sm}:1` }) },
      { kind: 'putExecution', record: execution('M', 'redriven', { startDate: T0 + 6, redriveCount: 1, redriveDate: T0 + 7 }) },
      { kind: 'putExecution', record: execution('M', 'child', { startDate: T0 + 7, mapRunArn: mapRun }) },
      { kind: 'putExecution', record: execution('Other', 'elsewhere', { startDate: T0 + 8 }) },
    ]);
    const names = (q: Parameters<Store['listExecutions']>[0]) => store.listExecutions(q, { limit: 100 }).items.map((r) => r.name);
    expect(names({ stateMachineArn: sm })).toEqual(['child', 'redriven', 'prod', 'v1', 'failed', 'done', 'running']);
    expect(names({ stateMachineArn: sm, status: 'RUNNING' })).toEqual(['child', 'redriven', 'prod', 'v1', 'running']);
    expect(names({ stateMachineArn: sm, status: 'SUCCEEDED' })).toEqual(['done']);
    expect(names({ status: 'FAILED' })).toEqual(['failed']);
    expect(names({ stateMachineVersionArn: `${sm}:1` })).toEqual(['prod', 'v1']);
    expect(names({ stateMachineAliasArn: `${sm}:prod` })).toEqual(['prod']);
    expect(names({ mapRunArn: mapRun })).toEqual(['child']);
    expect(names({ stateMachineArn: sm, redriven: true })).toEqual(['redriven']);
    expect(names({ stateMachineArn: sm, redriven: false })).toHaveLength(6);
    expect(names({ stateMachineArn: machineArn('Nope') })).toEqual([]);
  });

  test('runningExecutions lists RUNNING ones oldest first; childExecutions those a task of the parent started', async () => {
    const parent = execution('P', 'parent', { startDate: T0 });
    await store.write([
      { kind: 'putExecution', record: parent },
      { kind: 'putExecution', record: execution('M', 'late', { startDate: T0 + 9 }) },
      { kind: 'putExecution', record: execution('M', 'early', { startDate: T0 + 1, parent: { executionArn: parent.arn, taskId: 't1' } }) },
      { kind: 'putExecution', record: closed(execution('M', 'over', { startDate: T0 + 2, parent: { executionArn: parent.arn, taskId: 't2' } }), 'SUCCEEDED', T0 + 3) },
      { kind: 'putExecution', record: execution('M', 'pending', { startDate: T0 + 4, status: 'PENDING_REDRIVE' }) },
    ]);
    expect(store.runningExecutions()).toEqual([parent.arn, executionArn('M', 'early'), executionArn('M', 'late')]);
    expect(store.childExecutions(parent.arn).map((r) => [r.name, r.parent?.taskId])).toEqual([
      ['early', 't1'],
      ['over', 't2'],
    ]);
    expect(store.childExecutions(executionArn('M', 'late'))).toEqual([]);
  });

  test('inputs are appended in order across writes and read back as given', async () => {
    const x = execution('M', 'e1');
    await store.write([{ kind: 'putExecution', record: x }, { kind: 'appendInputs', executionArn: x.arn, inputs: ['{"kind":"StartExecution"}', '{"kind":"TaskStarted"}'] }]);
    await store.write([{ kind: 'appendInputs', executionArn: x.arn, inputs: [] }]);
    await store.write([{ kind: 'appendInputs', executionArn: x.arn, inputs: ['{"kind":"TaskSucceeded","output":"{\\"a\\":1}"}'] }]);
    expect(store.readInputs(x.arn)).toEqual(['{"kind":"StartExecution"}', '{"kind":"TaskStarted"}', '{"kind":"TaskSucceeded","output":"{\\"a\\":1}"}']);
    expect(store.readInputs(executionArn('M', 'none'))).toEqual([]);
  });

  test('events round-trip exactly, key order included, whether payloads are lazy getters or plain strings', async () => {
    const lazy = execution('M', 'lazy');
    const plain = execution('M', 'plain');
    const lazyEvents = passChain(5);
    const plainEvents = passChain(5, { lazy: false });
    await store.write([
      { kind: 'putExecution', record: lazy },
      { kind: 'putExecution', record: plain },
      { kind: 'appendEvents', executionArn: lazy.arn, events: lazyEvents },
      { kind: 'appendEvents', executionArn: plain.arn, events: plainEvents },
    ]);
    expect(wire(store.readEvents(lazy.arn, { limit: Infinity }))).toEqual(wire(lazyEvents));
    expect(wire(store.readEvents(plain.arn, { limit: Infinity }))).toEqual(wire(plainEvents));
    expect(wire(lazyEvents)).toEqual(wire(plainEvents));
  });

  test('events of every shape survive: errors and causes, parameters, assigned variables, empty details, unicode', async () => {
    const x = execution('M', 'shapes');
    const long = 'é✓😀 "quoted" \\ back\nslash '.repeat(10);
    const events: HistoryEvent[] = [
      { timestamp: T0, type: 'ExecutionStarted', id: 1, previousEventId: 0, executionStartedEventDetails: { input: '{}', inputDetails: { truncated: false }, roleArn: 'r' } },
      { timestamp: T0, type: 'TaskStateEntered', id: 2, previousEventId: 1, stateEnteredEventDetails: { name: 'T', input: JSON.stringify({ long }) } },
      { timestamp: T0, type: 'TaskScheduled', id: 3, previousEventId: 2, taskScheduledEventDetails: { resourceType: 'lambda', resource: 'invoke', region: 'us-east-1', parameters: JSON.stringify({ FunctionName: 'f', Payload: { long } }), timeoutInSeconds: 60 } },
      { timestamp: T0, type: 'TaskStarted', id: 4, previousEventId: 3, taskStartedEventDetails: { resourceType: 'lambda', resource: 'invoke' } },
      { timestamp: T0, type: 'TaskFailed', id: 5, previousEventId: 4, taskFailedEventDetails: { resourceType: 'lambda', resource: 'invoke', error: 'Lambda.Unknown', cause: JSON.stringify({ errorMessage: long, trace: [long] }) } },
      { timestamp: T0, type: 'TaskStateExited', id: 6, previousEventId: 5, stateExitedEventDetails: { name: 'T', output: JSON.stringify({ long }), assignedVariables: { a: '1', b: JSON.stringify(long) }, assignedVariablesDetails: { truncated: false } } },
      { timestamp: T0, type: 'ParallelStateStarted', id: 7, previousEventId: 6 },
      { timestamp: T0, type: 'LambdaFunctionStarted', id: 8, previousEventId: 7 },
      { timestamp: T0, type: 'ExecutionFailed', id: 9, previousEventId: 8, executionFailedEventDetails: { error: 'States.TaskFailed', cause: long } },
    ];
    await store.write([{ kind: 'putExecution', record: x }, { kind: 'appendEvents', executionArn: x.arn, events }]);
    expect(wire(store.readEvents(x.arn, { limit: 100 }))).toEqual(wire(events));
    expect(store.readEvents(x.arn, { limit: 100 })).toStrictEqual(JSON.parse(JSON.stringify(events)));
  });

  test('events page forward and backward, and a shared payload resolves outside the page', async () => {
    const x = execution('M', 'pages');
    const events = passChain(10); // 22 events; each Entered input equals the Exited output before it
    await store.write([{ kind: 'putExecution', record: x }, { kind: 'appendEvents', executionArn: x.arn, events }]);
    const all = wire(events);
    const ids = (list: HistoryEvent[]) => list.map((e) => e.id);
    expect(ids(store.readEvents(x.arn, { limit: 5 }))).toEqual([1, 2, 3, 4, 5]);
    expect(ids(store.readEvents(x.arn, { after: 5, limit: 3 }))).toEqual([6, 7, 8]);
    expect(ids(store.readEvents(x.arn, { after: 20, limit: 10 }))).toEqual([21, 22]);
    expect(store.readEvents(x.arn, { after: 22, limit: 10 })).toEqual([]);
    expect(ids(store.readEvents(x.arn, { reverse: true, limit: 3 }))).toEqual([22, 21, 20]);
    expect(ids(store.readEvents(x.arn, { reverse: true, after: 4, limit: 10 }))).toEqual([3, 2, 1]);
    expect(store.readEvents(x.arn, { reverse: true, after: 1, limit: 10 })).toEqual([]);
    // One event at a time, forward and backward: every payload comes back whatever the page holds.
    for (let id = 1; id <= 22; id++) {
      expect(wire(store.readEvents(x.arn, { after: id - 1, limit: 1 }))).toEqual([all[id - 1]]);
      expect(wire(store.readEvents(x.arn, { reverse: true, after: id + 1, limit: 1 }))).toEqual([all[id - 1]]);
    }
    expect(store.readEvents(executionArn('M', 'none'), { limit: 5 })).toEqual([]);
  });

  test('events appended over several writes continue the same history', async () => {
    const x = execution('M', 'steps');
    const events = passChain(4);
    await store.write([{ kind: 'putExecution', record: x }, { kind: 'appendEvents', executionArn: x.arn, events: events.slice(0, 3) }]);
    await store.write([{ kind: 'appendEvents', executionArn: x.arn, events: events.slice(3, 4) }]);
    await store.write([{ kind: 'appendEvents', executionArn: x.arn, events: [] }]);
    await store.write([{ kind: 'appendEvents', executionArn: x.arn, events: events.slice(4) }]);
    expect(wire(store.readEvents(x.arn, { limit: 100 }))).toEqual(wire(events));
  });

  test('event ids must continue the history: a gap, a repeat or a wrong start is refused', async () => {
    const x = execution('M', 'ids');
    const events = passChain(3);
    await store.write([{ kind: 'putExecution', record: x }]);
    await expect(store.write([{ kind: 'appendEvents', executionArn: x.arn, events: events.slice(1, 3) }])).rejects.toThrow(
      new StoreIntegrityError(`appendEvents: execution ${x.arn} needs event id 1 next, got 2; history ids must be contiguous`),
    );
    await store.write([{ kind: 'appendEvents', executionArn: x.arn, events: events.slice(0, 2) }]);
    await expect(store.write([{ kind: 'appendEvents', executionArn: x.arn, events: events.slice(1, 3) }])).rejects.toThrow(StoreIntegrityError);
    await expect(store.write([{ kind: 'appendEvents', executionArn: x.arn, events: [events[2], events[4]] }])).rejects.toThrow(/needs event id 4 next, got 5/);
    expect(store.readEvents(x.arn, { limit: 100 }).map((e) => e.id)).toEqual([1, 2]);
  });

  test('inputs, events, timers, tokens, activity tasks and map runs need their execution to exist', async () => {
    const arn = executionArn('M', 'ghost');
    const refused: StoreWrite[] = [
      { kind: 'appendInputs', executionArn: arn, inputs: ['{}'] },
      { kind: 'appendEvents', executionArn: arn, events: passChain(1).slice(0, 1) },
      { kind: 'armTimer', timer: { executionArn: arn, timerId: 't', dueAt: 1 } },
      { kind: 'putToken', record: { token: 'tok', executionArn: arn, taskId: 't' } },
      { kind: 'putActivityTask', record: { activityArn: 'a', token: 'tok', executionArn: arn, taskId: 't', input: '{}', scheduledAt: 1 } },
      { kind: 'putMapRun', record: { arn: 'mr', executionArn: arn, status: 'RUNNING', startDate: 1, maxConcurrency: 0, toleratedFailurePercentage: 0, toleratedFailureCount: 0, itemCounts: '{}', executionCounts: '{}' } },
    ];
    for (const w of refused) {
      await expect(store.write([w])).rejects.toThrow(new StoreIntegrityError(`${w.kind}: no execution ${arn}; put the execution first, in this write or an earlier one`));
    }
    // Put first in the same write, they are accepted.
    await store.write([{ kind: 'putExecution', record: execution('M', 'ghost') }, ...refused]);
    expect(store.readInputs(arn)).toEqual(['{}']);
    expect(store.getToken('tok')).toEqual({ token: 'tok', executionArn: arn, taskId: 't' });
  });
});
