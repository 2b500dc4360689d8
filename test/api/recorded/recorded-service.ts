import { CreateStateMachineCommand, DescribeExecutionCommand, SFNClient, type CreateStateMachineCommandOutput, type DescribeExecutionCommandOutput } from '@aws-sdk/client-sfn';
import { wireService } from '../wire-service';

// The real runtime behind the API server, driven through the SDK, for the tests of answers
// recorded on AWS. Unless a test says otherwise, the source is localstack/localstack's recordings
// under tests/aws/services/stepfunctions/v2/ (*.snapshot.json, captured from AWS).

export const ROLE = 'arn:aws:iam::123456789012:role/sagaflow';
export const SM_PREFIX = 'arn:aws:states:us-east-1:123456789012:stateMachine:';
export const passWith = (arg: string) => JSON.stringify({ Comment: 'BASE_PASS_RESULT', StartAt: 'State_1', States: { State_1: { Type: 'Pass', Result: { Arg1: arg }, End: true } } });
/** localstack's BASE_PASS_RESULT template. */
export const PASS = passWith('argument1');

export interface RecordedService {
  send: SFNClient['send'];
  /** CreateStateMachine with the test role; PASS unless a definition is given. */
  create(name: string, definition?: string, extra?: Record<string, unknown>): Promise<CreateStateMachineCommandOutput>;
  /** The error a call fails with, as its name and message; fails the test when the call succeeds. */
  failure(p: Promise<unknown>): Promise<{ name: string; message: string }>;
  /** Polls DescribeExecution until the execution is no longer RUNNING. */
  finished(executionArn: string): Promise<DescribeExecutionCommandOutput>;
  /** Moves the virtual clock on, so executions started one after another have distinct start dates. */
  advance(ms: number): Promise<void>;
  /** The server's address, for calls made without the SDK. */
  url(): string;
}

/** Starts the service for the calling test file (beforeAll) and stops it afterwards (afterAll). */
export function recordedService(): RecordedService {
  const wire = wireService({ start: Date.UTC(2024, 5, 1), client: { disableHostPrefix: true } });
  const send = ((command: unknown) => (wire.client.send as (c: unknown) => Promise<unknown>)(command)) as SFNClient['send'];
  return {
    send,
    create: (name, definition = PASS, extra = {}) => wire.client.send(new CreateStateMachineCommand({ name, definition, roleArn: ROLE, ...extra })),
    async failure(p) {
      const err = (await p.then(
        () => undefined,
        (e: unknown) => e,
      )) as { name: string; message: string } | undefined;
      if (!err) throw new Error('expected the call to fail');
      return { name: err.name, message: err.message };
    },
    async finished(executionArn) {
      for (let i = 0; i < 100; i++) {
        const d = await wire.client.send(new DescribeExecutionCommand({ executionArn }));
        if (d.status !== 'RUNNING') return d;
        await new Promise((r) => setTimeout(r, 10));
      }
      throw new Error(`${executionArn} did not finish`);
    },
    async advance(ms) {
      const r = await fetch(`${wire.url}/_sagaflow/clock/advance`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ms }) });
      expect(r.status).toBe(200);
    },
    url: () => wire.url,
  };
}
