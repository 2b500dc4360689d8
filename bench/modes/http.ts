import { DescribeExecutionCommand, SendTaskSuccessCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { Agent } from 'node:http';
import type { Workload } from '../workloads';
import type { Session } from './mode';
import { openService, resultOf } from './sagaflow';

/** The most sockets the SDK client opens at once. */
export const HTTP_MAX_SOCKETS = 256;

interface ApiServer {
  url: string;
  close(): Promise<void>;
}

/**
 * The local service (durable store, as users run it) behind its HTTP API, driven through
 * @aws-sdk/client-sfn: what a test suite pointed at `--endpoint-url` pays per execution.
 */
export async function openOverHttp(w: Workload): Promise<Session> {
  const s = await openService(w, 'durable');
  const server: ApiServer = await s.modules.startApiServer({ service: s.service, host: '127.0.0.1', port: 0 });
  const client = new SFNClient({
    endpoint: server.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
    // Keep-alive with room for the workload's concurrency, as a real test suite would configure it;
    // W4's 10,000 parked starts queue for a bounded pool (10,000 sockets at once are reset by the kernel's listen backlog).
    // Requests waiting for a socket are expected there, so the SDK's warning about them is off.
    requestHandler: { httpAgent: new Agent({ keepAlive: true, maxSockets: Math.min(HTTP_MAX_SOCKETS, Math.max(50, w.concurrency)) }), socketAcquisitionWarningTimeout: 10 * 60_000 },
  });
  return {
    async run(input) {
      const { executionArn } = await client.send(new StartExecutionCommand({ stateMachineArn: s.stateMachineArn, input: JSON.stringify(input) }));
      await s.waitFor(executionArn!);
      return resultOf(await client.send(new DescribeExecutionCommand({ executionArn })));
    },
    async sendTaskSuccess(token, output) {
      await client.send(new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify(output) }));
    },
    async close() {
      client.destroy();
      await server.close();
      await s.close();
    },
  };
}
