import { handler as aggregateResults } from '../../lambdas/fanout/aggregate-results';
import { handler as processItem } from '../../lambdas/fanout/process-item';

describe('fan-out activities', () => {
  test('process-item doubles the value and keeps the id', async () => {
    expect(await processItem({ id: 'item-7', value: 21 })).toEqual({ id: 'item-7', result: 42 });
    expect(await processItem({ id: 'item-8', value: -1.5 })).toEqual({ id: 'item-8', result: -3 });
  });

  test('aggregate-results sums and counts the processed items', async () => {
    const results = await Promise.all(Array.from({ length: 1000 }, (_, i) => processItem({ id: `item-${i}`, value: i })));
    expect(await aggregateResults({ results })).toEqual({ total: 999_000, count: 1000 });
    expect(await aggregateResults({ results: [] })).toEqual({ total: 0, count: 0 });
  });

  test.each([
    [processItem, { id: 'item-1' }, 'value must be a finite number (got nothing)'],
    [processItem, { id: 'item-1', value: '2' }, 'value must be a finite number (got the string "2")'],
    [processItem, { value: 2 }, 'id must be a string (got nothing)'],
    [aggregateResults, { results: [{ id: 'a', result: 1 }, { id: 'b' }] }, 'results[1].result must be a finite number (got nothing)'],
    [aggregateResults, {}, 'results must be an array (got nothing)'],
  ])('bad input fails with InvalidInput (%#)', async (handler, event, message) => {
    await expect((handler as (e: unknown) => Promise<unknown>)(event)).rejects.toMatchObject({ name: 'InvalidInput', message });
  });
});
