import type { TableAccess, TableSpec } from '../shared/table-spec';

/** The monitor's table: one item per alert, `{alertId, url, status?, checkedAt, error?, recordedAt}`. */
export const MonitorTables = {
  Alerts: { env: 'ALERTS_TABLE', partitionKey: 'alertId' },
} as const satisfies Record<string, TableSpec>;

type MonitorTable = keyof typeof MonitorTables;

/** What each activity may do to which table: the CDK construct grants exactly this. */
export const MonitorTableAccess: Record<string, TableAccess<MonitorTable>> = {
  CheckHealth: {},
  SendAlert: { Alerts: ['PutItem'] },
};
