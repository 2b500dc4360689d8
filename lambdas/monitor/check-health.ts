import { InvalidInput } from '../shared/errors';
import { InputObject } from '../shared/input-object';
import type { LambdaContext } from '../shared/lambda-context';
import type { CheckHealthInput, CheckHealthOutput } from './types';

const DEFAULT_TIMEOUT_MS = 5000;
/** Kept back from the function's own deadline so that an unhealthy answer is still returned in time. */
const REPORT_MARGIN_MS = 1000;

function readUrl(input: InputObject): string {
  const url = input.string('url', { maxLength: 2048 });
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InvalidInput(`url is not a URL (got ${JSON.stringify(url.slice(0, 80))})`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new InvalidInput(`url must be http or https (got ${parsed.protocol})`);
  return url;
}

/**
 * GETs the URL with a timeout. Healthy means a 2xx answer (after redirects); any other status is
 * unhealthy with that status, and a failed connection or a timeout is unhealthy with no status.
 * A failed check is a result, not an error, so the workflow decides what to do about it.
 */
export const handler = async (event: CheckHealthInput, context?: LambdaContext): Promise<CheckHealthOutput> => {
  const input = InputObject.of(event);
  const url = readUrl(input);
  const wanted = input.optionalInteger('timeoutMs', { min: 1, max: 60_000 }) ?? DEFAULT_TIMEOUT_MS;
  const remaining = context?.getRemainingTimeInMillis?.();
  const timeoutMs = remaining === undefined ? wanted : Math.max(1, Math.min(wanted, remaining - REPORT_MARGIN_MS));

  const started = Date.now();
  const checkedAt = new Date(started).toISOString();
  try {
    const response = await fetch(url, { method: 'GET', signal: AbortSignal.timeout(timeoutMs), headers: { 'user-agent': 'sagaflow-monitor' } });
    await response.body?.cancel();
    return { healthy: response.ok, status: response.status, latencyMs: Date.now() - started, checkedAt };
  } catch (err) {
    // fetch wraps the network failure: its cause says what happened (ECONNREFUSED, ENOTFOUND, bad port…).
    const e = err as Error & { cause?: { code?: string; message?: string } };
    const error = e.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : e.cause?.code ?? e.cause?.message ?? e.message;
    return { healthy: false, latencyMs: Date.now() - started, checkedAt, error };
  }
};
