import { Chain, fail, invoke, parallel, pass, path, startWorkflow, succeed, wait, workflow } from '../../lib/builder';
import { expectValidAsl } from './expect-valid-asl';
import { LAMBDA, LAMBDA_RETRY, Notify, Work } from './fixtures';

describe('building blocks', () => {
  it('renders a sub-workflow, parallel branches, waits, pass, succeed and fail', () => {
    const { definition, subWorkflows, budget } = workflow('Blocks', () =>
      Chain.start(pass('Init', { result: { ready: true }, resultPath: '$.init' }))
        .next(startWorkflow('Child', { input: { id: path('$.id') }, resultPath: '$.child', timeoutSeconds: 600 }))
        .next(
          parallel('Both', {
            branches: [
              wait('WaitSeconds', { seconds: 5 }).next(wait('WaitUntil', { timestamp: '2030-01-01T00:00:00Z' })),
              wait('WaitForPath', { secondsPath: '$.delay' }).next(wait('WaitUntilPath', { timestampPath: '$.until' })),
              invoke(Notify, { payload: { id: path('$.id') }, retryLambdaErrors: false }),
            ],
            resultPath: '$.both',
          }).addCatch(fail('BothFailed', { error: 'BothFailed', cause: 'a branch failed' }), { errors: ['States.BranchFailed'] }),
        )
        .next(startWorkflow({ name: 'Other' }))
        .next(succeed('Done', { outputPath: '$.child' })),
    ).compile();
    expect(definition).toEqual({
      StartAt: 'Init',
      States: {
        Init: { Type: 'Pass', Result: { ready: true }, ResultPath: '$.init', Next: 'RunChild' },
        RunChild: {
          Type: 'Task',
          Resource: 'arn:aws:states:::states:startExecution.sync:2',
          Parameters: {
            StateMachineArn: '${ChildStateMachineArn}',
            Input: { 'id.$': '$.id', 'AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID.$': '$$.Execution.Id' },
          },
          ResultSelector: { 'Output.$': '$.Output' },
          ResultPath: '$.child',
          TimeoutSeconds: 600,
          Next: 'Both',
        },
        Both: {
          Type: 'Parallel',
          Branches: [
            { StartAt: 'WaitSeconds', States: { WaitSeconds: { Type: 'Wait', Seconds: 5, Next: 'WaitUntil' }, WaitUntil: { Type: 'Wait', Timestamp: '2030-01-01T00:00:00Z', End: true } } },
            { StartAt: 'WaitForPath', States: { WaitForPath: { Type: 'Wait', SecondsPath: '$.delay', Next: 'WaitUntilPath' }, WaitUntilPath: { Type: 'Wait', TimestampPath: '$.until', End: true } } },
            {
              StartAt: 'Notify',
              States: { Notify: { Type: 'Task', Resource: LAMBDA, Parameters: { FunctionName: '${NotifyFunctionArn}', Payload: { 'id.$': '$.id' } }, OutputPath: '$.Payload', End: true } },
            },
          ],
          ResultPath: '$.both',
          Catch: [{ ErrorEquals: ['States.BranchFailed'], Next: 'BothFailed' }],
          Next: 'RunOther',
        },
        BothFailed: { Type: 'Fail', Error: 'BothFailed', Cause: 'a branch failed' },
        RunOther: {
          Type: 'Task',
          Resource: 'arn:aws:states:::states:startExecution.sync:2',
          Parameters: { StateMachineArn: '${OtherStateMachineArn}', 'Input.$': '$' },
          OutputPath: '$.Output',
          Next: 'Done',
        },
        Done: { Type: 'Succeed', OutputPath: '$.child' },
      },
    });
    expect(subWorkflows).toEqual([
      { name: 'Child', placeholder: 'ChildStateMachineArn' },
      { name: 'Other', placeholder: 'OtherStateMachineArn' },
    ]);
    // 1 + Init 2 + RunChild 6 + Parallel (4 + 4 + 4 + 5) + RunOther 6 + Done 2 + 1.
    expect(budget.worstCaseEvents).toBe(1 + 2 + 6 + 17 + 6 + 2 + 1);
    expect(budget.states).toBe(11);
    expectValidAsl(definition);
  });

  it('renders every retry field and a task timeout and heartbeat', () => {
    const { definition, budget } = workflow('Retries', () =>
      invoke(Work, {
        timeoutSeconds: 60,
        heartbeatSeconds: 10,
        retry: [
          { errors: ['Busy', 'Throttled'], intervalSeconds: 3, maxAttempts: 6, backoffRate: 1.5, maxDelaySeconds: 20, jitter: 'FULL' },
          { maxAttempts: 0 },
        ],
      }),
    ).compile();
    expect(definition.States.Work).toEqual({
      Type: 'Task', Resource: LAMBDA,
      Parameters: { FunctionName: '${WorkFunctionArn}', 'Payload.$': '$' },
      OutputPath: '$.Payload',
      TimeoutSeconds: 60,
      HeartbeatSeconds: 10,
      Retry: [
        LAMBDA_RETRY,
        { ErrorEquals: ['Busy', 'Throttled'], IntervalSeconds: 3, MaxAttempts: 6, BackoffRate: 1.5, MaxDelaySeconds: 20, JitterStrategy: 'FULL' },
        { ErrorEquals: ['States.ALL'], MaxAttempts: 0 },
      ],
      End: true,
    });
    // 1 + task 5 + (3 + 6 + 0) retries × 3 + 1.
    expect(budget.worstCaseEvents).toBe(1 + 5 + 27 + 1);
    expectValidAsl(definition);
  });

  it('counts a Fail as FailStateEntered + ExecutionFailed, with no ExecutionSucceeded', () => {
    expect(workflow('JustFail', () => fail('Nope', { error: 'E' })).compile().budget.worstCaseEvents).toBe(1 + 2);
  });
});
