import { createExecution, type EngineInput, type HistoryEvent } from '../../../lib/engine';
import { executionInfo } from '../core/engine-driver';

/**
 * A Parallel state's output is its branches' outputs joined, each keeping the text it had: an input
 * started with spaces that no state changes keeps them through two nested Parallel states
 * (localstack tests/aws/services/stepfunctions/v2/scenarios/test_base_scenarios.snapshot.json,
 * test_parallel_state_nested, recorded on AWS 2024-03-29).
 */

const INFO = executionInfo('e', 'arn:aws:states:us-east-1:123456789012:stateMachine:m');

async function run(definition: object, input: string): Promise<HistoryEvent[]> {
  const e = createExecution(definition as never);
  const d = await e.apply({ kind: 'StartExecution', at: 0, input, execution: INFO, seed: 'ab'.repeat(16) } as EngineInput);
  return JSON.parse(JSON.stringify(d.events)) as HistoryEvent[];
}

const text = (event: HistoryEvent | undefined): unknown => {
  const details = Object.values(event as unknown as Record<string, unknown>).find((v) => v !== null && typeof v === 'object') as Record<string, unknown>;
  return details.output ?? details.input;
};

const nested = {
  StartAt: 'ParallelStateL1',
  States: {
    ParallelStateL1: {
      Type: 'Parallel',
      End: true,
      Branches: [
        {
          StartAt: 'ParallelStateL2',
          States: {
            ParallelStateL2: {
              Type: 'Parallel',
              End: true,
              Branches: [{ StartAt: 'BranchL2', States: { BranchL2: { Type: 'Pass', End: true } } }],
            },
          },
        },
      ],
    },
  },
};

test('nested Parallel states keep the spaces of an unchanged input in every event, as recorded on AWS', async () => {
  const events = await run(nested, '[[1, 2, 3], [4, 5, 6]]');
  const byName = (type: string, name: string) =>
    events.find((e) => e.type === type && JSON.stringify(e).includes(`"name":"${name}"`));
  expect(text(byName('ParallelStateEntered', 'ParallelStateL2'))).toBe('[[1, 2, 3], [4, 5, 6]]');
  expect(text(byName('PassStateEntered', 'BranchL2'))).toBe('[[1, 2, 3], [4, 5, 6]]');
  expect(text(byName('PassStateExited', 'BranchL2'))).toBe('[[1, 2, 3], [4, 5, 6]]');
  expect(text(byName('ParallelStateExited', 'ParallelStateL1'))).toBe('[[[[1, 2, 3], [4, 5, 6]]]]');
  expect(text(events.find((e) => e.type === 'ExecutionSucceeded'))).toBe('[[[[1, 2, 3], [4, 5, 6]]]]');
  expect(events.map((e) => [e.id, e.type, e.previousEventId]).filter(([id]) => id === 11 || id === 12)).toEqual([
    [11, 'ParallelStateExited', 9],
    [12, 'ExecutionSucceeded', 11],
  ]);
});

test('a branch that changes its payload is written compactly beside one that kept its text', async () => {
  const def = {
    StartAt: 'P',
    States: {
      P: {
        Type: 'Parallel',
        End: true,
        Branches: [
          { StartAt: 'Keep', States: { Keep: { Type: 'Pass', End: true } } },
          { StartAt: 'Change', States: { Change: { Type: 'Pass', Result: { a: [1, 2] }, End: true } } },
        ],
      },
    },
  };
  const events = await run(def, '{ "x": 1 }');
  expect(text(events.find((e) => e.type === 'ParallelStateExited'))).toBe('[{ "x": 1 },{"a":[1,2]}]');
});

test('a Parallel whose ResultSelector builds a new payload writes it compactly, as any changed payload', async () => {
  const def = {
    StartAt: 'P',
    States: {
      P: {
        Type: 'Parallel',
        ResultSelector: { 'first.$': '$[0]' },
        End: true,
        Branches: [{ StartAt: 'Keep', States: { Keep: { Type: 'Pass', End: true } } }],
      },
    },
  };
  const events = await run(def, '{ "x": 1 }');
  expect(text(events.find((e) => e.type === 'ParallelStateExited'))).toBe('{"first":{"x":1}}');
});
