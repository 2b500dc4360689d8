import type { AdminOperations, PurgeOptions } from '../../runtime/local-service-contract';
import { ServiceError } from '../../runtime/step-functions-operations';

/** The local service's own endpoints, under /_sagaflow/ (documented in docs/local-service-api.md). */
export const ADMIN_PREFIX = '/_sagaflow/';

export type AdminAnswer = { status: number; body: unknown; allow?: string };

/** An admin request the service cannot carry out: HTTP 400 with `{"error", "message"}`. */
class AdminError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type Route = { method: 'GET' | 'POST'; run(admin: AdminOperations, body: unknown, query: URLSearchParams): Promise<unknown> | unknown };

const CLOSED_STATUSES = ['SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED', 'PENDING_REDRIVE'] as const;

function objectBody(body: unknown): Record<string, unknown> {
  if (body === undefined) return {};
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new AdminError('InvalidRequest', 'The body must be a JSON object.');
  return body as Record<string, unknown>;
}

function positiveInteger(value: unknown, member: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
    throw new AdminError('InvalidRequest', `'${member}' must be a positive integer number of milliseconds (got ${JSON.stringify(value) ?? 'nothing'}).`);
  }
  return value;
}

function purgeOptions(admin: AdminOperations, body: Record<string, unknown>): PurgeOptions {
  const options: PurgeOptions = {};
  if (body.closedBefore !== undefined && body.olderThanMs !== undefined) throw new AdminError('InvalidRequest', "Give 'closedBefore' or 'olderThanMs', not both.");
  if (body.closedBefore !== undefined) {
    if (typeof body.closedBefore !== 'number' || !Number.isFinite(body.closedBefore)) throw new AdminError('InvalidRequest', "'closedBefore' must be epoch milliseconds.");
    options.closedBefore = body.closedBefore;
  }
  if (body.olderThanMs !== undefined) options.closedBefore = admin.now() - positiveInteger(body.olderThanMs, 'olderThanMs');
  if (body.statuses !== undefined) {
    const statuses = body.statuses;
    if (!Array.isArray(statuses) || statuses.length === 0 || !statuses.every((s) => (CLOSED_STATUSES as readonly unknown[]).includes(s))) {
      throw new AdminError('InvalidRequest', `'statuses' must be a non-empty list of ${CLOSED_STATUSES.join(', ')}.`);
    }
    options.statuses = statuses as PurgeOptions['statuses'];
  }
  if (body.stateMachineArn !== undefined) {
    if (typeof body.stateMachineArn !== 'string' || !body.stateMachineArn.startsWith('arn:')) throw new AdminError('InvalidRequest', "'stateMachineArn' must be a state machine ARN.");
    options.stateMachineArn = body.stateMachineArn;
  }
  return options;
}

const routes: Record<string, Route> = {
  health: { method: 'GET', run: () => ({ status: 'ok' }) },
  clock: {
    method: 'GET',
    run(admin) {
      const now = admin.now();
      return { mode: admin.clockMode(), now, iso: new Date(now).toISOString() };
    },
  },
  'clock/advance': {
    method: 'POST',
    async run(admin, body) {
      const ms = positiveInteger(objectBody(body).ms, 'ms');
      const mode = admin.clockMode();
      if (mode !== 'virtual') throw new AdminError('ClockNotVirtual', `The service clock is '${mode}'; only a virtual clock can be advanced (start the service with --clock virtual).`);
      return admin.advanceTime(ms);
    },
  },
  purge: { method: 'POST', run: (admin, body) => admin.purge(purgeOptions(admin, objectBody(body))) },
  'waiting-tasks': {
    method: 'GET',
    async run(admin, _body, query) {
      const executionArn = query.get('executionArn');
      if (executionArn === null || !executionArn.startsWith('arn:')) throw new AdminError('InvalidRequest', "Give the execution as '?executionArn=ARN'.");
      return { tasks: await admin.waitingTasks(executionArn) };
    },
  },
};

/** Answers `/_sagaflow/<route>`; `body` is the parsed JSON body, or undefined when there is none. */
export async function answerAdmin(admin: AdminOperations, method: string, path: string, body: unknown, query = new URLSearchParams()): Promise<AdminAnswer> {
  const name = path.slice(ADMIN_PREFIX.length).replace(/\/+$/, '');
  const route = Object.hasOwn(routes, name) ? routes[name] : undefined;
  if (!route) return { status: 404, body: { error: 'NotFound', message: `No admin endpoint ${path}. See docs/local-service-api.md.` } };
  if (method !== route.method) return { status: 405, allow: route.method, body: { error: 'MethodNotAllowed', message: `${path} answers ${route.method} only.` } };
  try {
    return { status: 200, body: await route.run(admin, body, query) };
  } catch (err) {
    if (err instanceof AdminError || err instanceof ServiceError) return { status: 400, body: { error: err.code, message: err.message } };
    throw err;
  }
}

export function isAdminPath(path: string): boolean {
  return path.startsWith(ADMIN_PREFIX);
}
