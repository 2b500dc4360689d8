import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  DescribeMapRunCommand,
  ListExecutionsCommand,
  ListMapRunsCommand,
  StartExecutionCommand,
  UpdateMapRunCommand,
} from '@aws-sdk/client-sfn';
import { AWS_CLI as AWS, awsCliEnv, requireAwsCli } from '../api/aws-cli-env';
import { wireService } from '../api/wire-service';
import { pollUntil } from './until';

// Map Runs over the wire: the SDK and Debian's AWS CLI against the HTTP API in front of the real runtime.

jest.setTimeout(120_000);
const run = promisify(execFile);
const ROLE = 'arn:aws:iam::123456789012:role/sagaflow';
const home = mkdtempSync(join(tmpdir(), 'sagaflow-maprun-cli-'));

const until = <T>(what: string, check: () => Promise<T | undefined>) => pollUntil(what, check, { attempts: 500, intervalMs: 10 });

beforeAll(() => requireAwsCli());
const wire = wireService({ start: Date.UTC(2026, 0, 1) });

async function aws(...args: string[]): Promise<unknown> {
  const env = awsCliEnv(home);
  const { stdout } = await run(AWS, ['stepfunctions', ...args, '--endpoint-url', wire.url, '--output', 'json'], { env, timeout: 60_000 });
  return stdout.trim() === '' ? {} : (JSON.parse(stdout) as unknown);
}


test('a Distributed Map seen through the SDK and the AWS CLI: list-map-runs, describe-map-run, update-map-run, list-executions --map-run-arn', async () => {
  const definition = JSON.stringify({
    StartAt: 'D',
    States: { D: { Type: 'Map', Label: 'Items', MaxConcurrency: 1, ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 30, End: true } } }, End: true } },
  });
  const { stateMachineArn } = await wire.client.send(new CreateStateMachineCommand({ name: 'wire', definition, roleArn: ROLE }));
  const { executionArn } = await wire.client.send(new StartExecutionCommand({ stateMachineArn, input: '[1,2,3]' }));

  const mapRunArn = await until('the Map Run', async () => (await wire.client.send(new ListMapRunsCommand({ executionArn }))).mapRuns?.[0]?.mapRunArn);
  const cliRuns = (await aws('list-map-runs', '--execution-arn', executionArn!)) as { mapRuns: Array<{ mapRunArn: string; stateMachineArn: string }> };
  expect(cliRuns.mapRuns).toEqual([expect.objectContaining({ mapRunArn, stateMachineArn: `${stateMachineArn}/Items` })]);

  await until('a child running', async () => ((await wire.client.send(new DescribeMapRunCommand({ mapRunArn }))).itemCounts?.running === 1 ? true : undefined));
  const described = (await aws('describe-map-run', '--map-run-arn', mapRunArn)) as { status: string; maxConcurrency: number; itemCounts: Record<string, number>; executionCounts: Record<string, number> };
  expect(described).toMatchObject({ status: 'RUNNING', maxConcurrency: 1, itemCounts: { pending: 2, running: 1, total: 3 }, executionCounts: { pending: 2, running: 1, total: 3 } });

  await aws('update-map-run', '--map-run-arn', mapRunArn, '--max-concurrency', '3');
  await until('all running', async () => ((await wire.client.send(new DescribeMapRunCommand({ mapRunArn }))).itemCounts?.running === 3 ? true : undefined));
  expect((await wire.client.send(new DescribeMapRunCommand({ mapRunArn }))).maxConcurrency).toBe(3);

  const listed = (await aws('list-executions', '--map-run-arn', mapRunArn)) as { executions: Array<{ executionArn: string; status: string; mapRunArn: string; stateMachineArn: string }> };
  expect(listed.executions).toHaveLength(3);
  for (const e of listed.executions) expect(e).toMatchObject({ status: 'RUNNING', mapRunArn, stateMachineArn: `${stateMachineArn}/Items` });

  await fetch(`${wire.url}/_sagaflow/clock/advance`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"ms":30000}' });
  const done = await until('the parent', async () => {
    const d = await wire.client.send(new DescribeExecutionCommand({ executionArn }));
    return d.status === 'RUNNING' ? undefined : d;
  });
  expect(done).toMatchObject({ status: 'SUCCEEDED', output: '[1,2,3]' });
  const final = await wire.client.send(new DescribeMapRunCommand({ mapRunArn }));
  expect(final).toMatchObject({ status: 'SUCCEEDED', itemCounts: { succeeded: 3, pending: 0, running: 0, failuresNotRedrivable: 0, pendingRedrive: 0 } });
  expect(final.stopDate).toBeInstanceOf(Date);
  const children = await wire.client.send(new ListExecutionsCommand({ mapRunArn, statusFilter: 'SUCCEEDED' }));
  expect(children.executions).toHaveLength(3);
  const child = await wire.client.send(new DescribeExecutionCommand({ executionArn: children.executions![0]!.executionArn }));
  expect(child.mapRunArn).toBe(mapRunArn);
  await expect(wire.client.send(new UpdateMapRunCommand({ mapRunArn, toleratedFailurePercentage: 101 }))).rejects.toMatchObject({ name: 'ValidationException' });
});
