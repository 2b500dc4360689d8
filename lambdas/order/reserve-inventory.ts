import { tableName } from '../shared/env';
import { InvalidInput } from '../shared/errors';
import { ID_RULES, InputObject } from '../shared/input-object';
import { log } from '../shared/log';
import { InsufficientStock, OrderConflict, ReservationReleased } from './errors';
import { returnStock, takeStock } from './inventory-ledger';
import { quantitiesBySku, readItems } from './order-items';
import { beginReservation, settleReservation, type ReservationRecord } from './reservation-record';
import { OrderTables } from './tables';
import type { ReserveInventoryInput, ReserveInventoryOutput } from './types';

function sameQuantities(record: ReservationRecord, wanted: [string, number][]): boolean {
  const stored = Object.entries(record.quantities);
  return stored.length === wanted.length && wanted.every(([sku, q]) => record.quantities[sku] === q);
}

/** Puts back everything this order holds; SKUs it never took (or already returned) are skipped. */
async function undo(inventory: string, orderId: string, wanted: [string, number][]): Promise<void> {
  for (const [sku, quantity] of wanted) await returnStock(inventory, sku, quantity, orderId);
}

/**
 * Reserves every item of an order, or none: each SKU's stock drops by a conditional write that
 * also marks the order on the item, so a redelivered (or concurrently running) reserve never
 * takes twice. When a SKU is short, the order is marked FAILED and what was taken goes back,
 * then the task fails with InsufficientStock; a later delivery for the same order gives the same
 * answer. A reserve arriving after the order was released reserves nothing.
 */
export const handler = async (event: ReserveInventoryInput): Promise<ReserveInventoryOutput> => {
  const input = InputObject.of(event);
  const orderId = input.string('orderId', ID_RULES);
  const wanted = quantitiesBySku(readItems(input));
  if (wanted.length === 0) throw new InvalidInput('items must not be empty');
  const inventory = tableName(OrderTables.Inventory);
  const reservations = tableName(OrderTables.Reservations);

  const record = await beginReservation(reservations, orderId, wanted);
  if (!sameQuantities(record, wanted) && record.status !== 'RELEASED') {
    throw new OrderConflict(`order ${orderId} was already reserved with other items (${JSON.stringify(record.quantities)})`);
  }
  const reservationId = record.reservationId!;
  if (record.status === 'RESERVED') return { reservationId };
  if (record.status === 'FAILED') throw new InsufficientStock(record.reason ?? `order ${orderId}: insufficient stock`);
  if (record.status === 'RELEASED') throw new ReservationReleased(`order ${orderId} was released; nothing is reserved again`);

  for (const [sku, quantity] of wanted) {
    const take = await takeStock(inventory, sku, quantity, orderId);
    if (take.outcome !== 'short') continue;
    const reason = take.stock === undefined
      ? `order ${orderId}: there is no stock of ${sku} (${quantity} requested)`
      : `order ${orderId}: ${sku} has ${take.stock} in stock, ${quantity} requested`;
    // Mark the outcome first: a twin still taking stock then sees FAILED at its end and undoes its own work.
    await settleReservation(reservations, orderId, 'FAILED', reason);
    await undo(inventory, orderId, wanted);
    log('reservation failed', { orderId, sku, requested: quantity, stock: take.stock ?? null });
    throw new InsufficientStock(reason);
  }

  const settled = await settleReservation(reservations, orderId, 'RESERVED');
  if (settled !== 'RESERVED') {
    // A release (or a failing twin) got there first: what this delivery took must go back.
    await undo(inventory, orderId, wanted);
    if (settled === 'RELEASED') throw new ReservationReleased(`order ${orderId} was released while it was being reserved`);
    throw new InsufficientStock(`order ${orderId}: insufficient stock`);
  }
  log('inventory reserved', { orderId, reservationId, skus: wanted.length });
  return { reservationId };
};
