import { CommandFailure } from './command-failure';
import { isConnectionFailure, notRunning } from './endpoint';

/** Calls one of the service's admin endpoints (docs/local-service-api.md) and returns its JSON. */
export async function callAdmin<T>(endpoint: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`${endpoint}/_sagaflow/${path}`, {
      method,
      headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (err) {
    if (isConnectionFailure(err)) throw new CommandFailure(notRunning(endpoint));
    const cause = (err as { cause?: { message?: string } }).cause?.message;
    throw new CommandFailure(`cannot reach ${endpoint}: ${cause ?? (err as Error).message}`);
  }
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new CommandFailure(`${endpoint} answered HTTP ${res.status} with something that is not a sagaflow service: ${text.slice(0, 200)}`);
  }
  if (!res.ok) {
    const e = json as { error?: string; message?: string };
    throw new CommandFailure(e.message ? `${e.error ?? `HTTP ${res.status}`}: ${e.message}` : `HTTP ${res.status} from ${endpoint}`);
  }
  return json as T;
}
