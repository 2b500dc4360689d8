import { randomBytes } from 'node:crypto';
import type { Json } from '../../asl';

/**
 * The result `arn:aws:states:::lambda:invoke` hands to the state: Lambda's Invoke response as the
 * Java SDK reports it, with the function's payload parsed. Field and header order as recorded on AWS.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/connect-lambda.html
 */
export function invokeEnvelope(o: { payload: Json; payloadBytes: number; requestId: string; at: number; statusCode?: number }): Json {
  const date = new Date(o.at).toUTCString();
  const trace = traceId(o.at);
  const length = String(o.payloadBytes);
  return {
    ExecutedVersion: '$LATEST',
    Payload: o.payload,
    SdkHttpMetadata: {
      AllHttpHeaders: {
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

/** An X-Ray trace header in AWS's format: the epoch seconds in hex, then random ids. */
function traceId(at: number): string {
  const seconds = Math.floor(at / 1000).toString(16).padStart(8, '0');
  const r = randomBytes(24).toString('hex');
  return `Root=1-${seconds}-${r.slice(0, 24)};Parent=${r.slice(24, 40)};Sampled=0;Lineage=1:${r.slice(40, 48)}:0`;
}
