import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { handler as processPayment } from '../../lambdas/order/process-payment';
import { handler as refundPayment } from '../../lambdas/order/refund-payment';
import { handler as shipOrder } from '../../lambdas/order/ship-order';
import { OrderTableAccess, OrderTables } from '../../lambdas/order/tables';
import { granted, startHandlerFixture, type HandlerFixture } from './handler-fixture';

let f: HandlerFixture;
let n = 0;
const unique = (p: string) => `${p}-${++n}`;
const GOOD_CARD = '4242424242424242';
const DECLINED_CARD = '4000000000000002';

beforeAll(async () => {
  f = await startHandlerFixture(OrderTables);
  jest.spyOn(console, 'log').mockImplementation(() => {});
});
afterAll(async () => {
  await f?.close();
});

async function paymentRecord(orderId: string) {
  const { Item } = await f.ddb.send(new GetItemCommand({ TableName: f.tables.Payments, Key: { orderId: { S: orderId } }, ConsistentRead: true }));
  return Item;
}
const pay = (orderId: string, amount: number, cardNumber = GOOD_CARD) => f.run('ProcessPayment', processPayment, { orderId, amount, cardNumber });
const refund = (orderId: string) => f.run('RefundPayment', refundPayment, { orderId });

describe('process-payment', () => {
  test('charges once: a redelivery returns the same payment', async () => {
    const orderId = unique('order');
    const first = await pay(orderId, 3998);
    expect(first).toEqual({ paymentId: expect.stringMatching(/^pay-/), amount: 3998 });
    expect(await pay(orderId, 3998)).toEqual(first);
    const record = await paymentRecord(orderId);
    expect(record?.status?.S).toBe('CHARGED');
    // Only the last four digits are kept.
    expect(record?.cardLast4?.S).toBe('4242');
    expect(JSON.stringify(record)).not.toContain(GOOD_CARD);
  });

  test('the test card is declined with PaymentDeclined, and stays declined on redelivery', async () => {
    const orderId = unique('order');
    const declined = { name: 'PaymentDeclined', message: `The payment of 3998 cents for order ${orderId} was declined (card ending 0002)` };
    await expect(pay(orderId, 3998, DECLINED_CARD)).rejects.toMatchObject(declined);
    await expect(pay(orderId, 3998, DECLINED_CARD)).rejects.toMatchObject(declined);
    expect((await paymentRecord(orderId))?.status?.S).toBe('DECLINED');
  });

  test('the same order charged a different amount is an OrderConflict', async () => {
    const orderId = unique('order');
    await pay(orderId, 100);
    await expect(pay(orderId, 200)).rejects.toMatchObject({ name: 'OrderConflict', message: `order ${orderId} was already charged 100 cents, not 200` });
  });

  test.each([
    [{ orderId: 'o-1', amount: 0, cardNumber: GOOD_CARD }, 'amount must be an integer >= 1 (got number 0)'],
    [{ orderId: 'o-1', amount: 10.5, cardNumber: GOOD_CARD }, 'amount must be an integer >= 1 (got number 10.5)'],
    [{ orderId: 'o-1', amount: 10, cardNumber: '4242424242424241' }, 'cardNumber is not a valid card number'],
    [{ orderId: 'o-1', amount: 10 }, 'cardNumber must be a string (got nothing)'],
  ])('malformed input %j fails with InvalidInput', async (event, message) => {
    await expect(f.run('ProcessPayment', processPayment, event as never)).rejects.toMatchObject({ name: 'InvalidInput', message });
  });
});

describe('refund-payment', () => {
  test('refunds a charge once; a charge after the refund is refused', async () => {
    const orderId = unique('order');
    await pay(orderId, 500);
    expect(await refund(orderId)).toEqual({ refunded: true });
    expect(await refund(orderId)).toEqual({ refunded: true });
    expect((await paymentRecord(orderId))?.status?.S).toBe('REFUNDED');
    await expect(pay(orderId, 500)).rejects.toMatchObject({ name: 'PaymentRefunded' });
  });

  test('a refund before any charge voids the order, so a late charge takes no money', async () => {
    const orderId = unique('order');
    expect(await refund(orderId)).toEqual({ refunded: false });
    await expect(pay(orderId, 500)).rejects.toMatchObject({ name: 'PaymentRefunded' });
    expect((await paymentRecord(orderId))?.amount).toBeUndefined();
  });

  test('a declined payment has nothing to refund and stays declined', async () => {
    const orderId = unique('order');
    await expect(pay(orderId, 500, DECLINED_CARD)).rejects.toMatchObject({ name: 'PaymentDeclined' });
    expect(await refund(orderId)).toEqual({ refunded: false });
    expect((await paymentRecord(orderId))?.status?.S).toBe('DECLINED');
  });
});

describe('ship-order', () => {
  test('books the shipment once: a redelivery returns the same tracking number', async () => {
    const orderId = unique('order');
    // The saga passes its whole state; only orderId and address are read.
    const state = { orderId, address: '1 Main St', customerId: 'c-1', validation: { Payload: { valid: true, total: 1 } } };
    const first = await f.run('ShipOrder', shipOrder, state);
    expect(first.tracking).toMatch(/^TRK[0-9A-F]{12}$/);
    expect(await f.run('ShipOrder', shipOrder, state)).toEqual(first);
  });

  test('an order without an address fails with InvalidInput', async () => {
    await expect(f.run('ShipOrder', shipOrder, { orderId: 'o-1' })).rejects.toMatchObject({ name: 'InvalidInput', message: 'address must be a string (got nothing)' });
  });
});

test('each handler used exactly the DynamoDB actions its access list grants', () => {
  for (const activity of ['ProcessPayment', 'RefundPayment', 'ShipOrder']) expect(f.used(activity)).toEqual(granted(OrderTableAccess[activity]));
  expect(f.used('(outside run)')).toEqual([]);
});
