import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  DescribeStateMachineCommand,
  ExecutionDoesNotExist,
  GetExecutionHistoryCommand,
  InvalidArn,
  InvalidExecutionInput,
  InvalidName,
  InvalidOutput,
  ListExecutionsCommand,
  ListStateMachinesCommand,
  SFNServiceException,
  SendTaskFailureCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
  StateMachineAlreadyExists,
  StateMachineDoesNotExist,
  StopExecutionCommand,
  TaskDoesNotExist,
  ValidationException,
} from '@aws-sdk/client-sfn';
import { CALLBACK_DEFINITION, PASS_DEFINITION, ROLE, startHarness, type Harness } from './api-harness';

// The real @aws-sdk/client-sfn against the server: shapes, Dates and every error class.

let h: Harness;
let machineArn: string;
let callbackArn: string;
beforeAll(async () => {
  h = await startHarness();
  machineArn = (await h.client.send(new CreateStateMachineCommand({ name: 'orders', definition: PASS_DEFINITION, roleArn: ROLE }))).stateMachineArn!;
  callbackArn = (await h.client.send(new CreateStateMachineCommand({ name: 'approval', definition: CALLBACK_DEFINITION, roleArn: ROLE }))).stateMachineArn!;
});
afterAll(() => h.close());

async function rejection(promise: Promise<unknown>): Promise<SFNServiceException> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof SFNServiceException)) throw new Error(`expected an SFN error, got ${String(err)}`);
  return err;
}

describe('round trips', () => {
  test('Dates arrive as JS Dates with their milliseconds', async () => {
    const started = await h.client.send(new StartExecutionCommand({ stateMachineArn: machineArn, name: 'dated', input: '{"n":1}' }));
    expect(started.startDate).toEqual(new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 678)));
    const described = await h.client.send(new DescribeExecutionCommand({ executionArn: started.executionArn }));
    expect(described.startDate).toBeInstanceOf(Date);
    expect(described.startDate!.getTime()).toBe(Date.UTC(2024, 0, 2, 3, 4, 5, 678));
    expect(described.stopDate!.getTime()).toBe(Date.UTC(2024, 0, 2, 3, 4, 7, 178));
    expect(described).toMatchObject({ status: 'SUCCEEDED', name: 'dated', input: '{"n":1}', output: '{"n":1}', stateMachineArn: machineArn, inputDetails: { included: true } });
  });

  test('nested Dates too: list items and history events', async () => {
    const list = await h.client.send(new ListExecutionsCommand({ stateMachineArn: machineArn }));
    expect(list.executions!.length).toBeGreaterThan(0);
    for (const e of list.executions!) expect(e.startDate).toBeInstanceOf(Date);
    const history = await h.client.send(new GetExecutionHistoryCommand({ executionArn: list.executions![0].executionArn }));
    expect(history.events!.map((e) => e.type)).toEqual(['ExecutionStarted', 'PassStateEntered', 'PassStateExited', 'ExecutionSucceeded']);
    expect(history.events![2].timestamp!.getTime() - history.events![0].timestamp!.getTime()).toBe(5);
    expect(history.events![0].executionStartedEventDetails).toEqual({ input: '{"n":1}', inputDetails: { truncated: false }, roleArn: ROLE });
  });

  test('the request reaches the service as the SDK sent it', async () => {
    await h.client.send(new ListExecutionsCommand({ stateMachineArn: machineArn, statusFilter: 'SUCCEEDED', maxResults: 7 }));
    expect(h.fake.calls.at(-1)).toEqual({ operation: 'ListExecutions', input: { stateMachineArn: machineArn, statusFilter: 'SUCCEEDED', maxResults: 7 } });
  });

  test('a callback completed with SendTaskSuccess', async () => {
    const { executionArn } = await h.client.send(new StartExecutionCommand({ stateMachineArn: callbackArn, input: '{}' }));
    const token = h.fake.executions.get(executionArn!)!.token!;
    await h.client.send(new SendTaskSuccessCommand({ taskToken: token, output: '{"approved":true}' }));
    const described = await h.client.send(new DescribeExecutionCommand({ executionArn }));
    expect(described).toMatchObject({ status: 'SUCCEEDED', output: '{"approved":true}' });
  });

  test('SendTaskFailure and StopExecution', async () => {
    const first = await h.client.send(new StartExecutionCommand({ stateMachineArn: callbackArn, input: '{}' }));
    await h.client.send(new SendTaskFailureCommand({ taskToken: h.fake.executions.get(first.executionArn!)!.token!, error: 'Rejected', cause: 'no budget' }));
    expect(await h.client.send(new DescribeExecutionCommand({ executionArn: first.executionArn }))).toMatchObject({ status: 'FAILED', error: 'Rejected', cause: 'no budget' });
    const second = await h.client.send(new StartExecutionCommand({ stateMachineArn: callbackArn, input: '{}' }));
    const stopped = await h.client.send(new StopExecutionCommand({ executionArn: second.executionArn, error: 'Ops', cause: 'manual' }));
    expect(stopped.stopDate).toBeInstanceOf(Date);
  });

  test('a large payload within the limits goes through', async () => {
    const input = JSON.stringify({ blob: 'é'.repeat(100_000) }); // 200 KB of UTF-8
    const { executionArn } = await h.client.send(new StartExecutionCommand({ stateMachineArn: machineArn, input }));
    expect((await h.client.send(new DescribeExecutionCommand({ executionArn }))).input).toBe(input);
  });
});

describe('errors arrive as the SDK\'s own exception classes, message intact', () => {
  test.each([
    ['ExecutionDoesNotExist', () => new DescribeExecutionCommand({ executionArn: 'arn:aws:states:us-east-1:123456789012:execution:orders:nope' }), ExecutionDoesNotExist, "Execution Does Not Exist: 'arn:aws:states:us-east-1:123456789012:execution:orders:nope'"],
    ['InvalidArn (prefix)', () => new DescribeExecutionCommand({ executionArn: 'not-an-arn' }), InvalidArn, "Invalid Arn: 'Invalid ARN prefix: not-an-arn'"],
    ['InvalidArn (resource type)', () => new StartExecutionCommand({ stateMachineArn: 'arn:aws:states:us-east-1:123456789012:execution:orders:x' }), InvalidArn, "Invalid Arn: 'Resource type not valid in this context: execution'"],
    ['ValidationException', () => new ListExecutionsCommand({ stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:orders', maxResults: 1001 }), ValidationException, "1 validation error detected: Value '1001' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000"],
    ['InvalidName', () => new StartExecutionCommand({ stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:orders', name: 'a b' }), InvalidName, "Invalid Name: 'a b'"],
    ['InvalidExecutionInput', () => new StartExecutionCommand({ stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:orders', input: 'not json' }), InvalidExecutionInput, "Invalid State Machine Execution Input: 'Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')'"],
    ['StateMachineDoesNotExist', () => new DescribeStateMachineCommand({ stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:ghost' }), StateMachineDoesNotExist, "State Machine Does Not Exist: 'arn:aws:states:us-east-1:123456789012:stateMachine:ghost'"],
    ['StateMachineAlreadyExists', () => new CreateStateMachineCommand({ name: 'orders', definition: PASS_DEFINITION, roleArn: ROLE }), StateMachineAlreadyExists, "State Machine Already Exists: 'arn:aws:states:us-east-1:123456789012:stateMachine:orders'"],
    ['InvalidOutput', () => new SendTaskSuccessCommand({ taskToken: 't', output: '{' }), InvalidOutput, "Invalid Output: 'Unexpected end-of-input: expected close marker for Object'"],
    ['TaskDoesNotExist', () => new SendTaskSuccessCommand({ taskToken: 'unknown', output: '{}' }), TaskDoesNotExist, 'Task Does Not Exist'],
  ] as const)('%s', async (_name, command, errorClass, message) => {
    const err = await rejection(h.client.send(command() as never));
    expect(err).toBeInstanceOf(errorClass);
    expect(err.message).toBe(message);
    expect(err.$fault).toBe('client');
    expect(err.$metadata.httpStatusCode).toBe(400);
    expect(err.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
    // ... and the server keeps serving.
    expect((await h.client.send(new ListStateMachinesCommand({}))).stateMachines!.length).toBe(2);
  });

  test('several constraint violations are reported together', async () => {
    const err = await rejection(h.client.send(new StartExecutionCommand({ stateMachineArn: '', name: 'n'.repeat(81), traceHeader: 'é' })));
    expect(err).toBeInstanceOf(ValidationException);
    expect(err.message).toBe(
      '3 validation errors detected: ' +
        "Value '' at 'stateMachineArn' failed to satisfy constraint: Member must have length greater than or equal to 1; " +
        `Value '${'n'.repeat(81)}' at 'name' failed to satisfy constraint: Member must have length less than or equal to 80; ` +
        "Value 'é' at 'traceHeader' failed to satisfy constraint: Member must satisfy regular expression pattern: \\p{ASCII}*",
    );
  });

  test('an internal failure is a server fault the SDK reports as InternalFailure', async () => {
    h.fake.failWith('ListStateMachines', new Error('kaput'));
    const err = await rejection(h.client.send(new ListStateMachinesCommand({})));
    expect(err.name).toBe('InternalFailure');
    expect(err.$fault).toBe('server');
    expect(err.$metadata.httpStatusCode).toBe(500);
    expect((await h.client.send(new ListStateMachinesCommand({}))).stateMachines).toHaveLength(2);
  });

  test('an oversized request is a 413 the SDK surfaces as an error', async () => {
    const err = await h.client.send(new StartExecutionCommand({ stateMachineArn: machineArn, input: JSON.stringify('x'.repeat(1_100_000)) })).then(
      () => undefined,
      (e: unknown) => e as { $metadata?: { httpStatusCode?: number } },
    );
    expect(err?.$metadata?.httpStatusCode).toBe(413);
    expect((await h.client.send(new ListStateMachinesCommand({}))).stateMachines).toHaveLength(2);
  });
});
