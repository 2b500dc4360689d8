import { ID_RULES, InputObject } from '../shared/input-object';
import type { OrderItem } from './types';

/** The most of one SKU a single order may hold. */
export const MAX_QUANTITY = 1000;

/** Reads `items` (sku, quantity, price) from an event; malformed entries fail with InvalidInput. */
export function readItems(event: InputObject): OrderItem[] {
  return event.objects('items').map((item) => ({
    sku: item.string('sku', ID_RULES),
    quantity: item.integer('quantity', { min: 1, max: MAX_QUANTITY }),
    price: item.integer('price', { min: 0 }),
  }));
}

/** Quantity per SKU, in SKU order: an order may list a SKU twice, but stock moves once per SKU. */
export function quantitiesBySku(items: Pick<OrderItem, 'sku' | 'quantity'>[]): [sku: string, quantity: number][] {
  const totals = new Map<string, number>();
  for (const { sku, quantity } of items) totals.set(sku, (totals.get(sku) ?? 0) + quantity);
  return [...totals.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
