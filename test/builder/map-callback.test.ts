import { Condition, Context, choice, invoke, map, pass, path, waitForCallback, workflow } from '../../lib/builder';
import { expectValidAsl } from './expect-valid-asl';
import { Ask, LAMBDA, LAMBDA_RETRY, Notify, Work } from './fixtures';

describe('map fan-out / fan-in', () => {
  it('runs an activity over the items with a selector and concurrency, then aggregates', () => {
    const { definition, budget } = workflow('Fan', () =>
      map('EachItem', {
        itemsPath: '$.items',
        itemSelector: { id: path('$$.Map.Item.Value.id'), value: path('$$.Map.Item.Value.value') },
        maxConcurrency: 5,
        maxItems: 100,
        iterator: invoke(Work),
        resultPath: '$.results',
      }).next(pass('Aggregate', { parameters: { count: path('States.ArrayLength($.results)') } })),
    ).compile();
    expect(definition).toEqual({
      StartAt: 'EachItem',
      States: {
        EachItem: {
          Type: 'Map',
          ItemProcessor: {
            ProcessorConfig: { Mode: 'INLINE' },
            StartAt: 'Work',
            States: {
              Work: {
                Type: 'Task', Resource: LAMBDA,
                Parameters: { FunctionName: '${WorkFunctionArn}', 'Payload.$': '$' },
                OutputPath: '$.Payload',
                Retry: [LAMBDA_RETRY],
                End: true,
              },
            },
          },
          ItemsPath: '$.items',
          ItemSelector: { 'id.$': '$$.Map.Item.Value.id', 'value.$': '$$.Map.Item.Value.value' },
          MaxConcurrency: 5,
          ResultPath: '$.results',
          Next: 'Aggregate',
        },
        Aggregate: { Type: 'Pass', Parameters: { 'count.$': 'States.ArrayLength($.results)' }, End: true },
      },
    });
    // 1 started + Map (4 + 100 × (2 + task 5 + 3 retries × 3)) + Pass 2 + 1 succeeded.
    expect(budget).toEqual({ states: 3, definitionBytes: Buffer.byteLength(JSON.stringify(definition)), worstCaseEvents: 1 + 4 + 100 * 16 + 2 + 1 });
    expectValidAsl(definition);
  });

  it('tolerates failures in Distributed mode', () => {
    const { definition, budget } = workflow('Distributed', () =>
      map('EachItem', { itemsPath: '$.items', mode: 'DISTRIBUTED', toleratedFailurePercentage: 10, toleratedFailureCount: 3, iterator: invoke(Work) }),
    ).compile();
    expect(definition.States.EachItem).toEqual({
      Type: 'Map',
      ItemProcessor: {
        ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
        StartAt: 'Work',
        States: { Work: { Type: 'Task', Resource: LAMBDA, Parameters: { FunctionName: '${WorkFunctionArn}', 'Payload.$': '$' }, OutputPath: '$.Payload', Retry: [LAMBDA_RETRY], End: true } },
      },
      ItemsPath: '$.items',
      ToleratedFailureCount: 3,
      ToleratedFailurePercentage: 10,
      End: true,
    });
    expect(budget.worstCaseEvents).toBe(1 + 6 + 1);
    expectValidAsl(definition);
  });

  it('reports events per item when the number of items is unknown', () => {
    const { budget } = workflow('Unbounded', () => map('EachItem', { itemsPath: '$.items', iterator: invoke(Work) })).compile();
    expect(budget.worstCaseEvents).toBe(1 + 4 + 1);
    expect(budget.perItem).toEqual([{ state: 'EachItem', eventsPerItem: 2 + 14 }]);
  });
});

describe('wait for callback', () => {
  const approval = (heartbeatSeconds?: number) =>
    workflow('Approve', () => {
      const ask = waitForCallback(Ask, {
        payload: { id: path('$.id'), token: Context.taskToken },
        timeoutSeconds: 86400,
        ...(heartbeatSeconds !== undefined && { heartbeatSeconds }),
        resultPath: '$.decision',
        onTimeout: invoke(Notify, { payload: { id: path('$.id') }, resultPath: null }),
      });
      return ask.next(
        choice('IsApproved')
          .when(Condition.booleanEquals(ask.output('approved'), true), pass('Approved'))
          .otherwise(pass('Rejected', { parameters: { reason: ask.output('reason') } })),
      );
    }).compile();

  it('passes the task token, requires a timeout, branches on the decision and catches the timeout', () => {
    const { definition, budget } = approval(3600);
    expect(definition).toEqual({
      StartAt: 'Ask',
      States: {
        Ask: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
          Parameters: { FunctionName: '${AskFunctionArn}', Payload: { 'id.$': '$.id', 'token.$': '$$.Task.Token' } },
          ResultPath: '$.decision',
          TimeoutSeconds: 86400,
          HeartbeatSeconds: 3600,
          Retry: [LAMBDA_RETRY],
          Catch: [{ ErrorEquals: ['States.Timeout'], Next: 'Notify', ResultPath: '$.timeout' }],
          Next: 'IsApproved',
        },
        IsApproved: { Type: 'Choice', Choices: [{ Variable: '$.decision.approved', BooleanEquals: true, Next: 'Approved' }], Default: 'Rejected' },
        Approved: { Type: 'Pass', End: true },
        Rejected: { Type: 'Pass', Parameters: { 'reason.$': '$.decision.reason' }, End: true },
        Notify: {
          Type: 'Task', Resource: LAMBDA,
          Parameters: { FunctionName: '${NotifyFunctionArn}', Payload: { 'id.$': '$.id' } },
          ResultPath: null,
          Retry: [LAMBDA_RETRY],
          End: true,
        },
      },
    });
    // 1 + callback (6 + 3 retries × 4) + max(choice 2 + pass 2, notify 14) + 1.
    expect(budget.worstCaseEvents).toBe(1 + 18 + 14 + 1);
    expectValidAsl(definition);
  });

  it('leaves the heartbeat out when not given', () => {
    expect(approval().definition.States.Ask).not.toHaveProperty('HeartbeatSeconds');
  });
});
