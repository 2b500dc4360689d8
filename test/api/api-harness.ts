import { SFNClient } from '@aws-sdk/client-sfn';
import { startApiServer, type ApiServer } from '../../lib/api';
import { FakeLocalService, type FakeOptions } from './fake-local-service';

export const PASS_DEFINITION = JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } });
export const CALLBACK_DEFINITION = JSON.stringify({
  StartAt: 'Approve',
  States: { Approve: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken', Parameters: { FunctionName: 'approver' }, End: true } },
});
export const ROLE = 'arn:aws:iam::123456789012:role/sagaflow';

export interface RawReply {
  status: number;
  headers: Headers;
  text: string;
  json(): Record<string, unknown>;
}

export interface Harness {
  server: ApiServer;
  fake: FakeLocalService;
  logs: string[];
  client: SFNClient;
  /** One AWS JSON 1.0 call without the SDK, so that the exact wire answer can be checked. */
  call(operation: string, body: unknown): Promise<RawReply>;
  raw(init: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<RawReply>;
  close(): Promise<void>;
}

export async function startHarness(options: FakeOptions & { maxBodyBytes?: number } = {}): Promise<Harness> {
  const fake = new FakeLocalService(options);
  const logs: string[] = [];
  const server = await startApiServer({ service: fake, port: 0, maxBodyBytes: options.maxBodyBytes, log: (line) => logs.push(line) });
  const client = new SFNClient({ endpoint: server.url, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });
  const raw: Harness['raw'] = async ({ method = 'POST', path = '/', headers = {}, body }) => {
    const res = await fetch(`${server.url}${path}`, { method, headers, body });
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, json: () => JSON.parse(text) as Record<string, unknown> };
  };
  return {
    server,
    fake,
    logs,
    client,
    raw,
    call: (operation, body) =>
      raw({ headers: { 'Content-Type': 'application/x-amz-json-1.0', 'X-Amz-Target': `AWSStepFunctions.${operation}` }, body: typeof body === 'string' ? body : JSON.stringify(body) }),
    async close() {
      client.destroy();
      await server.close();
    },
  };
}
