import { tableName } from '../shared/env';
import { ID_RULES, InputObject } from '../shared/input-object';
import { log } from '../shared/log';
import { returnStock } from './inventory-ledger';
import { releaseReservation } from './reservation-record';
import { OrderTables } from './tables';
import type { ReleaseInventoryInput, ReleaseInventoryOutput } from './types';

/**
 * The compensation of reserve-inventory: marks the order RELEASED first (so a late reserve
 * reserves nothing), then returns every SKU the order still holds. Each return is guarded by the
 * order's marker on the item, so a second release (or a crash halfway and a retry) restores
 * nothing twice. `released` is false when the order never reserved anything.
 */
export const handler = async (event: ReleaseInventoryInput): Promise<ReleaseInventoryOutput> => {
  const input = InputObject.of(event);
  const orderId = input.string('orderId', ID_RULES);
  const inventory = tableName(OrderTables.Inventory);
  const before = await releaseReservation(tableName(OrderTables.Reservations), orderId);
  let returned = 0;
  for (const [sku, quantity] of Object.entries(before?.quantities ?? {})) {
    if (await returnStock(inventory, sku, quantity, orderId)) returned++;
  }
  log('inventory released', { orderId, previously: before?.status ?? null, skusReturned: returned });
  return { released: before !== undefined };
};
