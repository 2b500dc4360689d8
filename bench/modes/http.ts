import { CreateStateMachineCommand, DescribeExecutionCommand, SendTaskSuccessCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { functionModules } from '../functions';
import type { Workload } from '../workloads';
import type { Session } from './mode';
import { historyQuotaLifted, openService, resultOf } from './sagaflow';

/** The most sockets the SDK client opens at once. */
export const HTTP_MAX_SOCKETS = 256;

const SAGAFLOW = join(__dirname, '..', '..', 'bin', 'sagaflow.js');
const ROLE = 'arn:aws:iam::123456789012:role/sagaflow-bench';

/** How long the service may take to say it listens. */
const START_TIMEOUT_MS = 60_000;

/**
 * Where the service runs. `process`: `sagaflow serve --data DIR` in a child process of its own, as
 * a user runs it, with the bench's functions inline (`--functions`); completion is read from its
 * JSON execution log on stdout. `in-process`: the same service in the bench's own process, for the
 * workloads that need what `serve` does not offer: W3's lifted history quota, and W4's tokens,
 * which its function records in the bench's memory.
 */
export function httpServiceKind(w: Workload): 'process' | 'in-process' {
  return historyQuotaLifted(w) || w.name.startsWith('W4') ? 'in-process' : 'process';
}

function sdkClient(url: string, w: Workload): SFNClient {
  return new SFNClient({
    endpoint: url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
    // Keep-alive with room for the workload's concurrency, as a real test suite would configure it;
    // W4's 10,000 parked starts queue for a bounded pool (10,000 sockets at once are reset by the kernel's listen backlog).
    // Requests waiting for a socket are expected there, so the SDK's warning about them is off.
    requestHandler: { httpAgent: new Agent({ keepAlive: true, maxSockets: Math.min(HTTP_MAX_SOCKETS, Math.max(50, w.concurrency)) }), socketAcquisitionWarningTimeout: 10 * 60_000 },
  });
}

/** Waiters for executions to close, fed by the service's log of closes. */
function closeWaiters() {
  const waiters = new Map<string, () => void>();
  const closed = new Set<string>();
  return {
    closedNow(arn: string) {
      const resolve = waiters.get(arn);
      if (resolve) (waiters.delete(arn), resolve());
      else closed.add(arn);
    },
    waitFor: (arn: string) => (closed.delete(arn) ? Promise.resolve() : new Promise<void>((resolve) => waiters.set(arn, resolve))),
  };
}

/**
 * The local service (durable store, as users run it) behind its HTTP API, driven through
 * @aws-sdk/client-sfn: what a test suite pointed at `--endpoint-url` pays per execution.
 */
export async function openOverHttp(w: Workload): Promise<Session> {
  return httpServiceKind(w) === 'process' ? openServeProcess(w) : openInProcessServer(w);
}

/** `sagaflow serve` as its own process: the client's cost (signing, middleware) runs beside it, not inside it. */
async function openServeProcess(w: Workload): Promise<Session> {
  const dir = mkdtempSync(join(tmpdir(), 'sagaflow-bench-http-'));
  const functionsFile = join(dir, 'functions.json');
  // Inline, as in the other modes and as the peer runs its handlers: the same work everywhere.
  writeFileSync(functionsFile, JSON.stringify(Object.entries(functionModules(w.name)).map(([functionName, modulePath]) => ({ functionName, modulePath, timeoutSeconds: 30, isolation: 'inline' }))));
  // BENCH_SERVE_NODE_ARGS: node flags for the service alone, e.g. `--cpu-prof --cpu-prof-dir=.prof` to profile its side.
  const nodeArgs = (process.env.BENCH_SERVE_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, SAGAFLOW, 'serve', '--data', join(dir, 'data'), '--port', '0', '--log-format', 'json', '--functions', functionsFile], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  });
  const stderr: string[] = [];
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => stderr.push(chunk));
  const waits = closeWaiters();
  let url: string;
  try {
    url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`sagaflow serve did not listen within ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS);
      child.once('exit', (code) => reject(new Error(`sagaflow serve exited with ${code} before it listened: ${stderr.join('').trim()}`)));
      createInterface({ input: child.stdout! }).on('line', (line) => {
        const entry = JSON.parse(line) as { kind: string; url?: string; executionArn?: string };
        if (entry.kind === 'closed') waits.closedNow(entry.executionArn!);
        else if (entry.kind === 'listening') (clearTimeout(timer), resolve(entry.url!));
      });
    });
  } catch (err) {
    await stop(child);
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  const client = sdkClient(url, w);
  const { stateMachineArn } = await client.send(new CreateStateMachineCommand({ name: w.name, definition: JSON.stringify(w.definition), roleArn: ROLE }));
  return {
    async run(input) {
      const { executionArn } = await client.send(new StartExecutionCommand({ stateMachineArn, input: JSON.stringify(input) }));
      await waits.waitFor(executionArn!);
      return resultOf(await client.send(new DescribeExecutionCommand({ executionArn })));
    },
    async close() {
      client.destroy();
      await stop(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** SIGTERM (serve stops cleanly on it), and waits for the exit. */
function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

interface ApiServer {
  url: string;
  close(): Promise<void>;
}

/** The service and its HTTP server in the bench's own process (see httpServiceKind). */
async function openInProcessServer(w: Workload): Promise<Session> {
  const s = await openService(w, 'durable');
  const server: ApiServer = await s.modules.startApiServer({ service: s.service, host: '127.0.0.1', port: 0 });
  const client = sdkClient(server.url, w);
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
