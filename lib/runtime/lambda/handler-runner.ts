import { errorPayloadOf, LambdaPlatformErrors, type LambdaErrorPayload } from './lambda-error';

/** The Lambda context object a Node.js handler receives. */
export interface LambdaContext {
  functionName: string;
  functionVersion: string;
  invokedFunctionArn: string;
  memoryLimitInMB: string;
  awsRequestId: string;
  logGroupName: string;
  logStreamName: string;
  callbackWaitsForEmptyEventLoop: boolean;
  getRemainingTimeInMillis(): number;
}

/** The plain-data part of the context, which crosses to a worker thread. */
export type ContextFields = Omit<LambdaContext, 'getRemainingTimeInMillis' | 'callbackWaitsForEmptyEventLoop'>;

export type HandlerOutcome = { ok: true; payload: string } | { ok: false; error: LambdaErrorPayload };

type Handler = (event: unknown, context: LambdaContext, callback?: (err: unknown, result?: unknown) => void) => unknown;

export type LoadedHandler = { handler: Handler } | { error: LambdaErrorPayload };

/** Loads the module and finds the handler, failing as the Lambda runtime fails (ImportModuleError, HandlerNotFound). */
export function loadHandler(modulePath: string, handlerName: string, label: string): LoadedHandler {
  let mod: Record<string, unknown>;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mod = require(modulePath) as Record<string, unknown>;
  } catch (err) {
    return { error: LambdaPlatformErrors.importFailed(err) };
  }
  const handler = mod[handlerName];
  if (typeof handler !== 'function') return { error: LambdaPlatformErrors.handlerNotFound(label) };
  return { handler: handler as Handler };
}

/** The context object for the plain fields and a deadline (epoch ms). */
export function lambdaContext(fields: ContextFields, deadline: number): LambdaContext {
  return { ...fields, callbackWaitsForEmptyEventLoop: true, getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()) };
}

/** Runs one invocation: async or callback-style handler; the result becomes the JSON response payload. */
export function runHandler(handler: Handler, event: unknown, fields: ContextFields, deadline: number): Promise<HandlerOutcome> {
  return runInContext(handler, event, lambdaContext(fields, deadline));
}

/** runHandler with the context object already made. */
export async function runInContext(handler: Handler, event: unknown, context: LambdaContext): Promise<HandlerOutcome> {
  let result: unknown;
  try {
    result =
      handler.length >= 3
        ? await new Promise((resolve, reject) => {
            const r = handler(event, context, (err, value) => (err ? reject(err) : resolve(value)));
            if (r && typeof (r as Promise<unknown>).then === 'function') (r as Promise<unknown>).then(resolve, reject);
          })
        : await handler(event, context);
  } catch (err) {
    return { ok: false, error: errorPayloadOf(err) };
  }
  try {
    return { ok: true, payload: result === undefined ? 'null' : JSON.stringify(result) };
  } catch (err) {
    return { ok: false, error: errorPayloadOf(err) };
  }
}
