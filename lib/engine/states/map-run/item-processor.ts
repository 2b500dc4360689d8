import type { ItemProcessor, MapState } from '../../../asl';

/**
 * A Map's item processor: ItemProcessor, or the deprecated Iterator, which AWS also runs in the mode
 * its ProcessorConfig names (an Iterator with Mode DISTRIBUTED starts a Map Run: localstack
 * test_base_scenarios.snapshot.json, test_map_state_legacy_config_distributed, recorded on AWS).
 */
export function itemProcessor(def: MapState): ItemProcessor | undefined {
  return def.ItemProcessor ?? def.Iterator;
}

/** Distributed when the item processor's ProcessorConfig says so; inline otherwise. */
export function isDistributed(def: MapState): boolean {
  return itemProcessor(def)?.ProcessorConfig?.Mode === 'DISTRIBUTED';
}
