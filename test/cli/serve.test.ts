import { CreateStateMachineCommand, DescribeExecutionCommand, ListStateMachinesCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, sagaflow } from './run-cli';

// `sagaflow serve` as a process: the real runtime (lib/runtime) behind the API, driven with the SDK.

jest.setTimeout(120_000);

const ROLE = 'arn:aws:iam::123456789012:role/sagaflow';

interface Served {
  child: ChildProcess;
  url: string;
  lines: string[];
  client: SFNClient;
  exit: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

const running = new Set<ChildProcess>();
// Whatever a failed test left running is stopped, so that jest can end.
afterEach(() => {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
});

async function serve(args: string[], env: Record<string, string> = {}): Promise<Served> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  running.add(child);
  child.on('exit', () => running.delete(child));
  const lines: string[] = [];
  let buffer = '';
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      buffer += d;
      const parts = buffer.split('\n');
      buffer = parts.pop()!;
      lines.push(...parts);
      // The third line (the clock) ends the start-up report.
      const found = /http:\/\/127\.0\.0\.1:\d+/.exec(lines.join('\n'));
      if (found && lines.length >= 3) resolve(found[0]);
    });
    void exit.then((code) => reject(new Error(`serve exited with ${code} before listening: ${stderr}`)));
  });
  const client = new SFNClient({ endpoint: url, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' }, maxAttempts: 1 });
  return {
    child,
    url,
    lines,
    client,
    exit,
    async stop(signal = 'SIGTERM') {
      client.destroy();
      child.kill(signal);
      return exit;
    },
  };
}

async function until<T>(what: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const value = await what();
    if (done(value)) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('gave up waiting');
}

const PASS = JSON.stringify({ StartAt: 'Hello', States: { Hello: { Type: 'Pass', Result: { greeting: 'hi' }, End: true } } });
const WAIT_AN_HOUR = JSON.stringify({ StartAt: 'Nap', States: { Nap: { Type: 'Wait', Seconds: 3600, End: true } } });

test('serve --memory: prints where it listens, runs executions, logs them, and stops cleanly on SIGTERM', async () => {
  const s = await serve(['--memory']);
  try {
    expect(s.lines[0]).toBe(`sagaflow: Step Functions API on ${s.url} (region us-east-1, account 123456789012)`);
    expect(s.lines[1]).toBe('data: in memory (nothing is kept)');
    const { stateMachineArn } = await s.client.send(new CreateStateMachineCommand({ name: 'greeter', definition: PASS, roleArn: ROLE }));
    const { executionArn } = await s.client.send(new StartExecutionCommand({ stateMachineArn, name: 'first', input: '{}' }));
    const done = await until(() => s.client.send(new DescribeExecutionCommand({ executionArn })), (d) => d.status !== 'RUNNING');
    expect(done).toMatchObject({ status: 'SUCCEEDED', output: '{"greeting":"hi"}' });
    await until(async () => s.lines.join('\n'), (text) => /SUCCEEDED +first/.test(text));
    expect(s.lines.some((l) => /^\d\d:\d\d:\d\d\.\d{3} {2}started {4}first {2}\(greeter\)$/.test(l))).toBe(true);
  } finally {
    expect(await s.stop('SIGTERM')).toBe(0);
  }
  expect(s.lines.slice(-2)).toEqual(['SIGTERM: stopping; running executions resume on the next start …', 'stopped.']);
});

test('serve --clock virtual --log-format json: one JSON object per line, and advance-time moves the clock', async () => {
  const s = await serve(['--memory', '--clock', 'virtual', '--log-format', 'json']);
  try {
    const { stateMachineArn } = await s.client.send(new CreateStateMachineCommand({ name: 'napper', definition: WAIT_AN_HOUR, roleArn: ROLE }));
    const { executionArn } = await s.client.send(new StartExecutionCommand({ stateMachineArn, name: 'nap', input: '{}' }));
    await new Promise((r) => setTimeout(r, 300));
    expect((await s.client.send(new DescribeExecutionCommand({ executionArn }))).status).toBe('RUNNING');
    const advanced = await sagaflow(['advance-time', '1h', '--endpoint-url', s.url]);
    expect(advanced.code).toBe(0);
    expect(advanced.stdout).toMatch(/^Advanced 1h 00m: the service clock is now .+; [1-9]\d* timers? fired\.\n$/);
    const done = await until(() => s.client.send(new DescribeExecutionCommand({ executionArn })), (d) => d.status !== 'RUNNING');
    expect(done.status).toBe('SUCCEEDED');
    expect(done.stopDate!.getTime() - done.startDate!.getTime()).toBeGreaterThanOrEqual(3_600_000);
    await until(async () => s.lines.join('\n'), (text) => text.includes('"closed"'));
  } finally {
    expect(await s.stop('SIGINT')).toBe(0);
  }
  const records = s.lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  expect(records[0]).toMatchObject({ kind: 'listening', url: s.url, region: 'us-east-1', accountId: '123456789012' });
  expect(records[1]).toMatchObject({ kind: 'data', dataDir: null });
  expect(records[2]).toMatchObject({ kind: 'clock', clock: 'virtual' });
  expect(records).toContainEqual(expect.objectContaining({ kind: 'started', name: 'nap', stateMachineArn: expect.stringContaining(':stateMachine:napper') }));
  expect(records).toContainEqual(expect.objectContaining({ kind: 'closed', status: 'SUCCEEDED', executionArn: expect.stringContaining(':execution:napper:nap') }));
  expect(records.at(-1)).toMatchObject({ kind: 'stopped' });
});

test('serve, then tasks and send-task-success --execution by name: a callback completed without copying its token', async () => {
  const s = await serve(['--memory', '--clock', 'virtual']);
  try {
    const child = await s.client.send(new CreateStateMachineCommand({ name: 'reviewer', definition: WAIT_AN_HOUR, roleArn: ROLE }));
    const approval = JSON.stringify({
      StartAt: 'Approve',
      States: { Approve: { Type: 'Task', Resource: 'arn:aws:states:::states:startExecution.waitForTaskToken', Parameters: { StateMachineArn: child.stateMachineArn, Input: { 'token.$': '$$.Task.Token' } }, End: true } },
    });
    const { stateMachineArn } = await s.client.send(new CreateStateMachineCommand({ name: 'approvals', definition: approval, roleArn: ROLE }));
    const { executionArn } = await s.client.send(new StartExecutionCommand({ stateMachineArn, name: 'request-1', input: '{}' }));
    const listed = await until(() => sagaflow(['tasks', 'request-1', '--port', new URL(s.url).port, '--json']), (r) => r.code === 0 && JSON.parse(r.stdout).tasks.length === 1);
    expect(JSON.parse(listed.stdout)).toEqual({ executionArn, tasks: [{ taskToken: expect.any(String), stateName: 'Approve', resource: 'arn:aws:states:::states:startExecution.waitForTaskToken', waitsFor: 'callback' }] });
    const sent = await sagaflow(['send-task-success', '--execution', 'approvals:request-1', '--output', '{"approved":true}', '--endpoint-url', s.url]);
    expect(sent).toMatchObject({ code: 0, stdout: 'Task completed (success).\n' });
    const done = await until(() => s.client.send(new DescribeExecutionCommand({ executionArn })), (d) => d.status !== 'RUNNING');
    expect(done).toMatchObject({ status: 'SUCCEEDED', output: '{"approved":true}' });
  } finally {
    expect(await s.stop('SIGTERM')).toBe(0);
  }
});

test('serve --data DIR keeps what it was given across a restart', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sagaflow-serve-'));
  try {
    const first = await serve(['--data', dir]);
    expect(first.lines[1]).toBe(`data: ${dir}`);
    await first.client.send(new CreateStateMachineCommand({ name: 'kept', definition: PASS, roleArn: ROLE }));
    const napping = await first.client.send(new CreateStateMachineCommand({ name: 'napping', definition: WAIT_AN_HOUR, roleArn: ROLE }));
    await first.client.send(new StartExecutionCommand({ stateMachineArn: napping.stateMachineArn, name: 'nap-1' }));
    expect(await first.stop()).toBe(0);
    expect(existsSync(dir)).toBe(true);
    const second = await serve(['--data', dir]);
    try {
      const { stateMachines } = await second.client.send(new ListStateMachinesCommand({}));
      expect(stateMachines!.map((m) => m.name)).toEqual(['kept', 'napping']);
      // The execution left RUNNING is loaded again, and the log says so.
      await until(async () => second.lines, (lines) => lines.includes(`resumed 1 running execution from ${dir}`));
    } finally {
      expect(await second.stop()).toBe(0);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('without the prebuilt bundle (SAGAFLOW_BUNDLE=0) the sources load through tsx and serve the same', async () => {
  const s = await serve(['--memory'], { SAGAFLOW_BUNDLE: '0' });
  try {
    const { stateMachineArn } = await s.client.send(new CreateStateMachineCommand({ name: 'plain', definition: PASS, roleArn: ROLE }));
    const { executionArn } = await s.client.send(new StartExecutionCommand({ stateMachineArn, input: '{}' }));
    expect((await until(() => s.client.send(new DescribeExecutionCommand({ executionArn })), (d) => d.status !== 'RUNNING')).status).toBe('SUCCEEDED');
  } finally {
    expect(await s.stop()).toBe(0);
  }
});

describe('mistakes', () => {
  test.each([
    [['--port', 'abc'], "--port needs a port number 0-65535 (got 'abc')"],
    [['--memory', '--data', 'x'], '--data and --memory exclude each other'],
    [['--clock', 'fast'], "--clock must be real, virtual or scale=N (got 'fast')"],
    [['--log-format', 'xml'], "--log-format must be text or json (got 'xml')"],
    [['--account', '42'], "--account must be 12 digits (got '42')"],
    [['--retention-days', '0'], "--retention-days must be a positive number (got '0')"],
  ])('%j: exit 2', async (args, message) => {
    const run = await sagaflow(['serve', ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`sagaflow serve: ${message}`);
  });

  test('a port in use: exit 1 and what to do', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as AddressInfo).port;
    try {
      const run = await sagaflow(['serve', '--memory', '--port', String(port)]);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(`sagaflow serve: port ${port} on 127.0.0.1 is in use (another \`sagaflow serve\`?). Stop it, or pick another with --port.\n`);
    } finally {
      blocker.close();
    }
  });
});
