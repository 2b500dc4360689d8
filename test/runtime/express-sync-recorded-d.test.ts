import type { StateMachineDefinition } from '../../lib/asl';
import { drive, executionInfo } from '../engine/core/engine-driver';

// localstack tests/aws/services/stepfunctions/v2/express/test_express_sync.snapshot.json and
// test_express_async.snapshot.json, test_query_runtime_memory, both recorded on AWS on 15-07-2024:
// an Express execution's $$.Execution is {Id, Input, Name, RoleArn, StartTime}, with RedriveCount
// after StartTime when it was started by StartExecution and without it when by StartSyncExecution
// (localstack's own sync output has one, and the test skips it).
const definition: StateMachineDefinition = {
  StartAt: 'QueryValues1',
  States: {
    QueryValues1: { Type: 'Pass', Parameters: { 'context_object.$': '$$', 'execution.$': '$$.Execution' }, ResultPath: '$.query_values_1', Next: 'QueryValues2' },
    QueryValues2: { Type: 'Pass', Parameters: { 'context_object.$': '$$' }, ResultPath: '$.query_values_2', End: true },
  },
};
const express = (synchronous: boolean) => {
  const info = executionInfo('run');
  const executionArn = 'arn:aws:states:us-east-1:123456789012:express:Machine:run:6b2f0d8e-0000-4000-8000-000000000001';
  return synchronous ? { ...info, executionArn, synchronous } : { ...info, executionArn };
};
type Out = { query_values_1: { execution: Record<string, unknown>; context_object: { Execution: Record<string, unknown> } }; query_values_2: { context_object: { Execution: Record<string, unknown> } } };

test.each([
  ['StartSyncExecution', true, ['Id', 'Input', 'Name', 'RoleArn', 'StartTime']],
  ['StartExecution', false, ['Id', 'Input', 'Name', 'RoleArn', 'StartTime', 'RedriveCount']],
] as const)('an Express execution started by %s: $$.Execution keys as recorded', async (_api, synchronous, keys) => {
  const r = await drive(definition, { message: 'TestMessage' }, { execution: express(synchronous) });
  expect(r.status).toBe('SUCCEEDED');
  const out = r.output as unknown as Out;
  for (const execution of [out.query_values_1.execution, out.query_values_1.context_object.Execution, out.query_values_2.context_object.Execution]) {
    expect(Object.keys(execution)).toEqual(keys);
    expect(execution).toMatchObject({ Id: express(synchronous).executionArn, Input: { message: 'TestMessage' }, Name: 'run' });
  }
});

test('a Standard execution keeps RedriveCount whatever the flag says: StartSyncExecution starts only Express ones', async () => {
  const r = await drive(definition, {}, { execution: { ...executionInfo('std'), synchronous: true } });
  expect(Object.keys((r.output as unknown as Out).query_values_2.context_object.Execution)).toEqual(['Id', 'Input', 'StartTime', 'Name', 'RoleArn', 'RedriveCount']);
});
