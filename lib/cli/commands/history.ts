import type { HistoryEvent } from '@aws-sdk/client-sfn';
import { CLIENT_USAGE } from '../client-flags';
import type { Command } from '../command';
import { onExecution } from '../execution-command';
import { EXECUTION_REF_USAGE } from '../execution-ref';
import { formatOffset, timeline } from '../history-timeline';
import { callService } from '../sfn-client';
import { textTable } from '../text-table';

const usage = `Usage: sagaflow history EXECUTION [options]

Shows an execution's history as a timeline: time from the start, event id, event type, state,
and the details that matter (resource, error and cause, short payloads).
${EXECUTION_REF_USAGE}

  --reverse           newest event first
${CLIENT_USAGE}`;

export const history: Command = {
  summary: "show an execution's history as a readable timeline",
  usage,
  run: (argv) =>
    onExecution(argv, { reverse: { type: 'boolean' } } as const, async ({ flags, executionArn, endpoint, client }) => {
      const { GetExecutionHistoryCommand } = require('@aws-sdk/client-sfn') as typeof import('@aws-sdk/client-sfn');
      const events: HistoryEvent[] = [];
      let nextToken: string | undefined;
      do {
        const page = await callService(endpoint, () => client.send(new GetExecutionHistoryCommand({ executionArn, reverseOrder: flags.reverse, maxResults: 1000, nextToken })));
        events.push(...(page.events ?? []));
        nextToken = page.nextToken;
      } while (nextToken);
      const rows = events.length ? timeline(events) : [];
      if (flags.json) {
        const out = events.map((e, i) => ({ ...e, timestamp: e.timestamp?.toISOString(), offsetMs: rows[i].offsetMs, state: rows[i].state ?? null }));
        console.log(JSON.stringify({ events: out }, null, 2));
        return 0;
      }
      if (rows.length === 0) {
        console.log('No events.');
        return 0;
      }
      console.log(textTable(['TIME', 'ID', 'EVENT', 'STATE', 'DETAILS'], rows.map((r) => [formatOffset(r.offsetMs), String(r.id), r.type, r.state ?? '', r.details])));
      return 0;
    }),
};
