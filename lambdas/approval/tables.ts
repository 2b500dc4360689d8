import type { TableAccess, TableSpec } from '../shared/table-spec';

/** The approval workflow's table: one item per request, `{requestId, taskToken, status, expiresAt, requester, description, …}`. */
export const ApprovalTables = {
  Approvals: { env: 'APPROVALS_TABLE', partitionKey: 'requestId' },
} as const satisfies Record<string, TableSpec>;

type ApprovalTable = keyof typeof ApprovalTables;

/** What each activity may do to which table: the CDK construct grants exactly this. */
export const ApprovalTableAccess: Record<string, TableAccess<ApprovalTable>> = {
  SendApprovalRequest: { Approvals: ['UpdateItem'] },
  ExecuteRequest: {},
  NotifyRejection: {},
  SendTimeoutNotification: { Approvals: ['UpdateItem'] },
};

/** The approve helper (behind the approval endpoint, not an activity of the workflow). */
export const ApproveTableAccess: TableAccess<ApprovalTable> = { Approvals: ['GetItem', 'UpdateItem'] };
