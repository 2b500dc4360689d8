import { StoreCursorError } from '../../store/store-errors';
import type { Page, PageRequest } from '../../store/records';
import { ServiceError } from '../step-functions-operations';

/** AWS's list operations return 100 items by default and at most 1000. */
export function pageRequest(maxResults: number | undefined, nextToken: string | undefined, max = 1000): PageRequest {
  const limit = maxResults === undefined || maxResults === 0 ? 100 : Math.min(maxResults, max);
  return nextToken === undefined ? { limit } : { limit, after: nextToken };
}

/** Runs a store list, answering a cursor the store cannot read as AWS answers a bad nextToken. */
export function listPage<T>(read: () => Page<T>): Page<T> {
  try {
    return read();
  } catch (err) {
    if (err instanceof StoreCursorError) throw new ServiceError('InvalidToken', `Invalid Token: 'Invalid NextToken'`);
    throw err;
  }
}

/**
 * A page of the items `read` lists that `keep` accepts, for filters the store cannot apply (a
 * status as shown, not as stored): up to `request.limit` of them, read on through as many store
 * pages as it takes, so that a page is short only at the end of the list, and it has a cursor only
 * when another accepted item follows. The cursor is the store's own for the last item returned.
 */
export function filteredPage<T>(read: (request: PageRequest) => Page<T>, keep: (item: T) => boolean, request: PageRequest): Page<T> {
  const items: T[] = [];
  // Where the page's last item is: the store cursor before its store page, and its index there.
  let cut: { after: string | undefined; index: number } | undefined;
  let after = request.after;
  for (;;) {
    const page = listPage(() => read(after === undefined ? { limit: request.limit } : { limit: request.limit, after }));
    for (let i = 0; i < page.items.length; i++) {
      const item = page.items[i]!;
      if (!keep(item)) continue;
      if (items.length === request.limit) {
        // Another accepted item follows: the page ends at its last item, read again to get the store's cursor there.
        const upTo = read(cut!.after === undefined ? { limit: cut!.index + 1 } : { limit: cut!.index + 1, after: cut!.after });
        return { items, next: upTo.next! };
      }
      items.push(item);
      if (items.length === request.limit) cut = { after, index: i };
    }
    if (page.next === undefined) return { items };
    after = page.next;
  }
}
