import { timeline } from '../../lib/cli/history-timeline';
import { openFixture, type Fixture } from '../runtime/service-fixture';

// `sagaflow history` names the state of every event; the end of a Map or Parallel points into its
// last branch or iteration, not at the state itself.

let f: Fixture;
beforeAll(async () => void (f = await openFixture({ clock: { mode: 'virtual', start: Date.UTC(2026, 0, 1) } })));
afterAll(() => f.close());

const definition = {
  StartAt: 'Outer',
  States: {
    Outer: {
      Type: 'Parallel',
      Retry: [{ ErrorEquals: ['Boom'], MaxAttempts: 1, IntervalSeconds: 1 }],
      Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Done' }],
      Next: 'Done',
      Branches: [
        {
          StartAt: 'Inner',
          States: {
            Inner: {
              Type: 'Parallel',
              End: true,
              Branches: [
                { StartAt: 'X', States: { X: { Type: 'Pass', End: true } } },
                { StartAt: 'Each', States: { Each: { Type: 'Map', ItemsPath: '$.items', End: true, ItemProcessor: { StartAt: 'Y', States: { Y: { Type: 'Pass', End: true } } } } } },
              ],
            },
          },
        },
        { StartAt: 'Later', States: { Later: { Type: 'Wait', Seconds: 1, Next: 'Boom' }, Boom: { Type: 'Fail', Error: 'Boom' } } },
      ],
    },
    Done: { Type: 'Pass', End: true },
  },
};

test('the end of a Map or Parallel, nested and retried, is shown with its own state; iterations with their Map', async () => {
  const arn = await f.start(await f.machine('Nested', definition), { items: [1, 2] });
  for (let i = 0; i < 4; i++) await f.service.admin.advanceTime(1000);
  expect((await f.closed(arn)).status).toBe('SUCCEEDED');
  const rows = timeline(await f.history(arn));
  const stateOf = (type: string) => [...new Set(rows.filter((r) => r.type === type).map((r) => r.state))];
  // Outer's second attempt starts from the last event of its first (the Fail state Boom).
  expect(rows.filter((r) => r.type === 'ParallelStateStarted').map((r) => r.state)).toEqual(['Outer', 'Inner', 'Outer', 'Inner']);
  expect(rows.filter((r) => r.type === 'ParallelStateSucceeded').map((r) => r.state)).toEqual(['Inner', 'Inner']);
  expect(rows.filter((r) => r.type === 'ParallelStateFailed').map((r) => r.state)).toEqual(['Outer']);
  expect(stateOf('MapStateSucceeded')).toEqual(['Each']);
  expect(stateOf('MapIterationStarted')).toEqual(['Each']);
  expect(stateOf('MapIterationSucceeded')).toEqual(['Each']);
  expect(rows.find((r) => r.type === 'PassStateEntered' && r.state === 'Done')).toBeDefined();
  expect(rows.filter((r) => r.type.startsWith('Execution')).every((r) => r.state === undefined)).toBe(true);
});

test('a history that links forward is shown without looping', () => {
  const at = new Date(0);
  const rows = timeline([
    { id: 1, type: 'ExecutionStarted', timestamp: at, previousEventId: 0 },
    { id: 2, type: 'MapStateSucceeded', timestamp: at, previousEventId: 3 },
    { id: 3, type: 'TaskScheduled', timestamp: at, previousEventId: 2 },
  ]);
  expect(rows.map((r) => r.state)).toEqual([undefined, undefined, undefined]);
});

test("an activity's start names the worker that took it", () => {
  const at = new Date(0);
  const [, started] = timeline([
    { id: 1, type: 'TaskStateEntered', timestamp: at, previousEventId: 0, stateEnteredEventDetails: { name: 'Review', input: '{}' } },
    { id: 2, type: 'ActivityStarted', timestamp: at, previousEventId: 1, activityStartedEventDetails: { workerName: 'w1' } },
  ]);
  expect(started).toMatchObject({ state: 'Review', details: 'worker w1' });
});
