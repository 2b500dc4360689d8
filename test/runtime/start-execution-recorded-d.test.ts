import { openFixture, types, type Fixture } from './service-fixture';

// localstack tests/aws/services/stepfunctions/v2/services/test_sfn_task_service.snapshot.json, recorded
// on AWS on 28-06-2023 (test_start_execution, test_start_execution_input_json), with the template
// sfn_start_execution.json5: StateMachineArn.$, Input.$ and Name.$ read from the input.
let f: Fixture;
afterEach(() => f?.close());

const parent = {
  StartAt: 'StartExecution',
  States: {
    StartExecution: {
      Type: 'Task',
      Resource: 'arn:aws:states:::states:startExecution',
      Parameters: { 'StateMachineArn.$': '$.StateMachineArn', 'Input.$': '$.Input', 'Name.$': '$.Name' },
      End: true,
    },
  },
};
const target = { StartAt: 'State_1', States: { State_1: { Type: 'Pass', Result: { Arg1: 'argument1' }, End: true } } };

test.each([
  ['an object Input', { Hello: 'World' }, '{"Hello":"World"}'],
  ['a string Input', '{"a":1}', '{"a":1}'],
])('request-response startExecution with %s: the child runs under the given Name with the Input as its JSON text; the answer is ExecutionArn, SdkHttpMetadata, SdkResponseMetadata, StartDate', async (_label, input, childInput) => {
  f = await openFixture();
  const child = await f.machine('Target', target);
  const sm = await f.machine('Parent', parent);
  const arn = await f.start(sm, { StateMachineArn: child, Input: input, Name: 'TestStartTarget' });
  const d = await f.closed(arn);
  expect(d.status).toBe('SUCCEEDED');
  const events = await f.history(arn);
  expect(types(events)).toEqual(['ExecutionStarted', 'TaskStateEntered', 'TaskScheduled', 'TaskStarted', 'TaskSucceeded', 'TaskStateExited', 'ExecutionSucceeded']);
  // The .$ fields in AWS's order: Input, StateMachineArn, Name.
  expect(Object.keys(JSON.parse(events[2]!.taskScheduledEventDetails!.parameters!))).toEqual(['Input', 'StateMachineArn', 'Name']);
  expect(events[2]!.taskScheduledEventDetails).toMatchObject({ resourceType: 'states', resource: 'startExecution' });
  const out = JSON.parse(d.output!);
  expect(Object.keys(out)).toEqual(['ExecutionArn', 'SdkHttpMetadata', 'SdkResponseMetadata', 'StartDate']);
  expect(out.ExecutionArn).toBe(`${child.replace(':stateMachine:', ':execution:')}:TestStartTarget`);
  expect(out.SdkHttpMetadata.AllHttpHeaders['Content-Type']).toEqual(['application/x-amz-json-1.0']);
  expect(out.SdkHttpMetadata.HttpStatusCode).toBe(200);
  const started = await f.ops.DescribeExecution({ executionArn: out.ExecutionArn });
  expect(started.input).toBe(childInput);
  expect(started.startDate!.getTime()).toBe(out.StartDate);
});
