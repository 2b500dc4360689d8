import { createHash } from 'node:crypto';
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { dynamoDb, isConditionalCheckFailed } from '../shared/dynamodb';
import { tableName } from '../shared/env';
import { InvalidInput } from '../shared/errors';
import { InputObject } from '../shared/input-object';
import { log } from '../shared/log';
import { MonitorTables } from './tables';
import type { SendAlertInput, SendAlertOutput } from './types';

/**
 * Records an alert for a failed check. The alert id is derived from the url and the check's
 * time, so a redelivered alert finds its own record instead of adding a second one.
 */
export const handler = async (event: SendAlertInput): Promise<SendAlertOutput> => {
  const input = InputObject.of(event);
  const url = input.string('url', { maxLength: 2048 });
  const checkedAt = input.string('checkedAt', { maxLength: 64 });
  if (Number.isNaN(Date.parse(checkedAt))) throw new InvalidInput(`checkedAt must be an ISO 8601 time (got ${JSON.stringify(checkedAt)})`);
  const status = input.optionalInteger('status', { min: 100, max: 599 });
  const error = input.optionalString('error', { maxLength: 1024 });
  const alertId = `alert-${createHash('sha256').update(`${url}\n${checkedAt}`).digest('hex').slice(0, 24)}`;

  try {
    await dynamoDb().send(new PutItemCommand({
      TableName: tableName(MonitorTables.Alerts),
      Item: {
        alertId: { S: alertId },
        url: { S: url },
        checkedAt: { S: checkedAt },
        recordedAt: { S: new Date().toISOString() },
        ...(status !== undefined && { status: { N: String(status) } }),
        ...(error !== undefined && { error: { S: error } }),
      },
      ConditionExpression: 'attribute_not_exists(alertId)',
    }));
    log('alert recorded', { alertId, url, status: status ?? null, checkedAt, error: error ?? null });
  } catch (err) {
    if (!isConditionalCheckFailed(err)) throw err;
  }
  return { alertId };
};
