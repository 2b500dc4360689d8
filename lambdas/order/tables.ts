import type { TableAccess, TableSpec } from '../shared/table-spec';

/**
 * The order saga's tables. The inventory item carries its own reservation markers, so one
 * conditional write both decrements stock and records which order took it (DynamoDB Local and
 * dynalite have no TransactWriteItems, and single-item writes are atomic everywhere).
 */
export const OrderTables = {
  /** `{sku, stock, reservedBy: string set of order ids}` */
  Inventory: { env: 'INVENTORY_TABLE', partitionKey: 'sku' },
  /** One record per order: what it reserved and how far that got (RESERVING → RESERVED | FAILED → RELEASED). */
  Reservations: { env: 'RESERVATIONS_TABLE', partitionKey: 'orderId' },
  /** One record per order: CHARGED, DECLINED or REFUNDED, with the amount and the card's last four digits. */
  Payments: { env: 'PAYMENTS_TABLE', partitionKey: 'orderId' },
  /** One record per order: its tracking number. */
  Shipments: { env: 'SHIPMENTS_TABLE', partitionKey: 'orderId' },
} as const satisfies Record<string, TableSpec>;

type OrderTable = keyof typeof OrderTables;

/** What each activity may do to which table: the CDK construct grants exactly this. */
export const OrderTableAccess: Record<string, TableAccess<OrderTable>> = {
  ValidateOrder: {},
  ReserveInventory: { Inventory: ['GetItem', 'UpdateItem'], Reservations: ['GetItem', 'UpdateItem'] },
  ReleaseInventory: { Inventory: ['UpdateItem'], Reservations: ['UpdateItem'] },
  ProcessPayment: { Payments: ['UpdateItem'] },
  RefundPayment: { Payments: ['UpdateItem'] },
  ShipOrder: { Shipments: ['UpdateItem'] },
};
