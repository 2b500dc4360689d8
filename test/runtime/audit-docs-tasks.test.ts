import { join } from 'node:path';
import { fixtureLambdas, openFixture, types, type Fixture } from './service-fixture';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const gate = require('./fixtures/audit-docs-tasks-gate') as { waiting: Array<{ event: { token?: string }; open: (v: unknown) => void }> };

let f: Fixture;
beforeEach(async () => {
  gate.waiting.length = 0;
  f = await openFixture({ lambdas: [...fixtureLambdas(), { functionName: 'gate', modulePath: join(__dirname, 'fixtures', 'audit-docs-tasks-gate.ts'), isolation: 'inline', timeoutSeconds: 900 }] });
});
afterEach(() => {
  for (const w of gate.waiting) w.open(null);
  return f.close();
});

const until = async (check: () => boolean) => {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  if (!check()) throw new Error('condition never held');
};

test('lambda:invoke with InvocationType Event does not wait for the function: the task succeeds with StatusCode 202 (connect-lambda.html)', async () => {
  const sm = await f.machine('Async', {
    StartAt: 'T',
    States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'gate', InvocationType: 'Event', Payload: { a: 1 } }, End: true } },
  });
  const arn = await f.start(sm, {});
  const d = await f.closed(arn);
  expect(d.status).toBe('SUCCEEDED');
  expect(JSON.parse(d.output!).StatusCode).toBe(202);
  expect(types(await f.history(arn))).toEqual(['ExecutionStarted', 'TaskStateEntered', 'TaskScheduled', 'TaskStarted', 'TaskSucceeded', 'TaskStateExited', 'ExecutionSucceeded']);
  await until(() => gate.waiting.length === 1);
  expect(gate.waiting[0]!.event).toEqual({ a: 1 });
  gate.waiting[0]!.open(null);
});

test('startExecution.sync:2 with AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID.$ = $$.Execution.Id: the child input carries the parent execution ARN (connect-stepfunctions.html)', async () => {
  const child = await f.machine('Child', { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } });
  const sm = await f.machine('Parent', {
    StartAt: 'Run',
    States: { Run: { Type: 'Task', Resource: 'arn:aws:states:::states:startExecution.sync:2', Parameters: { StateMachineArn: child, Input: { Comment: 'hi', 'AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID.$': '$$.Execution.Id' } }, End: true } },
  });
  const arn = await f.start(sm, {});
  const d = await f.closed(arn);
  expect(d.status).toBe('SUCCEEDED');
  const out = JSON.parse(d.output!);
  expect(out.Input).toEqual({ Comment: 'hi', AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID: arn });
  expect(out.Output).toEqual({ Comment: 'hi', AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID: arn });
  const childInput = JSON.parse((await f.ops.DescribeExecution({ executionArn: out.ExecutionArn })).input!);
  expect(childInput.AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID).toBe(arn);
});

test('startExecution.sync: Output is the child output as a JSON text (connect-stepfunctions.html)', async () => {
  const child = await f.machine('Child', { StartAt: 'P', States: { P: { Type: 'Pass', Result: { r: 1 }, End: true } } });
  const sm = await f.machine('Parent', {
    StartAt: 'Run',
    States: { Run: { Type: 'Task', Resource: 'arn:aws:states:::states:startExecution.sync', Parameters: { StateMachineArn: child, Input: { x: 1 } }, End: true } },
  });
  const d = await f.closed(await f.start(sm, {}));
  const out = JSON.parse(d.output!);
  expect(out.Output).toBe('{"r":1}');
  expect(out.Input).toBe('{"x":1}');
  expect(out.Status).toBe('SUCCEEDED');
});

describe('dynamodb', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startLocalDynamoDb, ensureTables } = require('../../lib/local/local-dynamodb') as typeof import('../../lib/local/local-dynamodb');
  test('deleteItem with ReturnValues ALL_OLD returns the deleted item as Attributes; getItem of a missing key has no Item (connect-ddb.html, DynamoDB GetItem/DeleteItem)', async () => {
    const ddb = await startLocalDynamoDb({ port: 0 });
    try {
      await ensureTables(ddb.client, [{ logicalId: 'T', name: 'things', keySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], attributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }] }]);
      await f.close();
      f = await openFixture({ dynamodbEndpoint: ddb.endpoint });
      const sm = await f.machine('DdbDelete', {
        StartAt: 'Put',
        States: {
          Put: { Type: 'Task', Resource: 'arn:aws:states:::dynamodb:putItem', Parameters: { TableName: 'things', Item: { id: { S: 'k' }, v: { S: 'x' } } }, ResultPath: null, Next: 'Delete' },
          Delete: { Type: 'Task', Resource: 'arn:aws:states:::dynamodb:deleteItem', Parameters: { TableName: 'things', Key: { id: { S: 'k' } }, ReturnValues: 'ALL_OLD' }, ResultPath: '$.deleted', Next: 'Get' },
          Get: { Type: 'Task', Resource: 'arn:aws:states:::dynamodb:getItem', Parameters: { TableName: 'things', Key: { id: { S: 'k' } } }, ResultPath: '$.got', End: true },
        },
      });
      const arn = await f.start(sm, {});
      const d = await f.closed(arn);
      expect(d.status).toBe('SUCCEEDED');
      const out = JSON.parse(d.output!);
      expect(out.deleted.Attributes).toEqual({ id: { S: 'k' }, v: { S: 'x' } });
      expect(Object.keys(out.got)).toEqual(['SdkHttpMetadata', 'SdkResponseMetadata']);
      const scheduled = (await f.history(arn)).filter((e) => e.type === 'TaskScheduled').map((e) => e.taskScheduledEventDetails!.resource);
      expect(scheduled).toEqual(['putItem', 'deleteItem', 'getItem']);
    } finally {
      await ddb.close();
    }
  });
});

test('lambda:invoke with Qualifier $LATEST invokes the function; ExecutedVersion is $LATEST (connect-lambda.html)', async () => {
  const sm = await f.machine('QualifierLatest', {
    StartAt: 'T',
    States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'echo', Qualifier: '$LATEST', Payload: { q: 1 } }, End: true } },
  });
  const d = await f.closed(await f.start(sm, {}));
  expect(d.status).toBe('SUCCEEDED');
  expect(JSON.parse(d.output!)).toMatchObject({ ExecutedVersion: '$LATEST', StatusCode: 200, Payload: { event: { q: 1 } } });
});

test('JSONata lambda:invoke.waitForTaskToken (connect-lambda.html example): $states.context.Task.Token reaches the function, SendTaskSuccess output is the result', async () => {
  const sm = await f.machine('JsonataCallback', {
    QueryLanguage: 'JSONata',
    StartAt: 'GetManualReview',
    States: {
      GetManualReview: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken', Arguments: { FunctionName: 'gate', Payload: { model: '{% $states.input.model %}', TaskToken: '{% $states.context.Task.Token %}' } }, End: true },
    },
  });
  const arn = await f.start(sm, { model: 'm-1' });
  await until(() => gate.waiting.length === 1);
  const { event, open } = gate.waiting[0]! as unknown as { event: { model: string; TaskToken: string }; open: (v: unknown) => void };
  expect(event.model).toBe('m-1');
  expect(typeof event.TaskToken).toBe('string');
  open({ queued: true });
  await new Promise((r) => setTimeout(r, 50));
  await f.ops.SendTaskSuccess({ taskToken: event.TaskToken, output: '{"decision":"approve"}' });
  const d = await f.closed(arn);
  expect(d.status).toBe('SUCCEEDED');
  expect(JSON.parse(d.output!)).toEqual({ decision: 'approve' });
  expect(types(await f.history(arn))).toEqual(['ExecutionStarted', 'TaskStateEntered', 'TaskScheduled', 'TaskStarted', 'TaskSubmitted', 'TaskSucceeded', 'TaskStateExited', 'ExecutionSucceeded']);
});

test('a child started without Name gets a UUID as its execution name, and the child ARN is <child state machine ARN with execution>:<name> (connect-stepfunctions.html; StartExecution API: a UUID when no name is given)', async () => {
  const child = await f.machine('ChildNamed', { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } });
  const sm = await f.machine('ParentNamed', {
    StartAt: 'Run',
    States: { Run: { Type: 'Task', Resource: 'arn:aws:states:::states:startExecution', Parameters: { StateMachineArn: child, Input: {} }, End: true } },
  });
  const d = await f.closed(await f.start(sm, {}));
  const out = JSON.parse(d.output!);
  const name = (await f.ops.DescribeExecution({ executionArn: out.ExecutionArn })).name!;
  expect(name).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  expect(out.ExecutionArn).toBe(`${child.replace(':stateMachine:', ':execution:')}:${name}`);
  expect(typeof out.StartDate).toBe('number');
});

test('lambda:invoke.waitForTaskToken: the heartbeat counts only once the function has returned (connect-lambda.html: "As long as the Lambda function executes, the heartbeat timeout is not enforced")', async () => {
  // A clock 100 times faster than real time: a 1 s heartbeat is 10 ms, and the function runs for "20 s".
  await f.close();
  f = await openFixture({ clock: { mode: 'scaled', factor: 100 }, lambdas: [{ functionName: 'gate', modulePath: join(__dirname, 'fixtures', 'audit-docs-tasks-gate.ts'), isolation: 'inline', timeoutSeconds: 900 }] });
  const sm = await f.machine('HbWhileRunning', {
    StartAt: 'Ask',
    States: { Ask: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken', HeartbeatSeconds: 1, Parameters: { FunctionName: 'gate', Payload: { 'token.$': '$$.Task.Token' } }, End: true } },
  });
  const arn = await f.start(sm, {});
  await until(() => gate.waiting.length === 1);
  await new Promise((r) => setTimeout(r, 200));
  expect((await f.ops.DescribeExecution({ executionArn: arn })).status).toBe('RUNNING');
  gate.waiting[0]!.open({ sent: true });
  // From the function's return the heartbeat runs: nobody sends one, so the task times out.
  const d = await f.closed(arn);
  expect(d).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
  const events = await f.history(arn);
  const at = (type: string) => events.find((e) => e.type === type)!.timestamp!.getTime();
  expect(at('TaskSubmitted') - at('TaskStarted')).toBeGreaterThan(10_000);
  expect(at('TaskTimedOut') - at('TaskSubmitted')).toBeGreaterThanOrEqual(1000);
});
