import { Chain, Condition, choice, invoke, loop, path, workflow } from '../../lib/builder';
import { expectValidAsl } from './expect-valid-asl';
import { LAMBDA, LAMBDA_RETRY, Notify, Work } from './fixtures';

const monitor = (props: { iterationsPerExecution?: number; historyBudget?: number } = {}) =>
  workflow('Watch', () =>
    loop('Watch', {
      body: Chain.start(invoke(Work, { payload: { id: path('$.id'), value: 1 }, resultPath: '$.check' })).next(
        choice('IsBad').when(Condition.booleanEquals('$.check.Payload.ok', false), invoke(Notify, { payload: { id: path('$.id') }, resultPath: null })),
      ),
      every: { seconds: 300 },
      ...props,
    }),
  ).compile();

describe('loop (eternal orchestration with continue-as-new)', () => {
  it('checks, alerts, waits, counts, and continues as new after the derived number of iterations', () => {
    const { definition, budget } = monitor();
    // One iteration: Work 14 + IsBad 2 + Notify 14 + Wait 2 + Count 2 + decision 2 = 36.
    // Outside: ExecutionStarted 1 + WatchStart 2 + ContinueAsNew 5 + Succeed 2 + ExecutionSucceeded 1 = 11.
    const iterations = Math.floor((10_000 - 11) / 36);
    expect(iterations).toBe(277);
    expect(definition).toEqual({
      StartAt: 'WatchStart',
      States: {
        WatchStart: { Type: 'Pass', Result: { iteration: 0 }, ResultPath: '$.loop', Next: 'Work' },
        Work: {
          Type: 'Task', Resource: LAMBDA,
          Parameters: { FunctionName: '${WorkFunctionArn}', Payload: { 'id.$': '$.id', value: 1 } },
          ResultSelector: { 'Payload.$': '$.Payload' }, ResultPath: '$.check',
          Retry: [LAMBDA_RETRY],
          Next: 'IsBad',
        },
        IsBad: { Type: 'Choice', Choices: [{ Variable: '$.check.Payload.ok', BooleanEquals: false, Next: 'Notify' }], Default: 'WatchWait' },
        Notify: {
          Type: 'Task', Resource: LAMBDA,
          Parameters: { FunctionName: '${NotifyFunctionArn}', Payload: { 'id.$': '$.id' } },
          ResultPath: null,
          Retry: [LAMBDA_RETRY],
          Next: 'WatchWait',
        },
        WatchWait: { Type: 'Wait', Seconds: 300, Next: 'WatchCount' },
        WatchCount: { Type: 'Pass', Parameters: { 'iteration.$': 'States.MathAdd($.loop.iteration, 1)' }, ResultPath: '$.loop', Next: 'WatchShouldContinueAsNew' },
        WatchShouldContinueAsNew: {
          Type: 'Choice',
          Choices: [{ Variable: '$.loop.iteration', NumericGreaterThanEquals: iterations, Next: 'WatchContinueAsNew' }],
          Default: 'Work',
        },
        WatchContinueAsNew: {
          Type: 'Task',
          Resource: 'arn:aws:states:::states:startExecution',
          Parameters: { 'StateMachineArn.$': '$$.StateMachine.Id', 'Input.$': '$$.Execution.Input' },
          ResultPath: null,
          Next: 'WatchContinued',
        },
        WatchContinued: { Type: 'Succeed' },
      },
    });
    expect(budget).toEqual({
      states: 9,
      definitionBytes: Buffer.byteLength(JSON.stringify(definition)),
      worstCaseEvents: 36,
      loop: { iterationsPerExecution: 277, eventsPerExecution: 11 + 277 * 36, budget: 10_000 },
    });
    expectValidAsl(definition);
  });

  it('derives the iterations from a custom history budget, or takes a given number', () => {
    expect(monitor({ historyBudget: 1000 }).budget.loop).toEqual({ iterationsPerExecution: 27, eventsPerExecution: 11 + 27 * 36, budget: 1000 });
    expect(monitor({ iterationsPerExecution: 10 }).budget.loop).toEqual({ iterationsPerExecution: 10, eventsPerExecution: 371, budget: 10_000 });
  });

  it('rejects a number of iterations that exceeds the budget', () => {
    expect(() => monitor({ iterationsPerExecution: 300 })).toThrow(
      "workflow 'Watch', state 'WatchShouldContinueAsNew': 300 iterations of 36 events each (plus 11) exceed the history budget of 10000 events. Fix: use at most 277 iterationsPerExecution, or raise historyBudget.",
    );
  });
});
