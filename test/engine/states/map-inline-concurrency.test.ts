import type { StateMachineDefinition } from '../../../lib/asl';
import { drive } from '../core/engine-driver';

const LAMBDA = 'arn:aws:lambda:us-east-1:123456789012:function:work';

const map = (maxConcurrency?: number): StateMachineDefinition => ({
  StartAt: 'M',
  States: {
    M: {
      Type: 'Map',
      ...(maxConcurrency !== undefined ? { MaxConcurrency: maxConcurrency } : {}),
      ItemProcessor: { StartAt: 'T', States: { T: { Type: 'Task', Resource: LAMBDA, End: true } } },
      End: true,
    },
  },
});

/** How many iterations had started when the first one finished. */
function startedBeforeFirstEnd(events: { type: string }[]): number {
  const firstEnd = events.findIndex((e) => e.type === 'MapIterationSucceeded');
  return events.slice(0, firstEnd).filter((e) => e.type === 'MapIterationStarted').length;
}

describe('inline Map concurrency', () => {
  test.each([
    ['no MaxConcurrency', undefined, 40],
    ['MaxConcurrency 0 (no limit asked)', 0, 40],
    ['MaxConcurrency above 40', 100, 40],
    ['MaxConcurrency below 40', 7, 7],
  ])('%s: iterations run at most as many at once as AWS runs them (inline: up to 40)', async (_name, maxConcurrency, expected) => {
    const items = Array.from({ length: 45 }, (_v, i) => i);
    const r = await drive(map(maxConcurrency), items, { taskLatencyMs: 1000 });
    expect(r.status).toBe('SUCCEEDED');
    expect(r.output).toEqual(items);
    expect(startedBeforeFirstEnd(r.events)).toBe(expected);
  });
});
