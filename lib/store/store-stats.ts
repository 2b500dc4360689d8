/** Counters a store keeps about its own writes, for tests and the bench. */
export interface StoreStats {
  /** `write()` calls accepted (applied, whatever their commit's fate). */
  writes: number;
  /** `write()` calls rejected and undone (their own statements failed). */
  failedWrites: number;
  /** Transactions committed; each holds every accepted `write()` of one tick (group commit). */
  transactions: number;
}

export function emptyStats(): StoreStats {
  return { writes: 0, failedWrites: 0, transactions: 0 };
}
