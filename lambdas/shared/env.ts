import { ConfigurationError } from './errors';
import type { TableSpec } from './table-spec';

/** The deployed name of a table, read when the handler runs (the local service sets it per function). */
export function tableName(table: TableSpec): string {
  const name = process.env[table.env];
  if (!name) throw new ConfigurationError(`the environment variable ${table.env} (a DynamoDB table name) is not set`);
  return name;
}
