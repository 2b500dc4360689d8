import { InvalidInput } from '../shared/errors';

/**
 * The API Gateway HTTP API side of the approve helper: requests arrive as payload format 2.0
 * events, and errors become HTTP answers instead of failed invocations (which API Gateway would
 * turn into a bare 500).
 */
export interface HttpApiEvent {
  version: '2.0';
  routeKey: string;
  body?: string;
  isBase64Encoded?: boolean;
  pathParameters?: Record<string, string | undefined>;
  requestContext: { authorizer?: { iam?: { userArn?: string } } };
}

export interface HttpApiResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

export function isHttpApiEvent(event: unknown): event is HttpApiEvent {
  const e = event as Partial<HttpApiEvent> | null;
  return typeof e === 'object' && e !== null && e.version === '2.0' && typeof e.routeKey === 'string' && typeof e.requestContext === 'object';
}

/** The JSON body, with the path's `{requestId}` (if the route has one) taking precedence. */
export function httpApiPayload(event: HttpApiEvent): Record<string, unknown> {
  const text = event.isBase64Encoded ? Buffer.from(event.body ?? '', 'base64').toString('utf8') : event.body ?? '';
  let body: unknown;
  try {
    body = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    throw new InvalidInput('the request body is not JSON');
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new InvalidInput('the request body must be a JSON object');
  const requestId = event.pathParameters?.requestId;
  return { ...(body as Record<string, unknown>), ...(requestId !== undefined && { requestId }) };
}

/** The IAM identity that signed the request (the route uses IAM authorization). */
export function httpApiCaller(event: HttpApiEvent): string | undefined {
  return event.requestContext.authorizer?.iam?.userArn;
}

export function jsonResponse(statusCode: number, body: unknown): HttpApiResponse {
  return { statusCode, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}
