import {
  CreateStateMachineCommand,
  CreateStateMachineAliasCommand,
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  PublishStateMachineVersionCommand,
  RedriveExecutionCommand,
  StartExecutionCommand,
  StartSyncExecutionCommand,
  StopExecutionCommand,
  UpdateStateMachineCommand,
} from '@aws-sdk/client-sfn';
import { failure } from './call-failure';
import { wireService } from './wire-service';

/**
 * Express workflows audited against the AWS documentation (concepts-standard-vs-express.html,
 * API_StartSyncExecution, API_StartExecution, API_RedriveExecution) and AWS recordings
 * (localstack's test_sfn_api_express.snapshot.json), through the SDK against the real service.
 */

const w = wireService({ start: Date.UTC(2026, 0, 1), client: { disableHostPrefix: true } });
const ROLE = 'arn:aws:iam::123456789012:role/audit';
const PASS = JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } });
const INVALID_EXPRESS = { name: 'InvalidArn', message: "Invalid Arn: 'Resource type not valid in this context: express'" };
let n = 0;
const express = async (definition = PASS, extra: Record<string, unknown> = {}) =>
  (await w.client.send(new CreateStateMachineCommand({ name: `ax-${++n}`, definition, roleArn: ROLE, type: 'EXPRESS', ...extra }))).stateMachineArn!;


async function advance(ms: number) {
  const r = await fetch(`${w.url}/_sagaflow/clock/advance`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ms }) });
  expect(r.status).toBe(200);
}

describe('StartSyncExecution response (API_StartSyncExecution)', () => {
  test('traceHeader: "The AWS X-Ray trace header that was passed to the execution" is echoed', async () => {
    const sm = await express();
    const r = await w.client.send(new StartSyncExecutionCommand({ stateMachineArn: sm, traceHeader: 'Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1' }));
    expect(r.traceHeader).toBe('Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1');
  });

  test('a named sync execution: name is the given name, the ARN express:<machine>:<name>:<id>', async () => {
    const sm = await express();
    const r = await w.client.send(new StartSyncExecutionCommand({ stateMachineArn: sm, name: 'my-run' }));
    expect(r.name).toBe('my-run');
    expect(r.executionArn).toMatch(new RegExp(`^arn:aws:states:us-east-1:123456789012:express:ax-${n}:my-run:[0-9a-f-]+$`));
    expect(r.stateMachineArn).toBe(sm);
    // "StartSyncExecution will return a 200 OK response, even if your execution fails" — and the same name again is fine.
    expect((await w.client.send(new StartSyncExecutionCommand({ stateMachineArn: sm, name: 'my-run' }))).status).toBe('SUCCEEDED');
  });

  test('a runtime error (States.Runtime) is a FAILED answer with error and cause, not an API error', async () => {
    const sm = await express(JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', InputPath: '$.missing', End: true } } }));
    const r = await w.client.send(new StartSyncExecutionCommand({ stateMachineArn: sm, input: '{}' }));
    expect(r).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
    expect(r.cause).toEqual(expect.any(String));
    expect(r).not.toHaveProperty('output');
  });

  test('billingDetails: duration rounded up to the next 100 ms, 64 MB memory chunks (Step Functions pricing: Express)', async () => {
    const sm = await express(JSON.stringify({ StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 1, End: true } } }));
    const p = w.client.send(new StartSyncExecutionCommand({ stateMachineArn: sm }));
    await new Promise((r) => setTimeout(r, 50));
    await advance(1000);
    const r = await p;
    expect(r.status).toBe('SUCCEEDED');
    expect(r.billingDetails).toEqual({ billedDurationInMilliseconds: 1000, billedMemoryUsedInMB: 64 });
  });

  test('a sync execution ARN is no more one DescribeExecution, StopExecution, GetExecutionHistory take', async () => {
    const sm = await express();
    const { executionArn } = await w.client.send(new StartSyncExecutionCommand({ stateMachineArn: sm }));
    expect(await failure(w.client.send(new DescribeExecutionCommand({ executionArn })))).toEqual(INVALID_EXPRESS);
    expect(await failure(w.client.send(new StopExecutionCommand({ executionArn })))).toEqual(INVALID_EXPRESS);
    expect(await failure(w.client.send(new GetExecutionHistoryCommand({ executionArn })))).toEqual(INVALID_EXPRESS);
  });
});

describe('versions and aliases of an EXPRESS machine', () => {
  test('StartSyncExecution and StartExecution take a version ARN and an alias ARN; ListExecutions of either is StateMachineTypeNotSupported', async () => {
    const sm = await express();
    const { stateMachineVersionArn } = await w.client.send(new PublishStateMachineVersionCommand({ stateMachineArn: sm }));
    const { stateMachineAliasArn } = await w.client.send(new CreateStateMachineAliasCommand({ name: 'live', routingConfiguration: [{ stateMachineVersionArn, weight: 100 }] }));
    for (const arn of [stateMachineVersionArn!, stateMachineAliasArn!]) {
      expect((await w.client.send(new StartSyncExecutionCommand({ stateMachineArn: arn }))).status).toBe('SUCCEEDED');
      expect((await w.client.send(new StartExecutionCommand({ stateMachineArn: arn }))).executionArn).toContain(':express:');
      expect(await failure(w.client.send(new ListExecutionsCommand({ stateMachineArn: arn })))).toEqual({ name: 'StateMachineTypeNotSupported', message: 'This operation is not supported by this type of state machine' });
    }
  });

  test('ListExecutions with a statusFilter is still StateMachineTypeNotSupported', async () => {
    const sm = await express();
    expect((await failure(w.client.send(new ListExecutionsCommand({ stateMachineArn: sm, statusFilter: 'RUNNING' })))).name).toBe('StateMachineTypeNotSupported');
  });
});

describe('no redrive for Express ("You can redrive failed or timed out EXPRESS workflows only if they\'re a part of a Map Run")', () => {
  test('RedriveExecution of an express ARN is refused', async () => {
    const sm = await express(JSON.stringify({ StartAt: 'F', States: { F: { Type: 'Fail', Error: 'E' } } }));
    const { executionArn } = await w.client.send(new StartExecutionCommand({ stateMachineArn: sm }));
    await new Promise((r) => setTimeout(r, 50));
    const f = await failure(w.client.send(new RedriveExecutionCommand({ executionArn })));
    expect(['InvalidArn', 'ExecutionNotRedrivable']).toContain(f.name);
  });
});

describe('Express: no .sync, .waitForTaskToken or activities anywhere (concepts-standard-vs-express.html)', () => {
  const refused = async (definition: object, extra: Record<string, unknown> = {}) => failure(express(JSON.stringify(definition), extra));

  test('a .waitForTaskToken inside a Parallel branch, at its own location', async () => {
    const f = await refused({
      StartAt: 'Par',
      States: { Par: { Type: 'Parallel', End: true, Branches: [{ StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken', Parameters: { QueueUrl: 'q', MessageBody: { 'T.$': '$$.Task.Token' } }, End: true } } }] } },
    });
    expect(f).toEqual({ name: 'InvalidDefinition', message: "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: Express state machine does not support '.waitForTaskToken' service integration  at /States/Par/Branches[0]/States/T/Resource'" });
  });

  test('an activity inside an inline Map ItemProcessor', async () => {
    const f = await refused({
      StartAt: 'M',
      States: { M: { Type: 'Map', End: true, ItemProcessor: { StartAt: 'A', States: { A: { Type: 'Task', Resource: 'arn:aws:states:us-east-1:123456789012:activity:a', End: true } } } } },
    });
    expect(f).toEqual({ name: 'InvalidDefinition', message: "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: Express state machine does not support Activity ARN at /States/M/ItemProcessor/States/A/Resource'" });
  });

  test('UpdateStateMachine of an EXPRESS machine to a .sync definition is refused too', async () => {
    const sm = await express();
    const f = await failure(
      w.client.send(new UpdateStateMachineCommand({ stateMachineArn: sm, definition: JSON.stringify({ StartAt: 'S', States: { S: { Type: 'Task', Resource: 'arn:aws:states:::states:startExecution.sync', Parameters: { StateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:x' }, End: true } } }) })),
    );
    expect(f).toEqual({ name: 'InvalidDefinition', message: "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: Express state machine does not support '.sync' service integration at /States/S/Resource'" });
  });
});

describe('more Express semantics', () => {
  test('execution guarantees: same-named async Express executions run concurrently ("Starting multiple workflows with the same name results in concurrent executions")', async () => {
    const sm = await express(JSON.stringify({ StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 10, End: true } } }));
    const a = await w.client.send(new StartExecutionCommand({ stateMachineArn: sm, name: 'twin' }));
    const b = await w.client.send(new StartExecutionCommand({ stateMachineArn: sm, name: 'twin' }));
    expect(a.executionArn).toMatch(/:express:ax-\d+:twin:/);
    expect(b.executionArn).toMatch(/:express:ax-\d+:twin:/);
    expect(a.executionArn).not.toBe(b.executionArn);
    await advance(10_000);
  });

  test('StartSyncExecution of a version runs the version, not the machine as updated since', async () => {
    const sm = await express(JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', Result: 'v1', End: true } } }));
    const { stateMachineVersionArn } = await w.client.send(new PublishStateMachineVersionCommand({ stateMachineArn: sm }));
    await w.client.send(new UpdateStateMachineCommand({ stateMachineArn: sm, definition: JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', Result: 'v2', End: true } } }) }));
    expect((await w.client.send(new StartSyncExecutionCommand({ stateMachineArn: stateMachineVersionArn }))).output).toBe('"v1"');
    expect((await w.client.send(new StartSyncExecutionCommand({ stateMachineArn: sm }))).output).toBe('"v2"');
  });

  test('StartSyncExecution of a STANDARD machine: StateMachineTypeNotSupported, even with its version ARN', async () => {
    const std = (await w.client.send(new CreateStateMachineCommand({ name: `ax-std-${++n}`, definition: PASS, roleArn: ROLE, publish: true }))).stateMachineVersionArn!;
    expect((await failure(w.client.send(new StartSyncExecutionCommand({ stateMachineArn: std })))).name).toBe('StateMachineTypeNotSupported');
  });

  test('an express ARN is InvalidArn for DescribeExecution whether or not the execution exists', async () => {
    const executionArn = 'arn:aws:states:us-east-1:123456789012:express:nobody:run:6b2f0d8e-0000-4000-8000-000000000001';
    expect(await failure(w.client.send(new DescribeExecutionCommand({ executionArn })))).toEqual(INVALID_EXPRESS);
  });

  test('StartExecution of an EXPRESS machine answers executionArn and startDate only', async () => {
    const sm = await express();
    const r = await w.client.send(new StartExecutionCommand({ stateMachineArn: sm }));
    const { $metadata, ...body } = r;
    expect(Object.keys(body).sort()).toEqual(['executionArn', 'startDate']);
    expect($metadata.httpStatusCode).toBe(200);
  });
});
