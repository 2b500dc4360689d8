import { filteredPage } from '../../lib/runtime/operations/paging';
import type { Page, PageRequest } from '../../lib/store/records';

/** A store list of the numbers 0..n-1, paged with its cursor as the last number returned. */
function numbers(n: number) {
  const reads: PageRequest[] = [];
  const read = (r: PageRequest): Page<number> => {
    reads.push(r);
    const from = r.after === undefined ? 0 : Number(r.after) + 1;
    const items = Array.from({ length: Math.max(0, Math.min(r.limit, n - from)) }, (_, i) => from + i);
    return from + items.length < n ? { items, next: String(items[items.length - 1]) } : { items };
  };
  return { read, reads };
}

/** Every page of the filtered list, following the cursors. */
function allPages(n: number, keep: (x: number) => boolean, limit: number): number[][] {
  const { read } = numbers(n);
  const pages: number[][] = [];
  let after: string | undefined;
  do {
    const page = filteredPage(read, keep, after === undefined ? { limit } : { limit, after });
    pages.push(page.items);
    after = page.next;
  } while (after !== undefined);
  return pages;
}

test.each([
  [20, 3, [[0, 3, 6], [9, 12, 15], [18]]],
  [19, 3, [[0, 3, 6], [9, 12, 15], [18]]],
  [18, 3, [[0, 3, 6], [9, 12, 15]]],
  [2, 5, [[0]]],
  [0, 5, [[]]],
])('of %i numbers, the multiples of 3, %i a page: full pages, and a cursor only when more follow', (n, limit, expected) => {
  expect(allPages(n, (x) => x % 3 === 0, limit)).toEqual(expected);
});

test('a page reads on past store pages with nothing accepted', () => {
  const { read, reads } = numbers(100);
  expect(filteredPage(read, (x) => x === 97 || x === 98, { limit: 1 })).toEqual({ items: [97], next: '97' });
  expect(reads.length).toBeGreaterThan(90);
  expect(filteredPage(read, (x) => x === 97 || x === 98, { limit: 1, after: '97' })).toEqual({ items: [98] });
});
