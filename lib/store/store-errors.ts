/**
 * What the store refuses, as named Error classes so that the runtime can tell a bug in its own
 * writes (StoreIntegrityError) from a client's bad paging token (StoreCursorError) and from an
 * unusable data folder (StoreLockedError, StoreSchemaError).
 */

/** A call on a store after `close()`. */
export class StoreClosedError extends Error {
  override readonly name = 'StoreClosedError';
  constructor(what: string) {
    super(`${what} is closed; open a new store to use it again`);
  }
}

/** A write that would break the log's invariants. The whole `write()` call it belongs to is undone. */
export class StoreIntegrityError extends Error {
  override readonly name = 'StoreIntegrityError';
}

/** A paging cursor this store did not hand out for this list. The API maps it to InvalidToken. */
export class StoreCursorError extends Error {
  override readonly name = 'StoreCursorError';
}

/** The data folder is held by another open store (in this process or another one). */
export class StoreLockedError extends Error {
  override readonly name = 'StoreLockedError';
}

/** The data folder was written by a newer sagaflow whose schema this one does not know. */
export class StoreSchemaError extends Error {
  override readonly name = 'StoreSchemaError';
}

export const integrity = {
  unknownExecution: (kind: string, arn: string) =>
    new StoreIntegrityError(`${kind}: no execution ${arn}; put the execution first, in this write or an earlier one`),
  eventIds: (arn: string, expected: number, got: number) =>
    new StoreIntegrityError(`appendEvents: execution ${arn} needs event id ${expected} next, got ${got}; history ids must be contiguous`),
  eventIdTooLarge: (arn: string, id: number, max: number) =>
    new StoreIntegrityError(`appendEvents: event id ${id} of execution ${arn} is above the store's limit of ${max} events per execution`),
  purgeOpen: (arn: string, status: string) =>
    new StoreIntegrityError(`purgeExecution: execution ${arn} is ${status}; only closed executions can be purged`),
};
