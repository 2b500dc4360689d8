import * as app from '../../workflows';
import { isWorkflow } from '../../lib/builder';
import { expectValidAsl } from './expect-valid-asl';
import { LAMBDA, LAMBDA_RETRY } from './fixtures';

/** A lambda:invoke task as the builder renders it. */
function lambdaTask(fn: string, payload: Record<string, unknown> | string, rest: Record<string, unknown>) {
  return {
    Type: 'Task',
    Resource: LAMBDA,
    Parameters: { FunctionName: `\${${fn}FunctionArn}`, ...(typeof payload === 'string' ? { 'Payload.$': payload } : { Payload: payload }) },
    ...rest,
  };
}
const stored = (resultPath: string) => ({ ResultSelector: { 'Payload.$': '$.Payload' }, ResultPath: resultPath });
const compensationRetry = [LAMBDA_RETRY, { ErrorEquals: ['States.ALL'], IntervalSeconds: 1, MaxAttempts: 5, BackoffRate: 2, JitterStrategy: 'FULL' }];

describe('the example app', () => {
  const compiled = Object.values(app).filter(isWorkflow).map((w) => w.compile());

  it('exports the four orchestrations, each valid ASL', () => {
    expect(compiled.map((c) => c.name).sort()).toEqual(['Approval', 'FanOut', 'Monitor', 'OrderSaga']);
    for (const c of compiled) expectValidAsl(c.definition);
  });

  it('OrderSaga: validate, reserve with retry, pay, ship; compensations in reverse; result {status, orderId, tracking}', () => {
    const { definition, activities, budget } = app.OrderSaga.compile();
    expect(definition).toEqual({
      Comment: 'Order saga: reserve inventory, take payment, ship; compensate in reverse on failure',
      StartAt: 'ValidateOrder',
      States: {
        ValidateOrder: lambdaTask('ValidateOrder', '$', { ...stored('$.validation'), Retry: [LAMBDA_RETRY], Next: 'IsOrderValid' }),
        IsOrderValid: { Type: 'Choice', Choices: [{ Variable: '$.validation.Payload.valid', BooleanEquals: false, Next: 'OrderRejected' }], Default: 'ReserveInventory' },
        OrderRejected: { Type: 'Pass', Parameters: { status: 'rejected', 'orderId.$': '$.orderId', 'reason.$': '$.validation.Payload.reason' }, End: true },
        ReserveInventory: lambdaTask('ReserveInventory', { 'orderId.$': '$.orderId', 'items.$': '$.items' }, {
          ...stored('$.reservation'),
          TimeoutSeconds: 10,
          Retry: [LAMBDA_RETRY, { ErrorEquals: ['States.Timeout'], IntervalSeconds: 2, MaxAttempts: 2, BackoffRate: 2 }],
          // A reservation that timed out may have taken stock: it is released before the saga fails.
          Catch: [{ ErrorEquals: ['States.Timeout', 'Sandbox.Timedout'], Next: 'ReleaseInventory', ResultPath: '$.error' }],
          Next: 'ProcessPayment',
        }),
        ProcessPayment: lambdaTask('ProcessPayment', { 'orderId.$': '$.orderId', 'amount.$': '$.validation.Payload.total', 'cardNumber.$': '$.cardNumber' }, {
          ...stored('$.payment'),
          Retry: [LAMBDA_RETRY],
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'ReleaseInventory', ResultPath: '$.error' }],
          Next: 'ShipOrder',
        }),
        ShipOrder: lambdaTask('ShipOrder', '$', {
          ...stored('$.shipment'),
          Retry: [LAMBDA_RETRY],
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'RefundPayment', ResultPath: '$.error' }],
          Next: 'OrderCompleted',
        }),
        OrderCompleted: { Type: 'Pass', Parameters: { status: 'completed', 'orderId.$': '$.orderId', 'tracking.$': '$.shipment.Payload.tracking' }, End: true },
        RefundPayment: lambdaTask('RefundPayment', { 'orderId.$': '$.orderId' }, { ResultPath: null, Retry: compensationRetry, Next: 'ReleaseInventory' }),
        ReleaseInventory: lambdaTask('ReleaseInventory', { 'orderId.$': '$.orderId' }, { ResultPath: null, Retry: compensationRetry, Next: 'OrderFailed' }),
        OrderFailed: { Type: 'Fail', ErrorPath: '$.error.Error', CausePath: '$.error.Cause' },
      },
    });
    expect(activities.map((a) => a.entry)).toEqual([
      'lambdas/order/validate-order.ts', 'lambdas/order/reserve-inventory.ts', 'lambdas/order/process-payment.ts',
      'lambdas/order/ship-order.ts', 'lambdas/order/refund-payment.ts', 'lambdas/order/release-inventory.ts',
    ]);
    // 1 + Validate 14 + Choice 2 + Reserve (5 + 5 retries × 3) 20 + Payment 14 + Ship 14 + Refund 29 + Release 29 + Fail 2.
    expect(budget).toEqual({ states: 10, definitionBytes: Buffer.byteLength(JSON.stringify(definition)), worstCaseEvents: 125 });
  });

  it('FanOut: process items in parallel, then aggregate {total, count}', () => {
    const { definition, budget } = app.FanOut.compile();
    expect(definition).toEqual({
      Comment: 'Fan-out/fan-in: process items in parallel, then aggregate',
      StartAt: 'ProcessItems',
      States: {
        ProcessItems: {
          Type: 'Map',
          ItemProcessor: {
            ProcessorConfig: { Mode: 'INLINE' },
            StartAt: 'ProcessItem',
            States: { ProcessItem: lambdaTask('ProcessItem', '$', { OutputPath: '$.Payload', Retry: [LAMBDA_RETRY], End: true }) },
          },
          ItemsPath: '$.items',
          MaxConcurrency: 10,
          ResultPath: '$.results',
          Next: 'AggregateResults',
        },
        AggregateResults: lambdaTask('AggregateResults', { 'results.$': '$.results' }, { OutputPath: '$.Payload', Retry: [LAMBDA_RETRY], End: true }),
      },
    });
    expect(budget).toEqual({ states: 3, definitionBytes: Buffer.byteLength(JSON.stringify(definition)), worstCaseEvents: 20, perItem: [{ state: 'ProcessItems', eventsPerItem: 16 }] });
  });

  it('Approval: request with the task token, 24-hour timeout, execute / report rejection / notify timeout', () => {
    const { definition, budget } = app.Approval.compile();
    const merged = 'States.JsonMerge($$.Execution.Input, $.decision, false)';
    expect(definition).toEqual({
      Comment: 'Human approval with a 24-hour callback timeout',
      StartAt: 'WaitForApproval',
      States: {
        WaitForApproval: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
          Parameters: {
            FunctionName: '${SendApprovalRequestFunctionArn}',
            Payload: { 'requestId.$': '$.requestId', 'requester.$': '$.requester', 'description.$': '$.description', 'taskToken.$': '$$.Task.Token', timeoutSeconds: 86400 },
          },
          ResultPath: '$.decision',
          TimeoutSeconds: 86400,
          Retry: [LAMBDA_RETRY],
          Catch: [{ ErrorEquals: ['States.Timeout'], Next: 'SendTimeoutNotification', ResultPath: '$.timeout' }],
          Next: 'IsApproved',
        },
        IsApproved: { Type: 'Choice', Choices: [{ Variable: '$.decision.approved', BooleanEquals: true, Next: 'ExecuteRequest' }], Default: 'NotifyRejection' },
        ExecuteRequest: lambdaTask('ExecuteRequest', merged, { ...stored('$.execution'), Retry: [LAMBDA_RETRY], Next: 'RequestExecuted' }),
        RequestExecuted: { Type: 'Pass', Parameters: { status: 'approved', 'requestId.$': '$.requestId', 'executed.$': '$.execution.Payload.executed' }, End: true },
        NotifyRejection: lambdaTask('NotifyRejection', merged, { ResultPath: null, Retry: [LAMBDA_RETRY], Next: 'RequestRejected' }),
        RequestRejected: { Type: 'Pass', Parameters: { status: 'rejected', 'requestId.$': '$.requestId' }, End: true },
        SendTimeoutNotification: lambdaTask('SendTimeoutNotification', { 'requestId.$': '$.requestId' }, { ResultPath: null, Retry: [LAMBDA_RETRY], Next: 'ApprovalTimedOut' }),
        ApprovalTimedOut: { Type: 'Pass', Parameters: { status: 'timed_out', 'requestId.$': '$.requestId' }, End: true },
      },
    });
    // 1 + callback (6 + 3 × 4) + Choice 2 + ExecuteRequest 14 + Pass 2 + 1.
    expect(budget.worstCaseEvents).toBe(38);
  });

  it('Monitor: check every 5 minutes, alert when unhealthy, continue as new within 10,000 events', () => {
    const { definition, budget } = app.Monitor.compile();
    expect(definition).toEqual({
      Comment: 'Monitor: check, alert when unhealthy, wait, repeat; continue as new',
      StartAt: 'MonitorStart',
      States: {
        MonitorStart: { Type: 'Pass', Result: { iteration: 0 }, ResultPath: '$.loop', Next: 'CheckHealth' },
        CheckHealth: lambdaTask('CheckHealth', { 'url.$': '$.url' }, { ...stored('$.health'), Retry: [LAMBDA_RETRY], Next: 'IsUnhealthy' }),
        IsUnhealthy: { Type: 'Choice', Choices: [{ Variable: '$.health.Payload.healthy', BooleanEquals: false, Next: 'SendAlert' }], Default: 'MonitorWait' },
        SendAlert: lambdaTask('SendAlert', 'States.JsonMerge($$.Execution.Input, $.health.Payload, false)', { ResultPath: null, Retry: [LAMBDA_RETRY], Next: 'MonitorWait' }),
        MonitorWait: { Type: 'Wait', Seconds: 300, Next: 'MonitorCount' },
        MonitorCount: { Type: 'Pass', Parameters: { 'iteration.$': 'States.MathAdd($.loop.iteration, 1)' }, ResultPath: '$.loop', Next: 'MonitorShouldContinueAsNew' },
        MonitorShouldContinueAsNew: {
          Type: 'Choice',
          Choices: [{ Variable: '$.loop.iteration', NumericGreaterThanEquals: 277, Next: 'MonitorContinueAsNew' }],
          Default: 'CheckHealth',
        },
        MonitorContinueAsNew: {
          Type: 'Task',
          Resource: 'arn:aws:states:::states:startExecution',
          Parameters: { 'StateMachineArn.$': '$$.StateMachine.Id', 'Input.$': '$$.Execution.Input' },
          ResultPath: null,
          Next: 'MonitorContinued',
        },
        MonitorContinued: { Type: 'Succeed' },
      },
    });
    expect(budget.loop).toEqual({ iterationsPerExecution: 277, eventsPerExecution: 9983, budget: 10_000 });
    expect(budget.worstCaseEvents).toBe(36);
  });
});
