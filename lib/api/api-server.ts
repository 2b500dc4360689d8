import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LocalService } from '../runtime/local-service-contract';
import { answerAdmin, isAdminPath } from './admin/admin-routes';
import { answerAwsJson } from './protocol/aws-json-protocol';
import { readBody } from './protocol/read-body';

export interface ApiServerOptions {
  service: LocalService;
  /** @default "127.0.0.1" (loopback only) */
  host?: string;
  /** 0 picks a free port. @default 8083 (the port Step Functions Local used) */
  port?: number;
  /**
   * Larger request bodies are refused with HTTP 413, as AWS refuses them. @default 1049600, the
   * figure AWS enforces ("HTTP content length exceeded 1049600 bytes.") for its documented 1 MB.
   */
  maxBodyBytes?: number;
  /** Where unexpected errors are reported. @default console.error */
  log?: (line: string) => void;
}

export interface ApiServer {
  url: string;
  host: string;
  port: number;
  /** Stops accepting connections, lets requests in flight finish (briefly), then closes. */
  close(): Promise<void>;
}

const DEFAULT_MAX_BODY_BYTES = 1049600;
/** How long close() waits for requests in flight (a GetActivityTask long poll would wait 60 s). */
const CLOSE_GRACE_MS = 1000;
const KEEP_ALIVE_MS = 60_000;

/**
 * Serves the local service over HTTP: the Step Functions API (AWS JSON 1.0, `POST /`) for
 * `@aws-sdk/client-sfn` and `aws stepfunctions --endpoint-url`, and the admin endpoints under
 * `/_sagaflow/`. A bad request, or a failure inside an operation, is answered and never stops it.
 */
export async function startApiServer(options: ApiServerOptions): Promise<ApiServer> {
  const { service } = options;
  const host = options.host ?? '127.0.0.1';
  const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const log = options.log ?? ((line: string) => console.error(line));
  const context = { service: service.operations, log };
  let inFlight = 0;
  let idle: (() => void) | undefined;

  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const read = await readBody(req, limit);
    if (read.kind === 'too-large') return refuseTooLarge(req, res, limit);
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    if (isAdminPath(path)) return answerAdminRequest(req, res, path, read.body, new URLSearchParams(q < 0 ? '' : url.slice(q + 1)));
    return answerAwsJson(req, res, read.body, context);
  }

  async function answerAdminRequest(req: IncomingMessage, res: ServerResponse, path: string, body: Buffer, query: URLSearchParams): Promise<void> {
    let parsed: unknown;
    if (body.length > 0) {
      try {
        parsed = JSON.parse(body.toString('utf8'));
      } catch {
        return sendJson(res, 400, { error: 'InvalidRequest', message: 'The body is not JSON.' });
      }
    }
    const reply = await answerAdmin(service.admin, req.method ?? 'GET', path, parsed, query);
    if (reply.allow) res.setHeader('Allow', reply.allow);
    sendJson(res, reply.status, reply.body);
  }

  const server = createServer((req, res) => {
    inFlight++;
    res.on('close', () => {
      if (--inFlight === 0) idle?.();
    });
    answer(req, res).catch((err: unknown) => {
      log(`internal error answering ${req.method} ${req.url}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      if (!res.headersSent) sendJson(res, 500, { __type: 'com.amazon.coral.service#InternalFailure' });
      else res.destroy();
    });
  });
  // Idle keep-alive connections stay open a minute, so that SDK clients reusing a socket rarely meet
  // one the server is just closing (Node's default is 5 s).
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1000;
  // A request Node cannot even parse gets a plain 400, and the connection goes.
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8083, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${port}`,
    host,
    port,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        const drained = inFlight === 0 ? Promise.resolve() : new Promise<void>((done) => (idle = done));
        const grace = new Promise<void>((done) => setTimeout(done, CLOSE_GRACE_MS).unref());
        void Promise.race([drained, grace]).then(() => server.closeAllConnections());
      });
      return closing;
    },
  };
}

/**
 * AWS's front end refuses an oversized body before the service sees it: HTTP 413 with a text body
 * and the connection closed. The rest of the body is read and thrown away so that the client gets
 * to read the answer.
 */
function refuseTooLarge(req: IncomingMessage, res: ServerResponse, limit: number): void {
  const text = `HTTP content length exceeded ${limit} bytes.`;
  res.shouldKeepAlive = false;
  res.writeHead(413, { 'Content-Type': 'text; charset=utf-8', 'Content-Length': Buffer.byteLength(text), Connection: 'close' }).end(text);
  req.resume();
  // A client that keeps sending is cut off.
  setTimeout(() => req.socket.destroy(), 5000).unref();
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) }).end(text);
}
