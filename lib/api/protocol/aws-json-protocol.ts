import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ServiceError, type OperationName, type StepFunctionsOperations } from '../../runtime/step-functions-operations';
import { isOperationName, operationFor } from '../operations';
import type { OperationInput, Validated } from '../operations/operation';
import { readRequest } from '../validation/read-request';
import { WireError, internalFailure, serializationError, serviceError, unknownOperationError } from './wire-error';
import { toWireJson } from './wire-json';

const TARGET_PREFIX = 'AWSStepFunctions.';
const CONTENT_TYPES = new Set(['application/x-amz-json-1.0', 'application/json']);

export interface ProtocolContext {
  service: StepFunctionsOperations;
  log: (line: string) => void;
}

/**
 * Answers one request of the AWS JSON 1.0 protocol, checking what Coral checks and in its order:
 * a POST with a JSON content type, a body that parses, a known `X-Amz-Target`, the model
 * constraints, the operation's own checks; then the operation. Authentication is not checked.
 */
export async function answerAwsJson(req: IncomingMessage, res: ServerResponse, body: Buffer, context: ProtocolContext): Promise<void> {
  res.setHeader('x-amzn-RequestId', randomUUID());
  const contentType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (req.method !== 'POST' || (body.length > 0 && !CONTENT_TYPES.has(contentType))) {
    // Coral's front door answers anything that is not a JSON-protocol call this way.
    res.writeHead(404, { 'Content-Length': 29 }).end('<UnknownOperationException/>\n');
    return;
  }
  const responseType = contentType === 'application/json' ? 'application/json' : 'application/x-amz-json-1.0';
  const target = String(req.headers['x-amz-target'] ?? '');
  try {
    let parsed: unknown;
    if (body.length > 0) {
      try {
        parsed = JSON.parse(body.toString('utf8'));
      } catch {
        throw serializationError();
      }
    }
    const name = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : '';
    if (!isOperationName(name)) throw unknownOperationError();
    if (parsed === undefined) throw serializationError();
    const output = await run(name, parsed, context);
    send(res, 200, responseType, toWireJson(output ?? {}));
  } catch (err) {
    const wire = toWireError(err, target, context.log);
    res.setHeader('x-amzn-ErrorType', wire.code);
    send(res, wire.status, responseType, JSON.stringify(wire.body()));
  }
}

async function run<K extends OperationName>(name: K, body: unknown, { service }: ProtocolContext): Promise<unknown> {
  const operation = operationFor(name);
  const input = readRequest(operation.request, body) as Validated<OperationInput<K>>;
  await operation.check?.(input, service);
  // The map is keyed by the same names as the service, so this is the operation for `input`.
  const call = service[name] as (input: OperationInput<K>) => Promise<unknown>;
  return call.call(service, input);
}

function toWireError(err: unknown, target: string, log: (line: string) => void): WireError {
  if (err instanceof WireError) return err;
  if (err instanceof ServiceError) return serviceError(err.code, err.message);
  log(`internal error in ${target || 'request'}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  return internalFailure();
}

function send(res: ServerResponse, status: number, contentType: string, text: string): void {
  res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text) }).end(text);
}
