import type { StoreOption } from '../runtime/local-service-contract';
import type { Store } from './store';

/**
 * Opens the store the service was configured with (`--data DIR` or `--memory`). Each backend is
 * loaded only when chosen: `--memory` never loads SQLite's native module.
 */
export function openStore(option: StoreOption): Store {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const open: { [K in StoreOption['kind']]: (o: Extract<StoreOption, { kind: K }>) => Store } = {
    sqlite: (o) => new (require('./sqlite-store') as typeof import('./sqlite-store')).SqliteStore({ dir: o.dir, durability: o.durability }),
    memory: () => new (require('./memory-store') as typeof import('./memory-store')).MemoryStore(),
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
  return (open[option.kind] as (o: StoreOption) => Store)(option);
}
