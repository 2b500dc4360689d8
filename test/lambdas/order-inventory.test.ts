import { GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { handler as reserve } from '../../lambdas/order/reserve-inventory';
import { handler as release } from '../../lambdas/order/release-inventory';
import { OrderTableAccess, OrderTables } from '../../lambdas/order/tables';
import { granted, startHandlerFixture, type HandlerFixture } from './handler-fixture';

let f: HandlerFixture;
let n = 0;
const unique = (p: string) => `${p}-${++n}`;

beforeAll(async () => {
  f = await startHandlerFixture(OrderTables);
  jest.spyOn(console, 'log').mockImplementation(() => {});
});
afterAll(async () => {
  await f?.close();
});

async function setStock(sku: string, stock: number): Promise<void> {
  await f.ddb.send(new PutItemCommand({ TableName: f.tables.Inventory, Item: { sku: { S: sku }, stock: { N: String(stock) } } }));
}
async function stockOf(sku: string): Promise<number | undefined> {
  const { Item } = await f.ddb.send(new GetItemCommand({ TableName: f.tables.Inventory, Key: { sku: { S: sku } }, ConsistentRead: true }));
  return Item?.stock?.N === undefined ? undefined : Number(Item.stock.N);
}
const item = (sku: string, quantity: number) => ({ sku, quantity, price: 100 });
const runReserve = (orderId: string, items: object[]) => f.run('ReserveInventory', reserve, { orderId, items } as never);
const runRelease = (orderId: string) => f.run('ReleaseInventory', release, { orderId });

describe('reserve-inventory', () => {
  test('takes every SKU of the order (a SKU listed twice counts once, summed)', async () => {
    const [a, b] = [unique('SKU'), unique('SKU')];
    await setStock(a, 10);
    await setStock(b, 5);
    const out = await runReserve(unique('order'), [item(a, 2), item(b, 1), item(a, 3)]);
    expect(out.reservationId).toMatch(/^rsv-/);
    expect(await stockOf(a)).toBe(5);
    expect(await stockOf(b)).toBe(4);
  });

  test('a redelivered reserve returns the same reservation and takes nothing twice', async () => {
    const sku = unique('SKU');
    await setStock(sku, 10);
    const orderId = unique('order');
    const first = await runReserve(orderId, [item(sku, 2)]);
    const second = await runReserve(orderId, [item(sku, 2)]);
    expect(second).toEqual(first);
    expect(await stockOf(sku)).toBe(8);
  });

  test('two deliveries running at once take the stock once', async () => {
    const [a, b] = [unique('SKU'), unique('SKU')];
    await setStock(a, 10);
    await setStock(b, 10);
    const orderId = unique('order');
    const [x, y] = await Promise.all([runReserve(orderId, [item(a, 4), item(b, 1)]), runReserve(orderId, [item(a, 4), item(b, 1)])]);
    expect(x).toEqual(y);
    expect(await stockOf(a)).toBe(6);
    expect(await stockOf(b)).toBe(9);
  });

  test('a short SKU fails with InsufficientStock, puts back what was taken, and keeps that answer for the order', async () => {
    const [a, b] = [unique('SKU-a'), unique('SKU-b')];
    await setStock(a, 10);
    await setStock(b, 1);
    const orderId = unique('order');
    const attempt = runReserve(orderId, [item(a, 2), item(b, 2)]);
    await expect(attempt).rejects.toMatchObject({ name: 'InsufficientStock', message: `order ${orderId}: ${b} has 1 in stock, 2 requested` });
    expect(await stockOf(a)).toBe(10);
    expect(await stockOf(b)).toBe(1);
    // Restocked meanwhile: a late redelivery still must not reserve for an order that already failed.
    await setStock(b, 50);
    await expect(runReserve(orderId, [item(a, 2), item(b, 2)])).rejects.toMatchObject({ name: 'InsufficientStock' });
    expect(await stockOf(a)).toBe(10);
    expect(await stockOf(b)).toBe(50);
  });

  test('a SKU with no stock record is insufficient stock', async () => {
    const sku = unique('SKU-missing');
    await expect(runReserve(unique('order'), [item(sku, 1)])).rejects.toMatchObject({ name: 'InsufficientStock', message: expect.stringContaining(`there is no stock of ${sku}`) });
    expect(await stockOf(sku)).toBeUndefined();
  });

  test('the same order id with other items is an OrderConflict', async () => {
    const sku = unique('SKU');
    await setStock(sku, 10);
    const orderId = unique('order');
    await runReserve(orderId, [item(sku, 1)]);
    await expect(runReserve(orderId, [item(sku, 3)])).rejects.toMatchObject({ name: 'OrderConflict' });
    expect(await stockOf(sku)).toBe(9);
  });

  test.each([
    [{ items: [{ sku: 'A', quantity: 1, price: 1 }] }, 'orderId must be a string (got nothing)'],
    [{ orderId: 'o-1', items: [] }, 'items must not be empty'],
    [{ orderId: 'o-1', items: [{ sku: 'A', quantity: 0, price: 1 }] }, 'items[0].quantity must be an integer from 1 to 1000 (got number 0)'],
    [{ orderId: 'o-1', items: 'A' }, 'items must be an array (got the string "A")'],
    [{ orderId: 'o 1', items: [{ sku: 'A', quantity: 1, price: 1 }] }, 'orderId must be letters, digits, ".", "_", ":" or "-" (got the string "o 1")'],
  ])('malformed input %j fails with InvalidInput', async (event, message) => {
    await expect(f.run('ReserveInventory', reserve, event as never)).rejects.toMatchObject({ name: 'InvalidInput', message });
  });
});

describe('release-inventory', () => {
  test('puts the stock back once, however often it is delivered', async () => {
    const [a, b] = [unique('SKU'), unique('SKU')];
    await setStock(a, 10);
    await setStock(b, 10);
    const orderId = unique('order');
    await runReserve(orderId, [item(a, 3), item(b, 1)]);
    expect(await runRelease(orderId)).toEqual({ released: true });
    expect(await runRelease(orderId)).toEqual({ released: true });
    expect(await stockOf(a)).toBe(10);
    expect(await stockOf(b)).toBe(10);
  });

  test('releasing an order that reserved nothing reports it, and a late reserve then reserves nothing', async () => {
    const sku = unique('SKU');
    await setStock(sku, 10);
    const orderId = unique('order');
    expect(await runRelease(orderId)).toEqual({ released: false });
    await expect(runReserve(orderId, [item(sku, 2)])).rejects.toMatchObject({ name: 'ReservationReleased' });
    expect(await stockOf(sku)).toBe(10);
  });

  test('a release landing while a reserve is still taking stock: the reserve undoes its own work', async () => {
    const [a, b] = [unique('SKU-a'), unique('SKU-b')];
    await setStock(a, 10);
    await setStock(b, 10);
    const orderId = unique('order');
    let inventoryWrites = 0;
    f.beforeCall = async ({ activity, table, action }) => {
      // Just before the reserve takes its second SKU, the compensation runs to completion.
      if (activity === 'ReserveInventory' && table === 'Inventory' && action === 'UpdateItem' && ++inventoryWrites === 2) {
        expect(await runRelease(orderId)).toEqual({ released: true });
      }
    };
    try {
      await expect(runReserve(orderId, [item(a, 2), item(b, 3)])).rejects.toMatchObject({ name: 'ReservationReleased' });
    } finally {
      f.beforeCall = undefined;
    }
    expect(await stockOf(a)).toBe(10);
    expect(await stockOf(b)).toBe(10);
  });
});

test('each handler used exactly the DynamoDB actions its access list grants', () => {
  expect(f.used('ReserveInventory')).toEqual(granted(OrderTableAccess.ReserveInventory));
  expect(f.used('ReleaseInventory')).toEqual(granted(OrderTableAccess.ReleaseInventory));
  expect(f.used('(outside run)')).toEqual([]);
});
