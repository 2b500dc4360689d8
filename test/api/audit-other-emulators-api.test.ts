import { fileFixture, fn } from '../runtime/service-fixture';
import { clearTokens, nextToken } from '../runtime/received-tokens';

/**
 * Step Functions API answers quoted from AWS in issue threads of other emulators (localstack, moto,
 * ministack, …) and of projects run on AWS, driven through the in-process service's operations.
 */

const f = fileFixture();
beforeEach(() => clearTokens());

const waitForToken = {
  StartAt: 'Ask',
  States: {
    Ask: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken', Parameters: { FunctionName: fn('tokens'), Payload: { 'token.$': '$$.Task.Token' } }, End: true },
  },
};

describe('SendTaskFailure (aws-samples/amazon-mwaa-examples#61, an error AWS returned)', () => {
  test("a token whose task is already over: TaskTimedOut \"Task Timed Out: 'Provided task does not exist anymore'\"", async () => {
    const sm = await f.machine('used-token', waitForToken);
    const arn = await f.start(sm);
    const taskToken = await nextToken();
    await f.ops.SendTaskSuccess({ taskToken, output: '{}' });
    expect((await f.closed(arn)).status).toBe('SUCCEEDED');
    await expect(f.ops.SendTaskFailure({ taskToken, error: 'E', cause: 'C' })).rejects.toMatchObject({
      code: 'TaskTimedOut',
      message: "Task Timed Out: 'Provided task does not exist anymore'",
    });
  });
});

describe('CreateStateMachine (localstack/localstack#10489: the definition deploys on AWS)', () => {
  test('a Catch naming States.Runtime and one naming States.DataLimitExceeded are accepted (reserved names, not custom ones)', async () => {
    const definition = {
      StartAt: 'T',
      States: {
        T: {
          Type: 'Task',
          Resource: fn('echo'),
          Catch: [
            { ErrorEquals: ['States.Runtime'], ResultPath: '$.error', Next: 'Import failed event' },
            { ErrorEquals: ['States.DataLimitExceeded'], ResultPath: '$.error', Next: 'Import failed event' },
          ],
          End: true,
        },
        'Import failed event': { Type: 'Pass', End: true },
      },
    };
    const sm = await f.machine('reserved-catch', definition);
    expect(sm).toMatch(/:stateMachine:reserved-catch$/);
    const answer = await f.ops.ValidateStateMachineDefinition({ definition: JSON.stringify(definition) });
    expect(answer).toMatchObject({ result: 'OK', diagnostics: [] });
  });
});

describe('ListExecutions (getmoto/moto#6792: aws stepfunctions list-executions --status-filter ABORTED on AWS)', () => {
  test('an aborted execution is listed under ABORTED with its stopDate', async () => {
    const sm = await f.machine('aborted-listing', { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 600, End: true } } });
    const stopped = await f.start(sm, {}, 'stopped-one');
    const running = await f.start(sm, {}, 'running-one');
    await f.ops.StopExecution({ executionArn: stopped });
    const aborted = (await f.ops.ListExecutions({ stateMachineArn: sm, statusFilter: 'ABORTED' })).executions ?? [];
    expect(aborted.map((e) => e.executionArn)).toEqual([stopped]);
    expect(aborted[0]).toMatchObject({ name: 'stopped-one', status: 'ABORTED', stateMachineArn: sm });
    expect(aborted[0]!.startDate).toBeDefined();
    expect(aborted[0]!.stopDate).toBeDefined();
    const all = (await f.ops.ListExecutions({ stateMachineArn: sm })).executions ?? [];
    const listedRunning = all.find((e) => e.executionArn === running)!;
    expect(listedRunning.status).toBe('RUNNING');
    expect('stopDate' in listedRunning && listedRunning.stopDate !== undefined).toBe(false);
  });
});
