import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for the Step Functions callback API (SendTaskSuccess/SendTaskFailure over AWS's
 * JSON 1.0 protocol), so the approve helper's SDK calls can be observed and answered with the
 * errors AWS gives for a token whose task no longer waits.
 */
export interface FakeStepFunctions {
  endpoint: string;
  calls: { operation: string; input: Record<string, string> }[];
  /** Answers for particular tokens: the AWS error name to return. */
  refuse: Map<string, string>;
  close(): Promise<void>;
}

export async function startFakeStepFunctions(): Promise<FakeStepFunctions> {
  const fake: Omit<FakeStepFunctions, 'endpoint' | 'close'> = { calls: [], refuse: new Map() };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const operation = String(req.headers['x-amz-target'] ?? '').replace('AWSStepFunctions.', '');
      const input = JSON.parse(body || '{}') as Record<string, string>;
      fake.calls.push({ operation, input });
      const refusal = fake.refuse.get(input.taskToken);
      res.setHeader('content-type', 'application/x-amz-json-1.0');
      if (refusal) {
        res.statusCode = 400;
        res.setHeader('x-amzn-ErrorType', refusal);
        res.end(JSON.stringify({ __type: refusal, message: `${refusal} for this token` }));
      } else {
        res.end('{}');
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    ...fake,
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
