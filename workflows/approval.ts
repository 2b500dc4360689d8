import { activity, Condition, Context, choice, invoke, pass, path, waitForCallback, workflow } from '../lib/builder';
import type {
  ApprovalDecision, ExecuteRequestInput, ExecuteRequestOutput, NotifyRejectionInput, NotifyRejectionOutput,
  SendApprovalRequestInput, SendTimeoutNotificationInput, SendTimeoutNotificationOutput,
} from '../lambdas/approval/types';

/** Sends the request with a task token; its result is the decision the approver sends back. */
export const SendApprovalRequest = activity<SendApprovalRequestInput, ApprovalDecision>('SendApprovalRequest', { entry: 'lambdas/approval/send-approval-request.ts' });
export const ExecuteRequest = activity<ExecuteRequestInput, ExecuteRequestOutput>('ExecuteRequest', { entry: 'lambdas/approval/execute-request.ts' });
export const NotifyRejection = activity<NotifyRejectionInput, NotifyRejectionOutput>('NotifyRejection', { entry: 'lambdas/approval/notify-rejection.ts' });
export const SendTimeoutNotification = activity<SendTimeoutNotificationInput, SendTimeoutNotificationOutput>('SendTimeoutNotification', { entry: 'lambdas/approval/send-timeout-notification.ts' });

const DAY = 24 * 60 * 60;
/**
 * The request's fields merged with the decision's. The decision's `reason` and `approver` are
 * optional, and a JSONPath field naming an absent value fails the state, so merge instead.
 */
const requestAndDecision = path('States.JsonMerge($$.Execution.Input, $.decision, false)');

/** Asks for approval and waits up to 24 hours: executes the request, reports the rejection, or notifies the timeout. */
export const Approval = workflow('Approval', () => {
  const requestId = path('$.requestId');
  const timedOut = invoke(SendTimeoutNotification, { payload: { requestId }, resultPath: null })
    .next(pass('ApprovalTimedOut', { parameters: { status: 'timed_out', requestId } }));
  const decision = waitForCallback(SendApprovalRequest, {
    name: 'WaitForApproval',
    payload: {
      requestId,
      requester: path('$.requester'),
      description: path('$.description'),
      taskToken: Context.taskToken,
      timeoutSeconds: DAY,
    },
    timeoutSeconds: DAY,
    resultPath: '$.decision',
    onTimeout: timedOut,
  });
  const approved = invoke(ExecuteRequest, { payload: requestAndDecision, resultPath: '$.execution' })
    .next(pass('RequestExecuted', { parameters: { status: 'approved', requestId, executed: path('$.execution.Payload.executed') } }));
  const rejected = invoke(NotifyRejection, { payload: requestAndDecision, resultPath: null })
    .next(pass('RequestRejected', { parameters: { status: 'rejected', requestId } }));
  return decision.next(
    choice('IsApproved').when(Condition.booleanEquals('$.decision.approved', true), approved).otherwise(rejected),
  );
}, { comment: 'Human approval with a 24-hour callback timeout' });
