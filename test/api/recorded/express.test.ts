import {
  DeleteStateMachineCommand,
  DescribeStateMachineCommand,
  DescribeExecutionCommand,
  DescribeStateMachineForExecutionCommand,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  StartExecutionCommand,
  StartSyncExecutionCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import { PASS, SM_PREFIX, recordedService } from './recorded-service';

// EXPRESS state machines: answers recorded on AWS, through the SDK against the real runtime.

const { send, create, failure } = recordedService();

describe('EXPRESS state machines (test_sfn_api_express.snapshot.json)', () => {
  test('StartSyncExecution answers the execution whole, with billing details; ListExecutions is not supported', async () => {
    const { stateMachineArn } = await create('express-sync', PASS, { type: 'EXPRESS' });
    const r = await send(new StartSyncExecutionCommand({ stateMachineArn, input: '{}' }));
    expect(r).toMatchObject({
      executionArn: expect.stringMatching(/^arn:aws:states:us-east-1:123456789012:express:express-sync:[^:]+:[^:]+$/),
      input: '{}',
      inputDetails: { included: true },
      output: '{"Arg1":"argument1"}',
      outputDetails: { included: true },
      stateMachineArn,
      status: 'SUCCEEDED',
      billingDetails: { billedDurationInMilliseconds: 100, billedMemoryUsedInMB: 64 },
    });
    expect(r.startDate).toBeInstanceOf(Date);
    expect(r.stopDate).toBeInstanceOf(Date);
    // The name is the ARN's first part after the machine's name.
    expect(r.name).toBe(r.executionArn!.split(':')[7]);
    expect(await failure(send(new ListExecutionsCommand({ stateMachineArn })))).toEqual({ name: 'StateMachineTypeNotSupported', message: 'This operation is not supported by this type of state machine' });
  });

  test('DescribeStateMachine of an EXPRESS machine: type EXPRESS with the default configurations; it can be deleted (test_create_describe_delete)', async () => {
    const { stateMachineArn } = await create('express-described', PASS, { type: 'EXPRESS' });
    const d = await send(new DescribeStateMachineCommand({ stateMachineArn }));
    expect(d).toMatchObject({ stateMachineArn, name: 'express-described', status: 'ACTIVE', type: 'EXPRESS', definition: PASS, loggingConfiguration: { level: 'OFF', includeExecutionData: false }, tracingConfiguration: { enabled: false } });
    await expect(send(new DeleteStateMachineCommand({ stateMachineArn }))).resolves.toBeDefined();
  });

  test('a failed StartSyncExecution: error and cause, no output, outputDetails still there (test_express_sync.snapshot.json)', async () => {
    const fail = JSON.stringify({ StartAt: 'F', States: { F: { Type: 'Fail', Error: 'SomeFailure', Cause: "This state machines raises a 'SomeFailure' failure." } } });
    const { stateMachineArn } = await create('express-fail', fail, { type: 'EXPRESS' });
    const r = await send(new StartSyncExecutionCommand({ stateMachineArn, input: '{}' }));
    expect(r).toMatchObject({
      status: 'FAILED',
      error: 'SomeFailure',
      cause: "This state machines raises a 'SomeFailure' failure.",
      input: '{}',
      inputDetails: { included: true },
      outputDetails: { included: true },
      billingDetails: { billedDurationInMilliseconds: 100, billedMemoryUsedInMB: 64 },
    });
    expect(r).not.toHaveProperty('output');
  });

  test('an express execution ARN is not one DescribeExecution, StopExecution or GetExecutionHistory take', async () => {
    const { stateMachineArn } = await create('express-async', PASS, { type: 'EXPRESS' });
    const { executionArn } = await send(new StartExecutionCommand({ stateMachineArn }));
    expect(executionArn).toMatch(/:express:express-async:/);
    const invalid = { name: 'InvalidArn', message: "Invalid Arn: 'Resource type not valid in this context: express'" };
    expect(await failure(send(new DescribeExecutionCommand({ executionArn })))).toEqual(invalid);
    expect(await failure(send(new StopExecutionCommand({ executionArn })))).toEqual(invalid);
    expect(await failure(send(new GetExecutionHistoryCommand({ executionArn })))).toEqual(invalid);
    expect(await failure(send(new DescribeStateMachineForExecutionCommand({ executionArn })))).toEqual(invalid);
  });

  test('callbacks, .sync and activities are refused at creation, each in its own words', async () => {
    const task = (name: string, Resource: string, extra: Record<string, unknown> = {}) => JSON.stringify({ StartAt: name, States: { [name]: { Type: 'Task', Resource, ...extra, End: true } } });
    const refused = async (definition: string) => (await failure(create(`express-refused-${Math.random().toString(36).slice(2, 8)}`, definition, { type: 'EXPRESS' }))).message;
    expect(await refused(task('Publish', 'arn:aws:states:::sns:publish.waitForTaskToken', { Parameters: { TopicArn: 't', Message: { 'TaskToken.$': '$$.Task.Token' } } }))).toBe(
      "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: Express state machine does not support '.waitForTaskToken' service integration  at /States/Publish/Resource'",
    );
    expect(await refused(task('StartExecution', 'arn:aws:states:::states:startExecution.sync', { Parameters: { StateMachineArn: `${SM_PREFIX}x` } }))).toBe(
      "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: Express state machine does not support '.sync' service integration at /States/StartExecution/Resource'",
    );
    expect(await refused(task('ActivityTask', 'arn:aws:states:us-east-1:123456789012:activity:a'))).toBe(
      "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: Express state machine does not support Activity ARN at /States/ActivityTask/Resource'",
    );
  });
});
