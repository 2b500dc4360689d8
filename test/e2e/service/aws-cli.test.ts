import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DescribeExecutionCommand, GetExecutionHistoryCommand, SFNClient } from '@aws-sdk/client-sfn';

/**
 * The real `sagaflow serve` process on a data folder, driven by Debian's AWS CLI v2 and the SDK
 * the way users drive AWS: a state machine with an activity, a worker's callback through
 * `aws stepfunctions send-task-success`, describe, history, list, stop; then a volley of bad
 * requests that the service answers without going down.
 */

const AWS = '/usr/bin/aws';
const BIN = join(__dirname, '../../../bin/sagaflow.js');
const run = promisify(execFile);
const env = { ...process.env, AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local', AWS_DEFAULT_REGION: 'us-east-1', AWS_PAGER: '' };

let dir: string;
let child: ChildProcess;
let url: string;

async function aws(...args: string[]): Promise<Record<string, unknown>> {
  const { stdout } = await run(AWS, ['stepfunctions', ...args, '--endpoint-url', url, '--output', 'json'], { env });
  return stdout.trim() ? (JSON.parse(stdout) as Record<string, unknown>) : {};
}

/** The CLI's failure: exit code and the error it printed. */
async function awsFails(...args: string[]): Promise<{ code: number; stderr: string }> {
  try {
    await run(AWS, ['stepfunctions', ...args, '--endpoint-url', url], { env });
  } catch (err) {
    const e = err as { code: number; stderr: string };
    return { code: e.code, stderr: e.stderr };
  }
  throw new Error(`aws stepfunctions ${args[0]} succeeded where it should fail`);
}

/** describe-execution, again until the execution is no longer RUNNING. */
async function closed(executionArn: string): Promise<Record<string, unknown>> {
  let described = await aws('describe-execution', '--execution-arn', executionArn);
  for (let i = 0; i < 100 && described.status === 'RUNNING'; i++) {
    await new Promise((r) => setTimeout(r, 50));
    described = await aws('describe-execution', '--execution-arn', executionArn);
  }
  return described;
}

function raw(body: string | Buffer, target: string | undefined): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'Content-Type': 'application/x-amz-json-1.0', ...(target ? { 'X-Amz-Target': target } : {}) } }, (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode!, body: text }));
    });
    req.on('error', (e) => (e.message.includes('EPIPE') || e.message.includes('ECONNRESET') ? resolve({ status: 413, body: '' }) : reject(e)));
    req.end(body);
  });
}

beforeAll(async () => {
  if (!existsSync(AWS)) throw new Error(`${AWS} is missing: install Debian's awscli (.ci/run does)`);
  dir = mkdtempSync(join(tmpdir(), 'sagaflow-cli-e2e-'));
  child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--data', join(dir, 'data'), '--functions', join(__dirname, 'functions', 'functions.json')], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, TOKENS_FILE: join(dir, 'tokens.jsonl') },
  });
  url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
      if (m) resolve(m[0]);
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
}, 60_000);

afterAll(async () => {
  child?.kill('SIGTERM');
  await new Promise((r) => child?.once('exit', r));
  rmSync(dir, { recursive: true, force: true });
});

test('the AWS CLI creates, starts, completes a callback, describes and reads the history', async () => {
  const activity = await aws('create-activity', '--name', 'review');
  const definition = JSON.stringify({
    StartAt: 'Prepare',
    States: {
      Prepare: { Type: 'Pass', Parameters: { 'doc.$': '$.doc', 'at.$': '$$.Execution.StartTime' }, Next: 'Review' },
      Review: { Type: 'Task', Resource: activity.activityArn, TimeoutSeconds: 600, HeartbeatSeconds: 300, ResultPath: '$.review', Next: 'Done' },
      Done: { Type: 'Succeed' },
    },
  });
  const created = await aws('create-state-machine', '--name', 'Review', '--definition', definition, '--role-arn', 'arn:aws:iam::123456789012:role/review');
  expect(created.stateMachineArn).toBe('arn:aws:states:us-east-1:123456789012:stateMachine:Review');
  expect(typeof created.creationDate).toBe('string');
  const started = await aws('start-execution', '--state-machine-arn', String(created.stateMachineArn), '--name', 'doc-1', '--input', '{"doc":"d-1"}');
  expect(started.executionArn).toBe('arn:aws:states:us-east-1:123456789012:execution:Review:doc-1');

  const task = await aws('get-activity-task', '--activity-arn', String(activity.activityArn), '--worker-name', 'cli-worker');
  expect(JSON.parse(String(task.input))).toMatchObject({ doc: 'd-1' });
  await aws('send-task-heartbeat', '--task-token', String(task.taskToken));
  await aws('send-task-success', '--task-token', String(task.taskToken), '--task-output', '{"approved":true}');

  const described = await closed(String(started.executionArn));
  expect(described.status).toBe('SUCCEEDED');
  expect(JSON.parse(String(described.output))).toMatchObject({ doc: 'd-1', review: { approved: true } });

  const history = await aws('get-execution-history', '--execution-arn', String(started.executionArn));
  const events = history.events as Array<{ type: string; id: number; previousEventId: number; activityStartedEventDetails?: { workerName: string } }>;
  expect(events.map((e) => e.type)).toEqual([
    'ExecutionStarted', 'PassStateEntered', 'PassStateExited', 'TaskStateEntered', 'ActivityScheduled', 'ActivityStarted', 'ActivitySucceeded', 'TaskStateExited', 'SucceedStateEntered', 'SucceedStateExited', 'ExecutionSucceeded',
  ]);
  expect(events.find((e) => e.type === 'ActivityStarted')!.activityStartedEventDetails).toEqual({ workerName: 'cli-worker' });
  expect(events.map((e) => e.id)).toEqual(events.map((_e, i) => i + 1));

  const reversed = await aws('get-execution-history', '--execution-arn', String(started.executionArn), '--reverse-order', '--max-items', '2');
  expect((reversed.events as Array<{ id: number }>).map((e) => e.id)).toEqual([11, 10]);

  const listed = await aws('list-executions', '--state-machine-arn', String(created.stateMachineArn), '--status-filter', 'SUCCEEDED');
  expect((listed.executions as Array<{ name: string }>).map((e) => e.name)).toEqual(['doc-1']);

  // The SDK reads the same execution.
  const sfn = new SFNClient({ endpoint: url, region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
  const viaSdk = await sfn.send(new DescribeExecutionCommand({ executionArn: String(started.executionArn) }));
  expect(viaSdk.status).toBe('SUCCEEDED');
  expect(viaSdk.startDate).toBeInstanceOf(Date);
  const page = await sfn.send(new GetExecutionHistoryCommand({ executionArn: String(started.executionArn), maxResults: 5 }));
  expect(page.events).toHaveLength(5);
  expect(page.nextToken).toBeDefined();
  sfn.destroy();

  // The used token is refused, as AWS refuses it.
  const again = await awsFails('send-task-success', '--task-token', String(task.taskToken), '--task-output', '{}');
  expect(again.code).toBe(254);
  expect(again.stderr).toContain('(TaskTimedOut)');
}, 60_000);

test('a Lambda .waitForTaskToken task completed with `aws stepfunctions send-task-success`', async () => {
  const definition = JSON.stringify({
    StartAt: 'Ask',
    States: {
      Ask: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
        Parameters: { FunctionName: 'ask', Payload: { 'token.$': '$$.Task.Token', 'name.$': '$$.Execution.Name' } },
        TimeoutSeconds: 3600,
        ResultPath: '$.decision',
        End: true,
      },
    },
  });
  const created = await aws('create-state-machine', '--name', 'Ask', '--definition', definition, '--role-arn', 'arn:aws:iam::123456789012:role/ask');
  const started = await aws('start-execution', '--state-machine-arn', String(created.stateMachineArn), '--name', 'ask-1', '--input', '{"request":"more coffee"}');
  const tokens = join(dir, 'tokens.jsonl');
  let token: string | undefined;
  for (let i = 0; i < 200 && !token; i++) {
    if (existsSync(tokens)) token = readFileSync(tokens, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { name: string; token: string }).find((t) => t.name === 'ask-1')?.token;
    if (!token) await new Promise((r) => setTimeout(r, 50));
  }
  expect(token).toBeDefined();
  await aws('send-task-success', '--task-token', token!, '--task-output', '{"approved":true}');
  const described = await closed(String(started.executionArn));
  expect(described.status).toBe('SUCCEEDED');
  expect(JSON.parse(String(described.output))).toEqual({ request: 'more coffee', decision: { approved: true } });
  const history = await aws('get-execution-history', '--execution-arn', String(started.executionArn));
  expect((history.events as Array<{ type: string }>).map((e) => e.type)).toEqual(['ExecutionStarted', 'TaskStateEntered', 'TaskScheduled', 'TaskStarted', 'TaskSubmitted', 'TaskSucceeded', 'TaskStateExited', 'ExecutionSucceeded']);
}, 60_000);

test('stop-execution aborts a running execution', async () => {
  const definition = JSON.stringify({ StartAt: 'Nap', States: { Nap: { Type: 'Wait', Seconds: 3600, End: true } } });
  const created = await aws('create-state-machine', '--name', 'Nap', '--definition', definition, '--role-arn', 'arn:aws:iam::123456789012:role/nap');
  const started = await aws('start-execution', '--state-machine-arn', String(created.stateMachineArn));
  expect((await aws('list-executions', '--state-machine-arn', String(created.stateMachineArn), '--status-filter', 'RUNNING')).executions).toHaveLength(1);
  const stopped = await aws('stop-execution', '--execution-arn', String(started.executionArn), '--error', 'Operator', '--cause', 'done for today');
  expect(typeof stopped.stopDate).toBe('string');
  const described = await aws('describe-execution', '--execution-arn', String(started.executionArn));
  expect(described).toMatchObject({ status: 'ABORTED', error: 'Operator', cause: 'done for today' });
});

test('bad input never takes the service down', async () => {
  const answers = await Promise.all([
    raw('{not json', 'AWSStepFunctions.ListStateMachines'),
    raw('{}', 'AWSStepFunctions.NoSuchOperation'),
    raw('{}', undefined),
    raw(JSON.stringify({ stateMachineArn: 42 }), 'AWSStepFunctions.DescribeStateMachine'),
    raw(JSON.stringify({ executionArn: 'arn:aws:states:us-east-1:123456789012:execution:Nope:x' }), 'AWSStepFunctions.DescribeExecution'),
    raw(JSON.stringify({ taskToken: 'forged', output: '{}' }), 'AWSStepFunctions.SendTaskSuccess'),
    raw(Buffer.alloc(2 * 1024 * 1024, 'a'), 'AWSStepFunctions.StartExecution'),
  ]);
  expect(answers.map((a) => a.status)).toEqual([400, 400, 400, 400, 400, 400, 413]);
  expect(answers[0]!.body).toContain('SerializationException');
  expect(answers[1]!.body).toContain('UnknownOperationException');
  expect(answers[4]!.body).toContain('ExecutionDoesNotExist');
  expect(answers[5]!.body).toContain('InvalidToken');
  const invalidArn = await awsFails('describe-execution', '--execution-arn', 'not-an-arn');
  expect(invalidArn.stderr).toContain('(InvalidArn)');
  // Over the 256 KiB input quota (through a file: one argument may hold only 128 KiB).
  const big = join(dir, 'big.json');
  writeFileSync(big, JSON.stringify({ pad: 'x'.repeat(300_000) }));
  const bigInput = await awsFails('start-execution', '--state-machine-arn', 'arn:aws:states:us-east-1:123456789012:stateMachine:Nap', '--input', `file://${big}`);
  expect(bigInput.stderr).toContain('ValidationException');
  // Still serving, with nothing lost.
  expect(((await aws('list-state-machines')).stateMachines as unknown[]).length).toBe(3);
  expect(child.exitCode).toBeNull();
});
