import type { ExecutionRecord, Store } from '../../lib/store';
import { backends, closed, execution, executionArn, machineArn, passChain, type Backend } from './store-fixtures';

const T0 = 1_700_000_000_000;

describe.each(backends)('%s store: a summary rewritten decision after decision', (_name, make) => {
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

  const names = (q: Parameters<Store['listExecutions']>[0]) => store.listExecutions(q, { limit: 100 }).items.map((r) => r.name);

  test('a summary whose listed fields stay put, then one whose status, dates and links move, reads back and lists as written', async () => {
    const first = execution('M', 'e1', { startDate: T0 });
    await store.write([{ kind: 'putExecution', record: first }]);
    // Most decisions move only the event count: every listing still finds it where it was.
    for (let n = 1; n <= 5; n++) await store.write([{ kind: 'putExecution', record: { ...first, eventCount: n } }]);
    expect(store.getExecution(first.arn)).toStrictEqual({ ...first, eventCount: 5 });
    expect(store.runningExecutions()).toEqual([first.arn]);
    expect(names({ stateMachineArn: machineArn('M'), status: 'RUNNING' })).toEqual(['e1']);

    const done: ExecutionRecord = { ...closed({ ...first, eventCount: 9 }, 'SUCCEEDED', T0 + 50) };
    await store.write([{ kind: 'putExecution', record: done }]);
    expect(store.getExecution(first.arn)).toStrictEqual(done);
    expect(store.runningExecutions()).toEqual([]);
    expect(names({ stateMachineArn: machineArn('M'), status: 'RUNNING' })).toEqual([]);
    expect(names({ stateMachineArn: machineArn('M'), status: 'SUCCEEDED' })).toEqual(['e1']);
    expect(store.purgeCandidates({ closedBefore: T0 + 51 })).toEqual([first.arn]);

    // A redrive: RUNNING again, counted, without its stop date.
    const { stopDate: _stop, output: _output, ...open } = done;
    const redriven: ExecutionRecord = { ...open, status: 'RUNNING', redriveCount: 1, redriveDate: T0 + 60, eventCount: 10 };
    await store.write([{ kind: 'putExecution', record: redriven }]);
    expect(store.getExecution(first.arn)).toStrictEqual(redriven);
    expect(store.runningExecutions()).toEqual([first.arn]);
    expect(names({ redriven: true })).toEqual(['e1']);
    expect(store.purgeCandidates({})).toEqual([]);

    // Links set on a later summary are listed by them too.
    const linked: ExecutionRecord = { ...redriven, stateMachineVersionArn: `${machineArn('M')}:1`, parent: { executionArn: executionArn('P', 'p'), taskId: 't' } };
    await store.write([{ kind: 'putExecution', record: linked }]);
    expect(store.getExecution(first.arn)).toStrictEqual(linked);
    expect(names({ stateMachineVersionArn: `${machineArn('M')}:1` })).toEqual(['e1']);
    expect(store.childExecutions(executionArn('P', 'p')).map((r) => r.name)).toEqual(['e1']);
  });

  test('the writes after a summary in the same call reach that execution, and a refused call leaves no trace of it', async () => {
    const a = execution('M', 'a', { startDate: T0 });
    await store.write([{ kind: 'putExecution', record: a }, { kind: 'appendInputs', executionArn: a.arn, inputs: ['{"n":1}'] }]);
    const b = execution('M', 'b', { startDate: T0 + 1 });
    await expect(
      store.write([
        { kind: 'putExecution', record: b },
        { kind: 'appendInputs', executionArn: b.arn, inputs: ['{"n":2}'] },
        { kind: 'appendInputs', executionArn: executionArn('M', 'missing'), inputs: ['{}'] },
      ]),
    ).rejects.toThrow();
    expect(store.getExecution(b.arn)).toBeUndefined();
    await store.write([{ kind: 'putExecution', record: { ...a, eventCount: 2 } }, { kind: 'appendInputs', executionArn: a.arn, inputs: [{ kind: 'TaskStarted', n: 3 }] }]);
    // A later call for the refused execution does not find the row the refused call made.
    await expect(store.write([{ kind: 'appendInputs', executionArn: b.arn, inputs: ['{}'] }])).rejects.toThrow();
    expect(store.readInputs(a.arn)).toEqual(['{"n":1}', '{"kind":"TaskStarted","n":3}']);
    expect(store.readInputs(b.arn)).toEqual([]);
  });

  test('a count moved by a refused call is undone, and the next decision writes the record whole again', async () => {
    const a = execution('M', 'a', { startDate: T0 });
    const chain = passChain(4); // events 1..9
    // A decision: the summary with its new count, and the events that bring the history to it.
    const decide = (record: ExecutionRecord, from: number) => [
      { kind: 'putExecution' as const, record },
      { kind: 'appendEvents' as const, executionArn: a.arn, events: chain.slice(from, record.eventCount) },
    ];
    await store.write([{ kind: 'putExecution', record: a }]);
    await store.write(decide({ ...a, eventCount: 3 }, 0));
    await expect(store.write([...decide({ ...a, eventCount: 7 }, 3), { kind: 'appendInputs', executionArn: executionArn('M', 'missing'), inputs: ['{}'] }])).rejects.toThrow();
    expect(store.getExecution(a.arn)).toStrictEqual({ ...a, eventCount: 3 });
    // The same count again, then a change beside the count: each reads back as written.
    await store.write(decide({ ...a, eventCount: 7 }, 3));
    expect(store.getExecution(a.arn)).toStrictEqual({ ...a, eventCount: 7 });
    const traced: ExecutionRecord = { ...a, eventCount: 8, traceHeader: 'Root=1-abc' };
    await store.write(decide(traced, 7));
    expect(store.getExecution(a.arn)).toStrictEqual(traced);
    await store.write(decide({ ...traced, eventCount: 9 }, 8));
    expect(store.listExecutions({ stateMachineArn: machineArn('M') }, { limit: 10 }).items).toStrictEqual([{ ...traced, eventCount: 9 }]);
  });
});
