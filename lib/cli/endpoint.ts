/** Where the client commands find the local service, unless --endpoint-url says otherwise. */
export const DEFAULT_ENDPOINT = 'http://127.0.0.1:8083';

/** The endpoint from --endpoint-url, then SAGAFLOW_ENDPOINT, then the default. */
export function endpointOf(flag: string | undefined): string {
  return (flag ?? process.env.SAGAFLOW_ENDPOINT ?? DEFAULT_ENDPOINT).replace(/\/+$/, '');
}

/** Said when nothing answers at the endpoint. */
export function notRunning(endpoint: string): string {
  return `no sagaflow service answers at ${endpoint}. Start one with \`npx sagaflow serve\` (or \`npm start\` for the example app), or pass --endpoint-url.`;
}

/** True for the errors Node and the SDK give when nothing listens (or the host is unknown). */
export function isConnectionFailure(err: unknown): boolean {
  const codes = ['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN'];
  const seen = new Set<unknown>();
  const walk = (e: unknown): boolean => {
    if (!e || typeof e !== 'object' || seen.has(e)) return false;
    seen.add(e);
    const x = e as { code?: unknown; cause?: unknown; errors?: unknown[] };
    if (typeof x.code === 'string' && codes.includes(x.code)) return true;
    return walk(x.cause) || (Array.isArray(x.errors) && x.errors.some(walk));
  };
  return walk(err);
}
