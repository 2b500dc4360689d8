import { randomBytes } from 'node:crypto';
import type { Json } from '../../asl';

/** What the envelope is made from besides the payload. */
interface EnvelopeFields {
  requestId: string;
  at: number;
  statusCode?: number;
  /** The base64 log tail Lambda returns for `LogType: Tail`. */
  logResult?: string;
}

/**
 * The result `arn:aws:states:::lambda:invoke` hands to the state: Lambda's Invoke response as the
 * Java SDK reports it, with the function's payload parsed. Field and header order as recorded on AWS;
 * with `LogType: Tail`, LogResult follows ExecutedVersion and X-Amz-Log-Result opens AllHttpHeaders
 * (localstack test_lambda_task_service.snapshot.json test_invoke_unsupported_param, recorded on AWS).
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/connect-lambda.html
 */
export function invokeEnvelope(o: EnvelopeFields & { payload: Json; payloadBytes: number }): Json {
  const head: Record<string, string> = o.logResult === undefined ? { ExecutedVersion: '$LATEST' } : { ExecutedVersion: '$LATEST', LogResult: o.logResult };
  return { ...head, Payload: o.payload, ...envelopeRest(o) };
}

/**
 * The JSON text of invokeEnvelope for a payload given as JSON text (as JSON.stringify wrote it, so
 * that parsing and writing it again would give the same text): the text goes in as it is.
 */
export function invokeEnvelopeText(o: EnvelopeFields & { payloadText: string }): string {
  // Written member by member, in envelopeRest's order (one envelope per lambda:invoke task; building
  // the object and writing it cost more than the task's own bookkeeping). The invoke-envelope tests
  // hold it to JSON.stringify(invokeEnvelope(…)).
  const date = httpDate(o.at);
  const trace = traceId(o.at);
  const length = String(Buffer.byteLength(o.payloadText));
  const id = JSON.stringify(o.requestId);
  const status = String(o.statusCode ?? 200);
  const log = o.logResult === undefined ? undefined : JSON.stringify(o.logResult);
  return (
    `{"ExecutedVersion":"$LATEST",${log === undefined ? '' : `"LogResult":${log},`}"Payload":${o.payloadText},` +
    `"SdkHttpMetadata":{"AllHttpHeaders":{${log === undefined ? '' : `"X-Amz-Log-Result":[${log}],`}"X-Amz-Executed-Version":["$LATEST"],"x-amzn-Remapped-Content-Length":["0"],"Connection":["keep-alive"],` +
    `"x-amzn-RequestId":[${id}],"Content-Length":["${length}"],"Date":["${date}"],"X-Amzn-Trace-Id":["${trace}"],"Content-Type":["application/json"]},` +
    `"HttpHeaders":{"Connection":"keep-alive","Content-Length":"${length}","Content-Type":"application/json","Date":"${date}","X-Amz-Executed-Version":"$LATEST",` +
    `${log === undefined ? '' : `"X-Amz-Log-Result":${log},`}"x-amzn-Remapped-Content-Length":"0","x-amzn-RequestId":${id},"X-Amzn-Trace-Id":"${trace}"},` +
    `"HttpStatusCode":${status}},"SdkResponseMetadata":{"RequestId":${id}},"StatusCode":${status}}`
  );
}

/** The HTTP Date header for `at`, remembered for the second it names. */
let dateSecond = NaN;
let dateText = '';
function httpDate(at: number): string {
  const second = Math.floor(at / 1000);
  if (second !== dateSecond) {
    dateSecond = second;
    dateText = new Date(at).toUTCString();
  }
  return dateText;
}

/** The members after Payload. */
function envelopeRest(o: EnvelopeFields & { payloadBytes: number }): { [key: string]: Json } {
  const date = httpDate(o.at);
  const trace = traceId(o.at);
  const length = String(o.payloadBytes);
  const log = o.logResult;
  const allLog: Record<string, string[]> = log === undefined ? {} : { 'X-Amz-Log-Result': [log] };
  const oneLog: Record<string, string> = log === undefined ? {} : { 'X-Amz-Log-Result': log };
  return {
    SdkHttpMetadata: {
      AllHttpHeaders: {
        ...allLog,
        'X-Amz-Executed-Version': ['$LATEST'],
        'x-amzn-Remapped-Content-Length': ['0'],
        Connection: ['keep-alive'],
        'x-amzn-RequestId': [o.requestId],
        'Content-Length': [length],
        Date: [date],
        'X-Amzn-Trace-Id': [trace],
        'Content-Type': ['application/json'],
      },
      HttpHeaders: {
        Connection: 'keep-alive',
        'Content-Length': length,
        'Content-Type': 'application/json',
        Date: date,
        'X-Amz-Executed-Version': '$LATEST',
        ...oneLog,
        'x-amzn-Remapped-Content-Length': '0',
        'x-amzn-RequestId': o.requestId,
        'X-Amzn-Trace-Id': trace,
      },
      HttpStatusCode: o.statusCode ?? 200,
    },
    SdkResponseMetadata: { RequestId: o.requestId },
    StatusCode: o.statusCode ?? 200,
  };
}

/** Random bytes for trace ids, drawn from the OS for 128 ids at a time. */
const TRACE_BYTES = 24;
let pool = Buffer.alloc(0);
let poolAt = 0;

/** An X-Ray trace header in AWS's format: the epoch seconds in hex, then random ids. */
function traceId(at: number): string {
  const seconds = Math.floor(at / 1000).toString(16).padStart(8, '0');
  if (poolAt + TRACE_BYTES > pool.length) {
    pool = randomBytes(TRACE_BYTES * 128);
    poolAt = 0;
  }
  const r = pool.toString('hex', poolAt, (poolAt += TRACE_BYTES));
  return `Root=1-${seconds}-${r.slice(0, 24)};Parent=${r.slice(24, 40)};Sampled=0;Lineage=1:${r.slice(40, 48)}:0`;
}
