import { ID_RULES, InputObject } from '../shared/input-object';
import { log } from '../shared/log';
import type { ExecuteRequestInput, ExecuteRequestOutput } from './types';

/** Carries out an approved request. The reference app's "work" is the log line; redelivery logs it again, harmlessly. */
export const handler = async (event: ExecuteRequestInput): Promise<ExecuteRequestOutput> => {
  const input = InputObject.of(event);
  const requestId = input.string('requestId', ID_RULES);
  const approver = input.optionalString('approver', { maxLength: 256 });
  log('approved request executed', { requestId, approver: approver ?? null });
  return { executed: true };
};
