import { decideApproval, readApproveInput } from './decide-approval';
import { httpApiCaller, httpApiPayload, isHttpApiEvent, jsonResponse, type HttpApiEvent, type HttpApiResponse } from './http-api-event';
import { ApprovalErrors, type ApproveInput, type ApproveOutput } from './types';

/** HTTP status for each error a caller can act on; anything else is a server fault and fails the invocation. */
const HTTP_STATUS: Record<string, number> = {
  [ApprovalErrors.InvalidInput]: 400,
  [ApprovalErrors.ApprovalNotFound]: 404,
  [ApprovalErrors.ApprovalAlreadyDecided]: 409,
  [ApprovalErrors.ApprovalExpired]: 410,
};

/**
 * The approve helper: `{requestId, decision: 'approve'|'reject', reason?, approver?}`, invoked
 * directly (`sagaflow invoke Approve`, `aws lambda invoke`) or through the approval endpoint's
 * HTTP API (`POST /approvals/{requestId}` with the rest as the JSON body). Directly it returns
 * `{requestId, status}` or throws the named error; over HTTP it answers 200 with the same, or
 * 4xx with `{errorType, errorMessage}`. Over HTTP the approver defaults to the signing IAM identity.
 */
export async function handler(event: ApproveInput): Promise<ApproveOutput>;
export async function handler(event: HttpApiEvent): Promise<HttpApiResponse>;
export async function handler(event: ApproveInput | HttpApiEvent): Promise<ApproveOutput | HttpApiResponse> {
  if (!isHttpApiEvent(event)) return decideApproval(readApproveInput(event));
  try {
    const input = readApproveInput(httpApiPayload(event));
    return jsonResponse(200, await decideApproval({ ...input, approver: input.approver ?? httpApiCaller(event) }));
  } catch (err) {
    const e = err as Error;
    const status = HTTP_STATUS[e.name];
    if (status === undefined) throw err;
    return jsonResponse(status, { errorType: e.name, errorMessage: e.message });
  }
}
