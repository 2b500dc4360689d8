import { jsonLifting, restoreLifted } from './json-lift';
import type { ExecutionRecord } from './records';
import type { ExecutionRow } from './sqlite-statements';

/** An execution record as its row: input and output (up to 256 KiB each) lifted out of the JSON. */
export function encodeExecution(record: ExecutionRecord): { doc: string; input: string | null; output: string | null } {
  const input = typeof record.input === 'string' ? record.input : null;
  const output = typeof record.output === 'string' ? record.output : null;
  const lifted = [...(input === null ? [] : ['input']), ...(output === null ? [] : ['output'])];
  return { doc: jsonLifting(record, record, lifted), input, output };
}

export function decodeExecution(row: ExecutionRow): ExecutionRecord {
  const record = JSON.parse(row.doc) as ExecutionRecord & Record<string, unknown>;
  if (row.input !== null) restoreLifted(record, 'input', row.input);
  if (row.output !== null) restoreLifted(record, 'output', row.output);
  if (row.event_count !== null) record.eventCount = row.event_count;
  return record;
}
