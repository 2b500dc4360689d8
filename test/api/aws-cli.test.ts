import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { AWS_CLI as AWS, awsCliEnv, requireAwsCli } from './aws-cli-env';
import { CALLBACK_DEFINITION, PASS_DEFINITION, ROLE, startHarness, type Harness } from './api-harness';

// Debian's AWS CLI v2 against the server, as users run it with --endpoint-url.

// Each CLI run costs a second or more of Python start-up on a busy machine.
jest.setTimeout(120_000);
const run = promisify(execFile);

let h: Harness;
const home = mkdtempSync(join(tmpdir(), 'sagaflow-aws-cli-'));

beforeAll(async () => {
  requireAwsCli();
  h = await startHarness();
});
afterAll(() => h?.close());

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

async function aws(...args: string[]): Promise<CliResult> {
  const env = awsCliEnv(home);
  try {
    const { stdout, stderr } = await run(AWS, ['stepfunctions', ...args, '--endpoint-url', h.server.url, '--output', 'json'], { env, timeout: 30_000 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    if (typeof e.code !== 'number') throw err;
    return { code: e.code, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

const json = (r: CliResult) => JSON.parse(r.stdout) as Record<string, unknown>;

test('create a state machine, start, describe, list and read the history', async () => {
  const created = await aws('create-state-machine', '--name', 'cli', '--definition', PASS_DEFINITION, '--role-arn', ROLE);
  expect(created.code).toBe(0);
  const { stateMachineArn, creationDate } = json(created);
  expect(stateMachineArn).toBe('arn:aws:states:us-east-1:123456789012:stateMachine:cli');
  // The CLI parsed the epoch-seconds timestamp, milliseconds and all.
  expect(creationDate).toBe('2024-01-02T03:04:05.678000+00:00');

  const started = json(await aws('start-execution', '--state-machine-arn', String(stateMachineArn), '--name', 'first', '--input', '{"order": 7}'));
  expect(started.executionArn).toBe('arn:aws:states:us-east-1:123456789012:execution:cli:first');

  const described = json(await aws('describe-execution', '--execution-arn', String(started.executionArn)));
  expect(described).toMatchObject({ status: 'SUCCEEDED', input: '{"order": 7}', output: '{"order": 7}', startDate: '2024-01-02T03:04:05.678000+00:00', stopDate: '2024-01-02T03:04:07.178000+00:00' });

  const listed = json(await aws('list-executions', '--state-machine-arn', String(stateMachineArn), '--status-filter', 'SUCCEEDED'));
  expect((listed.executions as Array<{ name: string }>).map((e) => e.name)).toEqual(['first']);

  const history = json(await aws('get-execution-history', '--execution-arn', String(started.executionArn), '--reverse-order'));
  expect((history.events as Array<{ type: string; id: number }>).map((e) => [e.id, e.type])).toEqual([
    [4, 'ExecutionSucceeded'],
    [3, 'PassStateExited'],
    [2, 'PassStateEntered'],
    [1, 'ExecutionStarted'],
  ]);
});

test('a callback completed with aws stepfunctions send-task-success', async () => {
  const { stateMachineArn } = json(await aws('create-state-machine', '--name', 'approval', '--definition', CALLBACK_DEFINITION, '--role-arn', ROLE));
  const { executionArn } = json(await aws('start-execution', '--state-machine-arn', String(stateMachineArn), '--input', '{}'));
  const token = h.fake.executions.get(String(executionArn))!.token!;
  const sent = await aws('send-task-success', '--task-token', token, '--task-output', '{"approved": true}');
  expect(sent.code).toBe(0);
  expect(json(await aws('describe-execution', '--execution-arn', String(executionArn)))).toMatchObject({ status: 'SUCCEEDED', output: '{"approved": true}' });
});

test('errors print the AWS error name and message and exit 254', async () => {
  const missing = await aws('describe-execution', '--execution-arn', 'arn:aws:states:us-east-1:123456789012:execution:cli:none');
  expect(missing.code).toBe(254);
  expect(missing.stderr.trim()).toBe("An error occurred (ExecutionDoesNotExist) when calling the DescribeExecution operation: Execution Does Not Exist: 'arn:aws:states:us-east-1:123456789012:execution:cli:none'");

  const invalid = await aws('list-executions', '--state-machine-arn', 'abc');
  expect(invalid.stderr.trim()).toBe("An error occurred (InvalidArn) when calling the ListExecutions operation: Invalid Arn: 'Invalid ARN prefix: abc'");

  const validation = await aws('list-executions', '--state-machine-arn', 'arn:aws:states:us-east-1:123456789012:stateMachine:cli', '--status-filter', 'DONE');
  expect(validation.code).toBe(254);
  expect(validation.stderr.trim()).toBe(
    "An error occurred (ValidationException) when calling the ListExecutions operation: 1 validation error detected: Value 'DONE' at 'statusFilter' failed to satisfy constraint: Member must satisfy enum value set: [SUCCEEDED, TIMED_OUT, PENDING_REDRIVE, ABORTED, FAILED, RUNNING]",
  );

  const badToken = await aws('send-task-success', '--task-token', 'nope', '--task-output', '{}');
  expect(badToken.stderr.trim()).toBe('An error occurred (TaskDoesNotExist) when calling the SendTaskSuccess operation: Task Does Not Exist');

  // ... and the server is still there.
  expect((await aws('list-state-machines')).code).toBe(0);
});

test('the CLI pages through list-executions with nextToken', async () => {
  const { stateMachineArn } = json(await aws('create-state-machine', '--name', 'paged', '--definition', PASS_DEFINITION, '--role-arn', ROLE));
  for (const name of ['a', 'b', 'c']) await h.call('StartExecution', { stateMachineArn, name, input: '{}' });
  // --page-size makes the CLI send maxResults 1 and follow nextToken until the end.
  const all = json(await aws('list-executions', '--state-machine-arn', String(stateMachineArn), '--page-size', '1'));
  expect((all.executions as unknown[]).length).toBe(3);
  const pages = h.fake.calls.filter((c) => c.operation === 'ListExecutions' && (c.input as { stateMachineArn?: string }).stateMachineArn === stateMachineArn);
  expect(pages.map((c) => (c.input as { nextToken?: string }).nextToken)).toEqual([undefined, '1', '2']);
});
