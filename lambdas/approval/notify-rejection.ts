import { ID_RULES, InputObject } from '../shared/input-object';
import { log } from '../shared/log';
import type { NotifyRejectionInput, NotifyRejectionOutput } from './types';

/** Tells the requester the request was rejected, and why (a log line in the reference app). */
export const handler = async (event: NotifyRejectionInput): Promise<NotifyRejectionOutput> => {
  const input = InputObject.of(event);
  const requestId = input.string('requestId', ID_RULES);
  const reason = input.optionalString('reason', { maxLength: 4096 });
  log('requester notified of the rejection', { requestId, reason: reason ?? null });
  return { notified: true };
};
