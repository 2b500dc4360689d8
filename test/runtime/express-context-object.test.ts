import { openFixture, type Fixture } from './service-fixture';

// localstack test_express_sync.snapshot.json test_query_runtime_memory, recorded on AWS (15-07-2024):
// in a synchronous Express execution $$.Execution is {Id, Input, Name, RoleArn, StartTime}, without
// the RedriveCount an asynchronous one has (test_express_async, recorded a minute earlier), and the
// .$ fields of Parameters come out in AWS's order.
let f: Fixture;
afterEach(() => f.close());

const definition = {
  StartAt: 'QueryValues1',
  States: {
    QueryValues1: {
      Type: 'Pass',
      Next: 'QueryValues2',
      ResultPath: '$.query_values_1',
      Parameters: {
        'context_object.$': '$$', 'execution.$': '$$.Execution', 'execution_id.$': '$$.Execution.Id', 'execution_input.$': '$$.Execution.Input',
        'execution_name.$': '$$.Execution.Name', 'execution_rolearn.$': '$$.Execution.RoleArn', 'execution_starttime.$': '$$.Execution.StartTime',
        'state.$': '$$.State', 'state_enteredtime.$': '$$.State.EnteredTime', 'state_name.$': '$$.State.Name',
        'statemachine.$': '$$.StateMachine', 'statemachine_id.$': '$$.StateMachine.Id', 'statemachine_name.$': '$$.StateMachine.Name',
      },
    },
    QueryValues2: { Type: 'Pass', End: true, ResultPath: '$.query_values_2', Parameters: { 'context_object.$': '$$' } },
  },
};

test('a synchronous Express execution context object: Execution keys Id, Input, Name, RoleArn, StartTime; the Express ARN as Id', async () => {
  f = await openFixture();
  const sm = await f.machine('Query', definition, 'EXPRESS');
  const r = await f.ops.StartSyncExecution({ stateMachineArn: sm, input: '{"message":"HelloWorld!"}' });
  const out = JSON.parse(r.output!) as { query_values_1: Record<string, unknown>; query_values_2: { context_object: Record<string, Record<string, unknown>> } };
  expect(Object.keys(out)).toEqual(['message', 'query_values_1', 'query_values_2']);
  expect(Object.keys(out.query_values_1)).toEqual([
    'execution', 'execution_rolearn', 'execution_name', 'statemachine_id', 'execution_id', 'execution_input', 'execution_starttime',
    'state_name', 'state_enteredtime', 'statemachine', 'state', 'context_object', 'statemachine_name',
  ]);
  const ctx = out.query_values_2.context_object;
  expect(Object.keys(ctx)).toEqual(['Execution', 'StateMachine', 'State']);
  expect(Object.keys(ctx.Execution!)).toEqual(['Id', 'Input', 'Name', 'RoleArn', 'StartTime']);
  expect(ctx.Execution!).toMatchObject({ Id: r.executionArn, Input: { message: 'HelloWorld!' } });
  expect(r.executionArn).toMatch(/^arn:aws:states:[^:]+:\d{12}:express:Query:[^:]+:[^:]+$/);
  expect(ctx.State).toEqual({ Name: 'QueryValues2', EnteredTime: expect.any(String) });
});
