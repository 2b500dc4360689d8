import { OrderErrors } from './types';

/** Errors of the order activities; each `name` is the Step Functions error a Catch matches. */

/** A SKU has less stock than the order asks for (or no stock record at all). */
export class InsufficientStock extends Error {
  override readonly name = OrderErrors.InsufficientStock;
}

/** The card was declined; the saga compensates. */
export class PaymentDeclined extends Error {
  override readonly name = OrderErrors.PaymentDeclined;
}

/** The order's reservation was already released (a late, duplicate delivery): nothing is reserved again. */
export class ReservationReleased extends Error {
  override readonly name = OrderErrors.ReservationReleased;
}

/** The order's payment was refunded (or voided before it was taken): it is not charged again. */
export class PaymentRefunded extends Error {
  override readonly name = OrderErrors.PaymentRefunded;
}

/** The same order id came back with different contents (items or amount) than it was first processed with. */
export class OrderConflict extends Error {
  override readonly name = OrderErrors.OrderConflict;
}
