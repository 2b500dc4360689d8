import type * as sfn from '@aws-sdk/client-sfn';
import { withTextMemo } from '../../engine/core/composed-text';
import type { HistoryEvent } from '../../engine/history-event';
import { requireArnType } from '../arns';
import type { Runtime } from '../runtime';
import { ServiceError, type StepFunctionsOperations } from '../step-functions-operations';
import { missing, NotFound } from './errors';

const DATA_FIELDS = new Set(['input', 'output']);

/** An engine event in the SDK's shape; without its payloads when execution data is not wanted. */
function toSdkEvent(e: HistoryEvent, includeData: boolean): sfn.HistoryEvent {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(e)) {
    if (key === 'timestamp') out.timestamp = new Date(value as number);
    else if (value === null || typeof value !== 'object' || Array.isArray(value)) out[key] = value;
    else if (!includeData) out[key] = Object.fromEntries(Object.entries(value as Record<string, unknown>).filter(([k]) => !DATA_FIELDS.has(k)));
    // The details as a plain copy: their payload texts are built now, inside the page's text memo.
    else out[key] = { ...value };
  }
  return out as unknown as sfn.HistoryEvent;
}

const CURSOR = /^event:(\d{1,9})$/;

function writeCursor(id: number): string {
  return Buffer.from(`event:${id}`).toString('base64url');
}

function readCursor(token: string): number {
  const m = CURSOR.exec(Buffer.from(token, 'base64url').toString('utf8'));
  if (!m) throw new ServiceError('InvalidToken', "Invalid Token: 'Invalid NextToken'");
  return Number(m[1]);
}

/**
 * GetExecutionHistory: pages of up to 1000 events (100 by default), oldest first or newest first.
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_GetExecutionHistory.html
 */
export function historyOperations(rt: Runtime): Pick<StepFunctionsOperations, 'GetExecutionHistory'> {
  const { store } = rt.ctx;
  return {
    async GetExecutionHistory({ executionArn, maxResults, nextToken, reverseOrder, includeExecutionData }) {
      if (!executionArn) throw missing('executionArn');
      requireArnType(executionArn, executionArn.includes(':express:') ? 'express' : 'execution');
      const r = store.getExecution(executionArn);
      if (!r) throw NotFound.execution(executionArn);
      const limit = maxResults === undefined || maxResults === 0 ? 100 : Math.min(maxResults, 1000);
      const reverse = reverseOrder === true;
      const after = nextToken !== undefined ? readCursor(nextToken) : reverse ? r.eventCount + 1 : 0;
      const events = store.readEvents(executionArn, { after, limit: limit + 1, reverse });
      const page = events.slice(0, limit);
      const more = events.length > limit;
      const last = page[page.length - 1];
      return {
        // One memo for the page: consecutive states' payloads share most of their parts (composed-text.ts).
        events: withTextMemo(() => page.map((e) => toSdkEvent(e, includeExecutionData !== false))),
        ...(more && last ? { nextToken: writeCursor(last.id) } : {}),
      };
    },
  };
}
