import { TimerHeap, type DueTimer } from '../../lib/runtime/clock/timer-heap';

const t = (executionArn: string, timerId: string, dueAt: number): DueTimer => ({ executionArn, timerId, dueAt });

function drain(heap: TimerHeap, upTo = Infinity): string[] {
  const out: string[] = [];
  for (let x = heap.popDue(upTo); x; x = heap.popDue(upTo)) out.push(`${x.executionArn}/${x.timerId}@${x.dueAt}`);
  return out;
}

test('timers fire soonest first, ties in arming order, and only once due', () => {
  const heap = new TimerHeap();
  heap.arm(t('a', 't1', 30));
  heap.arm(t('b', 't1', 10));
  heap.arm(t('c', 't1', 30));
  heap.arm(t('a', 't2', 20));
  expect(heap.peek()).toMatchObject({ executionArn: 'b', dueAt: 10 });
  expect(drain(heap, 25)).toEqual(['b/t1@10', 'a/t2@20']);
  expect(drain(heap)).toEqual(['a/t1@30', 'c/t1@30']);
  expect(heap.size).toBe(0);
});

test('a cancelled timer never fires; arming an id again replaces the earlier one', () => {
  const heap = new TimerHeap();
  heap.arm(t('a', 't1', 10));
  heap.arm(t('a', 't2', 20));
  heap.arm(t('b', 't1', 15));
  heap.cancel('a', 't1');
  heap.cancel('a', 'missing');
  heap.arm(t('b', 't1', 5));
  expect(heap.size).toBe(2);
  expect(drain(heap)).toEqual(['b/t1@5', 'a/t2@20']);
});

test('cancelAll drops every timer of an execution and no other', () => {
  const heap = new TimerHeap();
  heap.arm(t('a', 't1', 10));
  heap.arm(t('a', 't2', 20));
  heap.arm(t('b', 't1', 30));
  heap.cancelAll('a', ['t1', 't2']);
  expect(drain(heap)).toEqual(['b/t1@30']);
});

test('cancelled far-future timers (every closed execution leaves one) are dropped, not held until due', () => {
  const heap = new TimerHeap();
  const YEAR = 365 * 86_400_000;
  // Due times in a scrambled order (7919 is prime to 20,000), so the heap is not already sorted.
  const due = (i: number) => YEAR + ((i * 7919) % 20_000);
  for (let i = 0; i < 20_000; i++) {
    heap.arm(t(`x${i}`, 'limit', due(i)));
    if (i % 100 !== 0) heap.cancel(`x${i}`, 'limit');
  }
  expect(heap.size).toBe(200);
  expect(heap.held).toBeLessThan(2 * 200 + 1100);
  // Compaction keeps the order: the survivors fire in due order.
  const fired = drain(heap).map((s) => Number(s.split('@')[1]));
  const expected = Array.from({ length: 200 }, (_, k) => due(k * 100)).sort((p, q) => p - q);
  expect(fired).toEqual(expected);
});
