import { UsageError } from './command';

/** Where the client commands find the local service, unless --endpoint-url says otherwise. */
export const DEFAULT_ENDPOINT = 'http://127.0.0.1:8083';

/** The endpoint from --endpoint-url or --port, then SAGAFLOW_ENDPOINT, then the default. */
export function endpointOf(flags: { 'endpoint-url'?: string; port?: string }): string {
  const { 'endpoint-url': url, port } = flags;
  if (port !== undefined) {
    if (url !== undefined) throw new UsageError('give --endpoint-url or --port, not both');
    if (!/^\d+$/.test(port) || Number(port) < 1 || Number(port) > 65535) throw new UsageError(`--port takes a port number, 1 to 65535 (got '${port}')`);
    return `http://127.0.0.1:${Number(port)}`;
  }
  return (url ?? process.env.SAGAFLOW_ENDPOINT ?? DEFAULT_ENDPOINT).replace(/\/+$/, '');
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
