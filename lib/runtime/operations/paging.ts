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
