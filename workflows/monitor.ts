import { activity, Chain, Condition, choice, invoke, loop, path, workflow } from '../lib/builder';
import type { CheckHealthInput, CheckHealthOutput, SendAlertInput, SendAlertOutput } from '../lambdas/monitor/types';

export const CheckHealth = activity<CheckHealthInput, CheckHealthOutput>('CheckHealth', { entry: 'lambdas/monitor/check-health.ts' });
export const SendAlert = activity<SendAlertInput, SendAlertOutput>('SendAlert', { entry: 'lambdas/monitor/send-alert.ts' });

/**
 * The check's output merged with the input's url. `status` is absent when the check failed to
 * connect, and a JSONPath field naming an absent value fails the state, so merge instead.
 */
const alertPayload = path('States.JsonMerge($$.Execution.Input, $.health.Payload, false)');

/** Checks health every 5 minutes and alerts when unhealthy; continues as new before the history grows large. */
export const Monitor = workflow('Monitor', () => {
  const check = invoke(CheckHealth, { payload: { url: path('$.url') }, resultPath: '$.health' });
  const alertIfUnhealthy = choice('IsUnhealthy').when(
    Condition.booleanEquals('$.health.Payload.healthy', false),
    invoke(SendAlert, { payload: alertPayload, resultPath: null }),
  );
  return loop('Monitor', { body: Chain.start(check).next(alertIfUnhealthy), every: { seconds: 300 } });
}, { comment: 'Monitor: check, alert when unhealthy, wait, repeat; continue as new' });
