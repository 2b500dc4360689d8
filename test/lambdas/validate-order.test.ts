import { handler as validate } from '../../lambdas/order/validate-order';
import { isValidCardNumber } from '../../lambdas/order/card';

beforeAll(() => {
  jest.spyOn(console, 'log').mockImplementation(() => {});
});

const order = (changes: object = {}) => ({
  orderId: 'order-1',
  customerId: 'customer-1',
  items: [{ sku: 'SKU-1', quantity: 2, price: 1999 }, { sku: 'SKU-2', quantity: 1, price: 500 }],
  cardNumber: '4242424242424242',
  address: '1 Main St',
  ...changes,
});

describe('validate-order', () => {
  test('a good order is valid, with its total in cents', async () => {
    expect(await validate(order())).toEqual({ valid: true, total: 4498 });
  });

  test.each([
    [{ items: [] }, 'the order has no items', 0],
    [{ address: undefined }, 'the order has no shipping address', 4498],
    [{ address: '  ' }, 'the order has no shipping address', 4498],
    [{ cardNumber: '1234' }, 'the card number is not valid', 4498],
    [{ items: [{ sku: 'SKU-1', quantity: 1000, price: 1001 }] }, 'the order total 1001000 exceeds the limit of 1000000 cents', 1001000],
  ])('an unacceptable order %j is rejected with its reason (the saga ends early)', async (changes, reason, total) => {
    expect(await validate(order(changes))).toEqual({ valid: false, reason, total });
  });

  test('the declined test card is a valid card number: it fails at payment, not here', async () => {
    expect(await validate(order({ cardNumber: '4000000000000002' }))).toEqual({ valid: true, total: 4498 });
  });

  test.each([
    [null, 'the event must be a JSON object (got null)'],
    [{ ...order(), customerId: 7 }, 'customerId must be a string (got number 7)'],
    [{ ...order(), items: [{ sku: 'SKU-1', quantity: 1 }] }, 'items[0].price must be an integer >= 0 (got nothing)'],
  ])('a malformed event %j fails with InvalidInput', async (event, message) => {
    await expect(validate(event as never)).rejects.toMatchObject({ name: 'InvalidInput', message });
  });
});

test.each([
  ['4242424242424242', true],
  ['4000000000000002', true],
  ['4242424242424241', false],
  ['42424242424242424242', false],
  ['4242-4242-4242-4242', false],
])('card number %s passes the Luhn check: %s', (card, ok) => {
  expect(isValidCardNumber(card)).toBe(ok);
});
