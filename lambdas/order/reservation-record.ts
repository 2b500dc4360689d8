import { randomUUID } from 'node:crypto';
import { GetItemCommand, UpdateItemCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { dynamoDb, isConditionalCheckFailed } from '../shared/dynamodb';

/**
 * The per-order record of a reservation: what it asked for and how far it got. Writes go through
 * the status so that twin deliveries, and a release racing a late reserve, agree on one outcome:
 *
 *   (none) → RESERVING → RESERVED | FAILED;  any → RELEASED (terminal; a missing record becomes a tombstone)
 */
export type ReservationStatus = 'RESERVING' | 'RESERVED' | 'FAILED' | 'RELEASED';

export interface ReservationRecord {
  orderId: string;
  status: ReservationStatus;
  reservationId?: string;
  /** Quantity per SKU. */
  quantities: Record<string, number>;
  /** Why it FAILED. */
  reason?: string;
}

function parse(item: Record<string, AttributeValue>): ReservationRecord {
  const quantities = Object.fromEntries(Object.entries(item.quantities?.M ?? {}).map(([sku, v]) => [sku, Number(v.N)]));
  return {
    orderId: item.orderId.S!,
    status: item.status.S as ReservationStatus,
    reservationId: item.reservationId?.S,
    quantities,
    reason: item.reason?.S,
  };
}

const key = (orderId: string) => ({ orderId: { S: orderId } });

/** Creates the record (RESERVING) or returns the one an earlier delivery made. */
export async function beginReservation(table: string, orderId: string, quantities: [string, number][]): Promise<ReservationRecord> {
  const { Attributes } = await dynamoDb().send(new UpdateItemCommand({
    TableName: table,
    Key: key(orderId),
    UpdateExpression: 'SET #status = if_not_exists(#status, :reserving), quantities = if_not_exists(quantities, :quantities), reservationId = if_not_exists(reservationId, :id), createdAt = if_not_exists(createdAt, :now)',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: {
      ':reserving': { S: 'RESERVING' },
      ':quantities': { M: Object.fromEntries(quantities.map(([sku, q]) => [sku, { N: String(q) }])) },
      ':id': { S: `rsv-${randomUUID()}` },
      ':now': { S: new Date().toISOString() },
    },
    ReturnValues: 'ALL_NEW',
  }));
  return parse(Attributes!);
}

/**
 * Moves a RESERVING record to RESERVED or FAILED (staying there is fine: a twin got there first).
 * Returns the status the record has afterwards, which differs from `to` when another outcome won.
 */
export async function settleReservation(table: string, orderId: string, to: 'RESERVED' | 'FAILED', reason?: string): Promise<ReservationStatus> {
  try {
    await dynamoDb().send(new UpdateItemCommand({
      TableName: table,
      Key: key(orderId),
      UpdateExpression: `SET #status = :to, settledAt = :now${reason ? ', reason = :reason' : ''}`,
      ConditionExpression: '#status IN (:reserving, :to)',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':to': { S: to },
        ':reserving': { S: 'RESERVING' },
        ':now': { S: new Date().toISOString() },
        ...(reason && { ':reason': { S: reason } }),
      },
    }));
    return to;
  } catch (err) {
    if (!isConditionalCheckFailed(err)) throw err;
  }
  const { Item } = await dynamoDb().send(new GetItemCommand({ TableName: table, Key: key(orderId), ConsistentRead: true }));
  return parse(Item!).status;
}

/** Marks the order RELEASED (creating a tombstone if nothing was ever reserved); returns the record as it was before. */
export async function releaseReservation(table: string, orderId: string): Promise<ReservationRecord | undefined> {
  const { Attributes } = await dynamoDb().send(new UpdateItemCommand({
    TableName: table,
    Key: key(orderId),
    UpdateExpression: 'SET #status = :released, releasedAt = if_not_exists(releasedAt, :now)',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':released': { S: 'RELEASED' }, ':now': { S: new Date().toISOString() } },
    ReturnValues: 'ALL_OLD',
  }));
  return Attributes ? parse(Attributes) : undefined;
}
