import { randomUUID } from 'node:crypto';
import { UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { dynamoDb, isConditionalCheckFailed } from '../shared/dynamodb';
import { tableName } from '../shared/env';
import { InvalidInput } from '../shared/errors';
import { ID_RULES, InputObject } from '../shared/input-object';
import { log } from '../shared/log';
import { DECLINED_TEST_CARD, isValidCardNumber, lastFour } from './card';
import { OrderConflict, PaymentDeclined, PaymentRefunded } from './errors';
import { OrderTables } from './tables';
import type { ProcessPaymentInput, ProcessPaymentOutput } from './types';

/**
 * Charges the order once. The payment record is written with `if_not_exists`, so whichever
 * delivery comes first decides the outcome (CHARGED with its payment id, or DECLINED) and every
 * later delivery reads that outcome back instead of charging again. Only the card's last four
 * digits are stored. The test card 4000000000000002 is always declined.
 */
export const handler = async (event: ProcessPaymentInput): Promise<ProcessPaymentOutput> => {
  const input = InputObject.of(event);
  const orderId = input.string('orderId', ID_RULES);
  const amount = input.integer('amount', { min: 1 });
  const cardNumber = input.string('cardNumber', { maxLength: 32 });
  if (!isValidCardNumber(cardNumber)) throw new InvalidInput('cardNumber is not a valid card number');
  const outcome = cardNumber === DECLINED_TEST_CARD ? 'DECLINED' : 'CHARGED';

  const { Attributes } = await dynamoDb().send(new UpdateItemCommand({
    TableName: tableName(OrderTables.Payments),
    Key: { orderId: { S: orderId } },
    UpdateExpression: 'SET #status = if_not_exists(#status, :outcome), paymentId = if_not_exists(paymentId, :paymentId), amount = if_not_exists(amount, :amount), cardLast4 = if_not_exists(cardLast4, :last4), createdAt = if_not_exists(createdAt, :now)',
    // A refunded (or voided) order is never charged: a late duplicate must not take money.
    ConditionExpression: 'attribute_not_exists(#status) OR #status <> :refunded',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: {
      ':refunded': { S: 'REFUNDED' },
      ':outcome': { S: outcome },
      ':paymentId': { S: `pay-${randomUUID()}` },
      ':amount': { N: String(amount) },
      ':last4': { S: lastFour(cardNumber) },
      ':now': { S: new Date().toISOString() },
    },
    ReturnValues: 'ALL_NEW',
  })).catch((err: unknown) => {
    throw isConditionalCheckFailed(err) ? new PaymentRefunded(`order ${orderId} was refunded (or voided); it is not charged again`) : err;
  });
  const status = Attributes!.status.S;
  const card = `card ending ${Attributes!.cardLast4?.S ?? lastFour(cardNumber)}`;
  if (status === 'DECLINED') throw new PaymentDeclined(`The payment of ${amount} cents for order ${orderId} was declined (${card})`);
  const charged = Number(Attributes!.amount.N);
  if (charged !== amount) throw new OrderConflict(`order ${orderId} was already charged ${charged} cents, not ${amount}`);
  const paymentId = Attributes!.paymentId.S!;
  log('payment charged', { orderId, paymentId, amount, card });
  return { paymentId, amount };
};
