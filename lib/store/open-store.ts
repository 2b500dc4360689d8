import type { StoreOption } from '../runtime/local-service-contract';
import { MemoryStore } from './memory-store';
import { SqliteStore } from './sqlite-store';
import type { Store } from './store';

/** Opens the store the service was configured with (`--data DIR` or `--memory`). */
export function openStore(option: StoreOption): Store {
  const open: { [K in StoreOption['kind']]: (o: Extract<StoreOption, { kind: K }>) => Store } = {
    sqlite: (o) => new SqliteStore({ dir: o.dir, durability: o.durability }),
    memory: () => new MemoryStore(),
  };
  return (open[option.kind] as (o: StoreOption) => Store)(option);
}
