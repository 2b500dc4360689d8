import { activity, Condition, choice, invoke, pass, path, saga, workflow } from '../lib/builder';
import type {
  ProcessPaymentInput, ProcessPaymentOutput, RefundPaymentInput, RefundPaymentOutput, ReleaseInventoryInput,
  ReleaseInventoryOutput, ReserveInventoryInput, ReserveInventoryOutput, ShipOrderInput, ShipOrderOutput,
  ValidateOrderInput, ValidateOrderOutput,
} from '../lambdas/order/types';

export const ValidateOrder = activity<ValidateOrderInput, ValidateOrderOutput>('ValidateOrder', { entry: 'lambdas/order/validate-order.ts' });
/** The function ends before the task's 10 s timeout, so a timed-out attempt is never still running when the retry starts. */
export const ReserveInventory = activity<ReserveInventoryInput, ReserveInventoryOutput>('ReserveInventory', { entry: 'lambdas/order/reserve-inventory.ts', timeoutSeconds: 8 });
export const ReleaseInventory = activity<ReleaseInventoryInput, ReleaseInventoryOutput>('ReleaseInventory', { entry: 'lambdas/order/release-inventory.ts' });
export const ProcessPayment = activity<ProcessPaymentInput, ProcessPaymentOutput>('ProcessPayment', { entry: 'lambdas/order/process-payment.ts' });
export const RefundPayment = activity<RefundPaymentInput, RefundPaymentOutput>('RefundPayment', { entry: 'lambdas/order/refund-payment.ts' });
export const ShipOrder = activity<ShipOrderInput, ShipOrderOutput>('ShipOrder', { entry: 'lambdas/order/ship-order.ts' });

/** Compensations must not give up on a transient fault: they retry any error, with backoff. */
const compensationRetry = [{ errors: ['States.ALL'], intervalSeconds: 1, maxAttempts: 5, backoffRate: 2, jitter: 'FULL' as const }];

/**
 * validate → (rejected? end) → reserve inventory → process payment → ship → {status, orderId, tracking}.
 * A failed payment releases the inventory; a failed shipment refunds the payment, then releases
 * the inventory; the execution then fails with the original error and cause.
 */
export const OrderSaga = workflow('OrderSaga', () => {
  const validate = invoke(ValidateOrder, { resultPath: '$.validation' });
  const rejectInvalid = choice('IsOrderValid').when(
    Condition.booleanEquals('$.validation.Payload.valid', false),
    pass('OrderRejected', { parameters: { status: 'rejected', orderId: path('$.orderId'), reason: validate.output('reason') } }).end(),
  );
  const ship = invoke(ShipOrder, { payload: path('$'), resultPath: '$.shipment' });
  return saga('Order', {
    steps: [
      validate,
      rejectInvalid,
      {
        run: invoke(ReserveInventory, {
          payload: { orderId: path('$.orderId'), items: path('$.items') },
          resultPath: '$.reservation',
          timeoutSeconds: 10,
          retry: [{ errors: ['States.Timeout'], intervalSeconds: 2, maxAttempts: 2, backoffRate: 2 }],
        }),
        // A reservation that timed out may still have taken stock: release it (release is safe when nothing was taken).
        compensateOn: ['States.Timeout', 'Sandbox.Timedout'],
        compensate: invoke(ReleaseInventory, { name: 'ReleaseInventory', payload: { orderId: path('$.orderId') }, resultPath: null, retry: compensationRetry }),
      },
      {
        run: invoke(ProcessPayment, {
          payload: { orderId: path('$.orderId'), amount: validate.output('total'), cardNumber: path('$.cardNumber') },
          resultPath: '$.payment',
        }),
        compensate: invoke(RefundPayment, { payload: { orderId: path('$.orderId') }, resultPath: null, retry: compensationRetry }),
      },
      ship,
      pass('OrderCompleted', { parameters: { status: 'completed', orderId: path('$.orderId'), tracking: ship.output('tracking') } }),
    ],
  });
}, { comment: 'Order saga: reserve inventory, take payment, ship; compensate in reverse on failure' });
