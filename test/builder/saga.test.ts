import { Condition, choice, invoke, pass, path, saga, workflow } from '../../lib/builder';
import { expectValidAsl } from './expect-valid-asl';
import { Charge, LAMBDA, LAMBDA_RETRY, Refund, Release, Reserve, Ship } from './fixtures';

const orderId = path('$.orderId');

function orderSaga(onFailure?: Parameters<typeof saga>[1]['onFailure']) {
  return workflow('Saga', () =>
    saga('Order', {
      steps: [
        { run: invoke(Reserve, { payload: { orderId }, resultPath: '$.reservation' }), compensate: invoke(Release, { payload: { orderId }, resultPath: null, retry: [{ maxAttempts: 5 }] }) },
        { run: invoke(Charge, { payload: { orderId, amount: path('$.amount') }, resultPath: '$.payment', retry: [{ errors: ['Busy'], intervalSeconds: 2, maxAttempts: 4, backoffRate: 1.5, maxDelaySeconds: 30, jitter: 'FULL' }] }), compensate: invoke(Refund, { payload: { orderId }, resultPath: null, retryLambdaErrors: false }) },
        invoke(Ship, { payload: { orderId }, resultPath: '$.shipment' }),
      ],
      ...(onFailure && { onFailure }),
    }),
  ).compile();
}

describe('saga', () => {
  it('compensates the completed steps in reverse order, then fails with the original error and cause', () => {
    const { definition, activities } = orderSaga();
    expect(definition).toEqual({
      StartAt: 'Reserve',
      States: {
        Reserve: {
          Type: 'Task', Resource: LAMBDA,
          Parameters: { FunctionName: '${ReserveFunctionArn}', Payload: { 'orderId.$': '$.orderId' } },
          ResultSelector: { 'Payload.$': '$.Payload' }, ResultPath: '$.reservation',
          Retry: [LAMBDA_RETRY],
          Next: 'Charge',
        },
        Charge: {
          Type: 'Task', Resource: LAMBDA,
          Parameters: { FunctionName: '${ChargeFunctionArn}', Payload: { 'orderId.$': '$.orderId', 'amount.$': '$.amount' } },
          ResultSelector: { 'Payload.$': '$.Payload' }, ResultPath: '$.payment',
          Retry: [LAMBDA_RETRY, { ErrorEquals: ['Busy'], IntervalSeconds: 2, MaxAttempts: 4, BackoffRate: 1.5, MaxDelaySeconds: 30, JitterStrategy: 'FULL' }],
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Release', ResultPath: '$.error' }],
          Next: 'Ship',
        },
        Ship: {
          Type: 'Task', Resource: LAMBDA,
          Parameters: { FunctionName: '${ShipFunctionArn}', Payload: { 'orderId.$': '$.orderId' } },
          ResultSelector: { 'Payload.$': '$.Payload' }, ResultPath: '$.shipment',
          Retry: [LAMBDA_RETRY],
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Refund', ResultPath: '$.error' }],
          End: true,
        },
        Refund: {
          Type: 'Task', Resource: LAMBDA,
          Parameters: { FunctionName: '${RefundFunctionArn}', Payload: { 'orderId.$': '$.orderId' } },
          ResultPath: null,
          Next: 'Release',
        },
        Release: {
          Type: 'Task', Resource: LAMBDA,
          Parameters: { FunctionName: '${ReleaseFunctionArn}', Payload: { 'orderId.$': '$.orderId' } },
          ResultPath: null,
          Retry: [LAMBDA_RETRY, { ErrorEquals: ['States.ALL'], MaxAttempts: 5 }],
          Next: 'OrderFailed',
        },
        OrderFailed: { Type: 'Fail', ErrorPath: '$.error.Error', CausePath: '$.error.Cause' },
      },
    });
    expect(activities.map((a) => a.placeholder)).toEqual(['ReserveFunctionArn', 'ChargeFunctionArn', 'ShipFunctionArn', 'RefundFunctionArn', 'ReleaseFunctionArn']);
    expect(activities[0]).toEqual({ name: 'Reserve', placeholder: 'ReserveFunctionArn', entry: 'lambdas/test/reserve.ts', handler: 'handler', timeoutSeconds: 30 });
    expectValidAsl(definition);
  });

  it('can end with a result instead of a Fail, catching every step', () => {
    const { definition } = orderSaga({ kind: 'result', result: { status: 'failed', error: path('$.error.Error') } });
    expect(definition.States.Reserve).toMatchObject({ Catch: [{ ErrorEquals: ['States.ALL'], Next: 'OrderFailed', ResultPath: '$.error' }] });
    expect(definition.States.OrderFailed).toEqual({ Type: 'Pass', Parameters: { status: 'failed', 'error.$': '$.error.Error' }, End: true });
    expectValidAsl(definition);
  });

  it('exits early from a choice step without running the later steps', () => {
    const { definition } = workflow('Early', () =>
      saga('Order', {
        steps: [
          invoke(Reserve, { payload: { orderId }, resultPath: '$.validation' }),
          choice('IsValid').when(Condition.booleanEquals('$.validation.Payload.valid', false), pass('Rejected', { parameters: { status: 'rejected' } }).end()),
          pass('Done', { parameters: { status: 'ok' } }),
        ],
      }),
    ).compile();
    expect(definition.States.IsValid).toEqual({
      Type: 'Choice',
      Choices: [{ Variable: '$.validation.Payload.valid', BooleanEquals: false, Next: 'Rejected' }],
      Default: 'Done',
    });
    expect(definition.States.Rejected).toEqual({ Type: 'Pass', Parameters: { status: 'rejected' }, End: true });
    expect(definition.States.Done).toEqual({ Type: 'Pass', Parameters: { status: 'ok' }, End: true });
    expectValidAsl(definition);
  });

  it('compensates a step on its own errors that leave its work in doubt, before the earlier steps', () => {
    const { definition } = workflow('Doubt', () =>
      saga('Order', {
        steps: [
          { run: invoke(Reserve, { payload: { orderId }, resultPath: '$.reservation', timeoutSeconds: 10 }), compensate: invoke(Release, { payload: { orderId }, resultPath: null }), compensateOn: ['States.Timeout'] },
          { run: invoke(Charge, { payload: { orderId, amount: path('$.amount') }, resultPath: '$.payment', timeoutSeconds: 5 }), compensate: invoke(Refund, { payload: { orderId }, resultPath: null }), compensateOn: ['States.Timeout', 'Lambda.Unknown'] },
        ],
      }),
    ).compile();
    // The first step has nothing before it: only its own doubtful errors are caught.
    expect(definition.States.Reserve).toMatchObject({ Catch: [{ ErrorEquals: ['States.Timeout'], Next: 'Release', ResultPath: '$.error' }] });
    // The second undoes itself on its doubtful errors, and the first step on any error.
    expect(definition.States.Charge).toMatchObject({
      Catch: [
        { ErrorEquals: ['States.Timeout', 'Lambda.Unknown'], Next: 'Refund', ResultPath: '$.error' },
        { ErrorEquals: ['States.ALL'], Next: 'Release', ResultPath: '$.error' },
      ],
    });
    expect(definition.States.Refund).toMatchObject({ Next: 'Release' });
    expect(definition.States.Release).toMatchObject({ Next: 'OrderFailed' });
    expectValidAsl(definition);
  });

  it('refuses compensateOn without a compensation, or with States.ALL', () => {
    const build = (step: Parameters<typeof saga>[1]['steps'][number]) => () => workflow('Bad', () => saga('Order', { steps: [step] })).compile();
    expect(build({ run: invoke(Reserve, { payload: { orderId } }), compensateOn: ['States.Timeout'] })).toThrow(/workflow 'Bad', state 'Reserve': the step names errors to compensate itself on, but has no compensation\. Fix: give the step a compensate activity, or drop compensateOn/);
    expect(build({ run: invoke(Reserve, { payload: { orderId } }), compensate: invoke(Release, { payload: { orderId }, resultPath: null }), compensateOn: ['States.ALL'] })).toThrow(/compensateOn lists States\.ALL/);
  });
});
