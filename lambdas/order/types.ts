/** Inputs and outputs of the order saga's activities: the contract between workflows/ and the handlers. */

export interface OrderItem {
  sku: string;
  quantity: number;
  /** Unit price in cents. */
  price: number;
}

export interface Order {
  orderId: string;
  customerId: string;
  items: OrderItem[];
  /** A card number; `4000000000000002` is the test card that is always declined. */
  cardNumber: string;
  address?: string;
}

export type ValidateOrderInput = Order;
export interface ValidateOrderOutput {
  valid: boolean;
  /** Why the order was rejected, when `valid` is false. */
  reason?: string;
  /** Order total in cents. */
  total: number;
}

export interface ReserveInventoryInput {
  orderId: string;
  items: OrderItem[];
}
export interface ReserveInventoryOutput {
  reservationId: string;
}

export interface ReleaseInventoryInput {
  orderId: string;
}
export interface ReleaseInventoryOutput {
  released: boolean;
}

export interface ProcessPaymentInput {
  orderId: string;
  amount: number;
  cardNumber: string;
}
export interface ProcessPaymentOutput {
  paymentId: string;
  amount: number;
}

export interface RefundPaymentInput {
  orderId: string;
}
export interface RefundPaymentOutput {
  refunded: boolean;
}

export interface ShipOrderInput {
  orderId: string;
  address?: string;
}
export interface ShipOrderOutput {
  tracking: string;
}

/** Error names the order activities throw (the Lambda errorType, hence the Step Functions error). */
export const OrderErrors = {
  InvalidInput: 'InvalidInput',
  InsufficientStock: 'InsufficientStock',
  PaymentDeclined: 'PaymentDeclined',
  /** A late, duplicate reserve after the order's reservation was released. */
  ReservationReleased: 'ReservationReleased',
  /** A late, duplicate charge after the order's payment was refunded. */
  PaymentRefunded: 'PaymentRefunded',
  /** An order id reused with different items or amount. */
  OrderConflict: 'OrderConflict',
} as const;
