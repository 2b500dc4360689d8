import { UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { dynamoDb, isConditionalCheckFailed } from '../shared/dynamodb';
import { tableName } from '../shared/env';
import { ID_RULES, InputObject } from '../shared/input-object';
import { log } from '../shared/log';
import { OrderTables } from './tables';
import type { RefundPaymentInput, RefundPaymentOutput } from './types';

/**
 * The compensation of process-payment: marks the payment REFUNDED and reports whether money was
 * taken. A payment that was never made is voided (a REFUNDED record with no charge), so a late,
 * duplicate charge is refused; a declined payment is left as it is. Idempotent: a second refund
 * finds REFUNDED and changes nothing.
 */
export const handler = async (event: RefundPaymentInput): Promise<RefundPaymentOutput> => {
  const input = InputObject.of(event);
  const orderId = input.string('orderId', ID_RULES);
  try {
    const { Attributes: before } = await dynamoDb().send(new UpdateItemCommand({
      TableName: tableName(OrderTables.Payments),
      Key: { orderId: { S: orderId } },
      UpdateExpression: 'SET #status = :refunded, refundedAt = if_not_exists(refundedAt, :now)',
      ConditionExpression: 'attribute_not_exists(orderId) OR #status <> :declined',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':refunded': { S: 'REFUNDED' }, ':declined': { S: 'DECLINED' }, ':now': { S: new Date().toISOString() } },
      ReturnValues: 'ALL_OLD',
    }));
    // Money was taken if there was a charge (now refunded, by this delivery or an earlier one).
    const refunded = before?.amount !== undefined;
    log(refunded ? 'payment refunded' : 'payment voided (nothing was charged)', { orderId, previously: before?.status?.S ?? null });
    return { refunded };
  } catch (err) {
    if (!isConditionalCheckFailed(err)) throw err;
    log('payment was declined; nothing to refund', { orderId });
    return { refunded: false };
  }
};
