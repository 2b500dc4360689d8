/**
 * Event ids of one execution must stay below this: SQLite keys each event by
 * `executionId * 2^22 + eventId`. AWS stops an execution at 25,000 events, far below it.
 */
export const EVENT_ID_BITS = 22;
export const MAX_EVENT_ID = 2 ** EVENT_ID_BITS - 1;
