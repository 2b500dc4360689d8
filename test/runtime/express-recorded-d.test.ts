import { openFixture, type Fixture } from './service-fixture';

// localstack tests/aws/services/stepfunctions/v2/express/test_express_sync.snapshot.json, recorded on
// AWS on 15-07-2024 (test_catch; template task_service_lambda_invoke_catch_all.json5).
let f: Fixture;
afterEach(() => f?.close());

test('StartSyncExecution of a lambda:invoke whose function fails, caught by States.ALL: SUCCEEDED with {Error, Cause} as output, the cause the error payload\'s text', async () => {
  f = await openFixture();
  const sm = await f.machine(
    'SyncCatch',
    {
      StartAt: 'InvokeLambda',
      States: {
        InvokeLambda: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { 'FunctionName.$': '$.FunctionName', 'Payload.$': '$.Payload' },
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'HandleGeneralError' }],
          Next: 'ProcessResult',
        },
        ProcessResult: { Type: 'Pass', End: true },
        HandleGeneralError: { Type: 'Pass', End: true },
      },
    },
    'EXPRESS',
  );
  const r = await f.ops.StartSyncExecution({ stateMachineArn: sm, input: JSON.stringify({ FunctionName: 'fail', Payload: null }) });
  expect(r).toMatchObject({ status: 'SUCCEEDED', inputDetails: { included: true }, outputDetails: { included: true } });
  expect(r.error).toBeUndefined();
  expect(r.input).toBe('{"FunctionName":"fail","Payload":null}');
  const out = JSON.parse(r.output!);
  expect(Object.keys(out)).toEqual(['Error', 'Cause']);
  expect(out.Error).toBe('PaymentDeclined');
  // The Node.js runtime's error payload, compact, as lambda:invoke hands it on.
  expect(out.Cause).toBe(JSON.stringify(JSON.parse(out.Cause)));
  expect(JSON.parse(out.Cause)).toMatchObject({ errorType: 'PaymentDeclined', errorMessage: 'card declined' });
  expect(r.billingDetails!.billedDurationInMilliseconds! % 100).toBe(0);
  expect(r.billingDetails!.billedMemoryUsedInMB).toBe(64);
});
