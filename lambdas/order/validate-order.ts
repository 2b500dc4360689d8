import { ID_RULES, InputObject } from '../shared/input-object';
import { log } from '../shared/log';
import { isValidCardNumber } from './card';
import { readItems } from './order-items';
import type { ValidateOrderInput, ValidateOrderOutput } from './types';

/** Orders above this total (in cents) need a human: they are rejected here. */
export const MAX_ORDER_TOTAL = 1_000_000;

/**
 * Checks an order before anything is reserved. A malformed event fails with InvalidInput; an
 * order that is well-formed but unacceptable returns `valid: false` with the reason, which the
 * saga turns into its early exit (OrderRejected). Pure, so a redelivery gives the same answer.
 */
export const handler = async (event: ValidateOrderInput): Promise<ValidateOrderOutput> => {
  const order = InputObject.of(event);
  const orderId = order.string('orderId', ID_RULES);
  order.string('customerId', ID_RULES);
  const cardNumber = order.string('cardNumber', { maxLength: 32 });
  const address = order.optionalString('address', { maxLength: 512 });
  const items = readItems(order);
  const total = items.reduce((sum, i) => sum + i.price * i.quantity, 0);

  const reason =
    items.length === 0 ? 'the order has no items'
    : !address?.trim() ? 'the order has no shipping address'
    : !isValidCardNumber(cardNumber) ? 'the card number is not valid'
    : total > MAX_ORDER_TOTAL ? `the order total ${total} exceeds the limit of ${MAX_ORDER_TOTAL} cents`
    : undefined;
  log(reason ? 'order rejected' : 'order validated', { orderId, total, ...(reason && { reason }) });
  return reason ? { valid: false, reason, total } : { valid: true, total };
};
