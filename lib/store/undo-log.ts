/**
 * Inverse steps of the changes one `write()` call made to in-memory maps, so that a call that
 * fails half-way leaves nothing behind (the memory store's SAVEPOINT).
 */
export class UndoLog {
  private steps: (() => void)[] = [];

  set<K, V>(map: Map<K, V>, key: K, value: V): void {
    const had = map.has(key);
    const before = map.get(key) as V;
    map.set(key, value);
    this.steps.push(had ? () => map.set(key, before) : () => map.delete(key));
  }

  delete<K, V>(map: Map<K, V>, key: K): void {
    if (!map.has(key)) return;
    const before = map.get(key) as V;
    map.delete(key);
    this.steps.push(() => map.set(key, before));
  }

  add<V>(set: Set<V>, value: V): void {
    if (set.has(value)) return;
    set.add(value);
    this.steps.push(() => set.delete(value));
  }

  remove<V>(set: Set<V>, value: V): void {
    if (!set.delete(value)) return;
    this.steps.push(() => set.add(value));
  }

  /** Sets one member of an object (its previous value comes back on rollback). */
  assign<T extends object, K extends keyof T>(target: T, key: K, value: T[K]): void {
    const before = target[key];
    target[key] = value;
    this.steps.push(() => {
      target[key] = before;
    });
  }

  push<V>(array: V[], items: readonly V[]): void {
    const length = array.length;
    for (const item of items) array.push(item);
    this.steps.push(() => {
      array.length = length;
    });
  }

  /** Undoes every step since the last `clear`, newest first. */
  rollback(): void {
    for (let i = this.steps.length - 1; i >= 0; i--) this.steps[i]();
    this.steps = [];
  }

  clear(): void {
    this.steps = [];
  }
}
