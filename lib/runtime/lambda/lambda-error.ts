/**
 * A Lambda function error as the Node.js runtime reports it: the response payload
 * `{"errorType", "errorMessage", "trace"}`, which Step Functions turns into the task's error
 * (errorType) and cause (the payload's JSON text).
 * @see https://docs.aws.amazon.com/lambda/latest/dg/nodejs-exceptions.html
 */
export interface LambdaErrorPayload {
  errorType: string;
  errorMessage: string;
  trace?: string[];
}

/** What the Node.js runtime sends for a thrown value: a native error's name, message and stack; else its type and text. */
export function errorPayloadOf(thrown: unknown): LambdaErrorPayload {
  if (thrown instanceof Error || (typeof thrown === 'object' && thrown !== null && 'message' in thrown && 'name' in thrown)) {
    const e = thrown as Error;
    return { errorType: String(e.name), errorMessage: String(e.message), trace: typeof e.stack === 'string' ? e.stack.split('\n') : [] };
  }
  return { errorType: typeof thrown, errorMessage: String(thrown), trace: [] };
}

/** The platform's own failures, spelled as Lambda spells them. */
export const LambdaPlatformErrors = {
  timedOut: (requestId: string, seconds: number): LambdaErrorPayload => ({
    errorType: 'Sandbox.Timedout',
    errorMessage: `RequestId: ${requestId} Error: Task timed out after ${seconds.toFixed(2)} seconds`,
  }),
  exited: (requestId: string, code: number): LambdaErrorPayload => ({
    errorType: 'Runtime.ExitError',
    errorMessage: `RequestId: ${requestId} Error: Runtime exited with error: exit status ${code}`,
  }),
  // The runtime raises these errors itself, so their trace opens with their own name and message
  // (payloads quoted from AWS in serverless/serverless#9432 and aws/aws-lambda-builders#513); the
  // runtime's own frames (/var/runtime/…) have no counterpart here.
  handlerNotFound: (handler: string): LambdaErrorPayload => {
    const errorMessage = `${handler} is undefined or not exported`;
    return { errorType: 'Runtime.HandlerNotFound', errorMessage, trace: [`Runtime.HandlerNotFound: ${errorMessage}`] };
  },
  importFailed: (thrown: unknown): LambdaErrorPayload => {
    const p = errorPayloadOf(thrown);
    const errorMessage = `${p.errorType}: ${p.errorMessage}`;
    const frames = (p.trace ?? []).filter((line) => line.startsWith('    at '));
    return { errorType: 'Runtime.ImportModuleError', errorMessage, trace: [...`Runtime.ImportModuleError: ${errorMessage}`.split('\n'), ...frames] };
  },
} as const;
