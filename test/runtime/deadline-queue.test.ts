import { DeadlineQueue } from '../../lib/runtime/lambda/deadline-queue';

afterEach(() => jest.useRealTimers());

test('an invocation still pending at its deadline expires; settled ones never do', () => {
  jest.useFakeTimers({ now: 1_000 });
  const q = new DeadlineQueue();
  const expired: string[] = [];
  const settleA = q.watch(2_000, () => expired.push('a'));
  q.watch(2_000, () => expired.push('b'));
  jest.advanceTimersByTime(500);
  const settleC = q.watch(2_500, () => expired.push('c'));
  q.watch(2_500, () => expired.push('d'));
  settleA();
  settleC();
  expect(q.pending).toBe(2);
  jest.advanceTimersByTime(499);
  expect(expired).toEqual([]);
  jest.advanceTimersByTime(1);
  expect(expired).toEqual(['b']);
  jest.advanceTimersByTime(500);
  expect(expired).toEqual(['b', 'd']);
  expect(q.pending).toBe(0);
  expect(jest.getTimerCount()).toBe(0);
});

test('settling every invocation leaves no timer behind; a settled head moves the timer to the next deadline', () => {
  jest.useFakeTimers({ now: 0 });
  const q = new DeadlineQueue();
  const expired: number[] = [];
  const settles = Array.from({ length: 3000 }, (_, i) => q.watch(1_000 + i, () => expired.push(i)));
  expect(jest.getTimerCount()).toBe(1);
  for (let i = 0; i < 2999; i++) settles[i]!();
  jest.advanceTimersByTime(1_000);
  expect(expired).toEqual([]);
  jest.advanceTimersByTime(2_998);
  expect(expired).toEqual([]);
  jest.advanceTimersByTime(1);
  expect(expired).toEqual([2999]);
  expect(jest.getTimerCount()).toBe(0);
  const settle = q.watch(10_000, () => expired.push(-1));
  settle();
  expect(jest.getTimerCount()).toBe(0);
});
