import { activity } from '../../lib/builder';

/** Small activities for pattern tests. */
export const Reserve = activity<{ orderId: string }, { reservationId: string }>('Reserve', { entry: 'lambdas/test/reserve.ts' });
export const Release = activity<{ orderId: string }, { released: boolean }>('Release', { entry: 'lambdas/test/release.ts' });
export const Charge = activity<{ orderId: string; amount: number }, { paymentId: string }>('Charge', { entry: 'lambdas/test/charge.ts' });
export const Refund = activity<{ orderId: string }, { refunded: boolean }>('Refund', { entry: 'lambdas/test/refund.ts' });
export const Ship = activity<{ orderId: string }, { tracking: string }>('Ship', { entry: 'lambdas/test/ship.ts' });
export const Work = activity<{ id: string; value: number }, { id: string; result: number }>('Work', { entry: 'lambdas/test/work.ts' });
export const Ask = activity<{ id: string; token: string }, { approved: boolean; reason?: string }>('Ask', { entry: 'lambdas/test/ask.ts' });
export const Notify = activity<{ id: string }, { notified: boolean }>('Notify', { entry: 'lambdas/test/notify.ts' });

/** What every activity task renders for Lambda's transient errors. */
export const LAMBDA_RETRY = {
  ErrorEquals: ['Lambda.ServiceException', 'Lambda.AWSLambdaException', 'Lambda.SdkClientException', 'Lambda.TooManyRequestsException'],
  IntervalSeconds: 1,
  MaxAttempts: 3,
  BackoffRate: 2,
  JitterStrategy: 'FULL',
};
export const LAMBDA = 'arn:aws:states:::lambda:invoke';
