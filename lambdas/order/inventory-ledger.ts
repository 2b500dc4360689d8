import { GetItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { dynamoDb, isConditionalCheckFailed } from '../shared/dynamodb';

/**
 * Stock moves on the inventory item itself, together with the set of orders holding it
 * (`reservedBy`), in one conditional write. That makes each move atomic and idempotent per order
 * without transactions: taking twice for the same order finds the marker, returning twice finds
 * none.
 */

export type TakeOutcome = { outcome: 'taken' } | { outcome: 'already-taken' } | { outcome: 'short'; stock?: number };

/** A take refused while the item had enough stock (it changed between the write and the read) is tried again, this many times. */
const ATTEMPTS = 3;

export async function takeStock(table: string, sku: string, quantity: number, orderId: string): Promise<TakeOutcome> {
  for (let attempt = 1; ; attempt++) {
    try {
      await dynamoDb().send(new UpdateItemCommand({
        TableName: table,
        Key: { sku: { S: sku } },
        UpdateExpression: 'SET #stock = #stock - :quantity ADD reservedBy :orders',
        ConditionExpression: 'attribute_exists(sku) AND #stock >= :quantity AND NOT contains(reservedBy, :orderId)',
        ExpressionAttributeNames: { '#stock': 'stock' },
        ExpressionAttributeValues: { ':quantity': { N: String(quantity) }, ':orders': { SS: [orderId] }, ':orderId': { S: orderId } },
      }));
      return { outcome: 'taken' };
    } catch (err) {
      if (!isConditionalCheckFailed(err)) throw err;
    }
    const { Item } = await dynamoDb().send(new GetItemCommand({ TableName: table, Key: { sku: { S: sku } }, ConsistentRead: true }));
    if (Item?.reservedBy?.SS?.includes(orderId)) return { outcome: 'already-taken' };
    const stock = Item?.stock?.N === undefined ? undefined : Number(Item.stock.N);
    if (stock === undefined || stock < quantity || attempt === ATTEMPTS) return { outcome: 'short', stock };
  }
}

/** Puts back what this order took of a SKU; false when it holds none (never took it, or already returned). */
export async function returnStock(table: string, sku: string, quantity: number, orderId: string): Promise<boolean> {
  try {
    await dynamoDb().send(new UpdateItemCommand({
      TableName: table,
      Key: { sku: { S: sku } },
      UpdateExpression: 'SET #stock = #stock + :quantity DELETE reservedBy :orders',
      ConditionExpression: 'contains(reservedBy, :orderId)',
      ExpressionAttributeNames: { '#stock': 'stock' },
      ExpressionAttributeValues: { ':quantity': { N: String(quantity) }, ':orders': { SS: [orderId] }, ':orderId': { S: orderId } },
    }));
    return true;
  } catch (err) {
    if (isConditionalCheckFailed(err)) return false;
    throw err;
  }
}
