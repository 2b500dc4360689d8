import type { ExecutionListItem, ExecutionStatus, ListExecutionsCommandOutput } from '@aws-sdk/client-sfn';
import { CLIENT_FLAGS, CLIENT_USAGE, isoOrNull, shortTime } from '../client-flags';
import { UsageError, type Command } from '../command';
import { formatDuration } from '../duration';
import { endpointOf } from '../endpoint';
import { listStateMachines, machineArnOf } from '../list-state-machines';
import { parseFlags } from '../parse-flags';
import { callService, sfnClient } from '../sfn-client';
import { textTable } from '../text-table';

const STATUSES: readonly ExecutionStatus[] = ['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED', 'PENDING_REDRIVE'];

const usage = `Usage: sagaflow executions [options]

Lists executions, newest first: name, status, start and duration.

  --state-machine ARN only this state machine's, by ARN or name (default: every one's)
  --status S          only ${STATUSES.join(', ')}
  --limit N           at most N executions (default 20)
${CLIENT_USAGE}`;

const flags = { ...CLIENT_FLAGS, 'state-machine': { type: 'string' }, status: { type: 'string' }, limit: { type: 'string' } } as const;

export const executions: Command = {
  summary: 'list executions: name, status, start, duration',
  usage,
  async run(argv) {
    const { flags: f, positionals } = parseFlags(argv, flags);
    if (positionals.length) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    const status = f.status?.toUpperCase() as ExecutionStatus | undefined;
    if (status !== undefined && !STATUSES.includes(status)) throw new UsageError(`--status must be one of ${STATUSES.join(', ')} (got '${f.status}')`);
    const limit = f.limit === undefined ? 20 : Number(f.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit must be a positive whole number (got '${f.limit}')`);

    const endpoint = endpointOf(f);
    const client = sfnClient(endpoint, f.region);
    const { ListExecutionsCommand } = require('@aws-sdk/client-sfn') as typeof import('@aws-sdk/client-sfn');
    try {
      const machines = await listStateMachines(client, endpoint);
      // AWS keeps no list of EXPRESS executions (ListExecutions refuses such a machine).
      let targets = machines.filter((m) => m.type !== 'EXPRESS').map((m) => m.stateMachineArn!);
      if (f['state-machine'] !== undefined) targets = [machineArnOf(machines, f['state-machine'])];
      const found: ExecutionListItem[] = [];
      for (const stateMachineArn of targets) {
        let nextToken: string | undefined;
        let taken = 0;
        do {
          const page: ListExecutionsCommandOutput = await callService(endpoint, () =>
            client.send(new ListExecutionsCommand({ stateMachineArn, statusFilter: status, maxResults: Math.min(1000, limit - taken), nextToken })),
          );
          found.push(...(page.executions ?? []));
          taken += page.executions?.length ?? 0;
          nextToken = page.nextToken;
        } while (nextToken && taken < limit);
      }
      const rows = found.sort((a, b) => b.startDate!.getTime() - a.startDate!.getTime()).slice(0, limit);
      const nameOf = new Map(machines.map((m) => [m.stateMachineArn, m.name]));
      if (f.json) {
        const list = rows.map((e) => ({
          executionArn: e.executionArn,
          stateMachineArn: e.stateMachineArn,
          name: e.name,
          status: e.status,
          startDate: isoOrNull(e.startDate),
          stopDate: isoOrNull(e.stopDate),
          durationMs: e.stopDate ? e.stopDate.getTime() - e.startDate!.getTime() : null,
        }));
        console.log(JSON.stringify({ executions: list }, null, 2));
        return 0;
      }
      if (rows.length === 0) {
        console.log(status ? `No ${status} executions.` : 'No executions.');
        return 0;
      }
      const several = targets.length > 1;
      const header = [...(several ? ['STATE MACHINE'] : []), 'NAME', 'STATUS', 'START', 'DURATION'];
      console.log(
        textTable(
          header,
          rows.map((e) => [
            ...(several ? [nameOf.get(e.stateMachineArn) ?? e.stateMachineArn!.split(':').pop()!] : []),
            e.name!,
            e.status!,
            shortTime(e.startDate),
            e.stopDate ? formatDuration(e.stopDate.getTime() - e.startDate!.getTime()) : 'running',
          ]),
        ),
      );
      return 0;
    } finally {
      client.destroy();
    }
  },
};
