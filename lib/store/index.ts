/**
 * The event log: every engine decision and the records around it, in SQLite (default) or memory.
 * Only lib/runtime uses it.
 */
export type { Store, StoreWrite, StoreWriteKind, EventQuery, PurgeQuery } from './store';
export type * from './records';
export { openStore } from './open-store';
export { MemoryStore } from './memory-store';
export { SqliteStore, DATABASE_FILE, type SqliteStoreOptions } from './sqlite-store';
export type { StoreStats } from './store-stats';
export { StoreClosedError, StoreCursorError, StoreIntegrityError, StoreLockedError, StoreSchemaError } from './store-errors';
export { CLOSED_STATUSES, isClosed, type ClosedStatus } from './closed-status';
export { MAX_EVENT_ID } from './store-limits';
