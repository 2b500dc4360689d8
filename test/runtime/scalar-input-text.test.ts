import { openFixture, fn, type Fixture } from './service-fixture';

// localstack test_lambda_task.snapshot.json test_invoke_json_values[0.0], recorded on AWS: an
// execution started with the input 0.0 shows 0.0 in ExecutionStarted, TaskStateEntered and
// LambdaFunctionScheduled (no state has changed it), as an object input keeps its given text.
let f: Fixture;
afterEach(() => f.close());

test('a scalar execution input keeps its text as given in the first state and its task', async () => {
  f = await openFixture();
  const sm = await f.machine('Id', { StartAt: 'step1', States: { step1: { Type: 'Task', Resource: fn('echo'), End: true } } });
  for (const input of ['0.0', '1.50', '0']) {
    const arn = (await f.ops.StartExecution({ stateMachineArn: sm, input })).executionArn!;
    await f.closed(arn);
    const events = await f.history(arn);
    expect(events[0]!.executionStartedEventDetails!.input).toBe(input);
    expect(events[1]!.stateEnteredEventDetails!.input).toBe(input);
    expect(events[2]!.lambdaFunctionScheduledEventDetails!.input).toBe(input);
  }
});
