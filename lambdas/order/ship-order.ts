import { randomBytes } from 'node:crypto';
import { UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { dynamoDb } from '../shared/dynamodb';
import { tableName } from '../shared/env';
import { ID_RULES, InputObject } from '../shared/input-object';
import { log } from '../shared/log';
import { OrderTables } from './tables';
import type { ShipOrderInput, ShipOrderOutput } from './types';

/**
 * Books the shipment and returns its tracking number. The first delivery's tracking number is
 * kept (`if_not_exists`) and every later delivery returns the same one. The event is the saga's
 * whole state; only `orderId` and `address` are read.
 */
export const handler = async (event: ShipOrderInput): Promise<ShipOrderOutput> => {
  const input = InputObject.of(event);
  const orderId = input.string('orderId', ID_RULES);
  const address = input.string('address', { maxLength: 512 });
  const { Attributes } = await dynamoDb().send(new UpdateItemCommand({
    TableName: tableName(OrderTables.Shipments),
    Key: { orderId: { S: orderId } },
    UpdateExpression: 'SET tracking = if_not_exists(tracking, :tracking), address = if_not_exists(address, :address), shippedAt = if_not_exists(shippedAt, :now)',
    ExpressionAttributeValues: {
      ':tracking': { S: `TRK${randomBytes(6).toString('hex').toUpperCase()}` },
      ':address': { S: address },
      ':now': { S: new Date().toISOString() },
    },
    ReturnValues: 'ALL_NEW',
  }));
  const tracking = Attributes!.tracking.S!;
  log('order shipped', { orderId, tracking });
  return { tracking };
};
