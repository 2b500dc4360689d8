import { CLIENT_FLAGS, CLIENT_USAGE } from '../client-flags';
import { UsageError, type Command } from '../command';
import { callAdmin } from '../admin-client';
import { formatDuration, parseDuration } from '../duration';
import { endpointOf } from '../endpoint';
import { listStateMachines, machineArnOf } from '../list-state-machines';
import { parseFlags } from '../parse-flags';
import { sfnClient } from '../sfn-client';

const CLOSED = ['SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED', 'PENDING_REDRIVE'];

const usage = `Usage: sagaflow purge [options]

Deletes closed executions and everything they stored (history, tokens, timers). Running executions
are never purged. With no option, every closed execution goes.

  --older-than D      only executions that closed more than D ago (30d, 12h, 90m …) by the service clock
  --status S,S        only these statuses: ${CLOSED.join(', ')}
  --state-machine ARN only this state machine's, by ARN or name
${CLIENT_USAGE}`;

export const purge: Command = {
  summary: 'delete closed executions, by age, status and state machine',
  usage,
  async run(argv) {
    const { flags, positionals } = parseFlags(argv, { ...CLIENT_FLAGS, 'older-than': { type: 'string' }, status: { type: 'string' }, 'state-machine': { type: 'string' } });
    if (positionals.length) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    const body: { olderThanMs?: number; statuses?: string[]; stateMachineArn?: string } = {};
    if (flags['older-than'] !== undefined) body.olderThanMs = parseDuration(flags['older-than'], '--older-than');
    if (flags.status !== undefined) {
      const statuses = flags.status.split(',').map((s) => s.trim().toUpperCase()).filter(Boolean);
      const wrong = statuses.filter((s) => !CLOSED.includes(s));
      if (statuses.length === 0 || wrong.length) throw new UsageError(`--status takes closed statuses (${CLOSED.join(', ')}); not ${wrong.join(', ') || 'nothing'}`);
      body.statuses = statuses;
    }
    const endpoint = endpointOf(flags);
    const wanted = flags['state-machine'];
    if (wanted !== undefined) body.stateMachineArn = wanted.startsWith('arn:') ? wanted : machineArnOf(await listStateMachines(sfnClient(endpoint, flags.region), endpoint), wanted);
    const { purged } = await callAdmin<{ purged: number }>(endpoint, 'POST', 'purge', body);
    if (flags.json) console.log(JSON.stringify({ purged }));
    else {
      const scope = [body.statuses?.join('/'), body.olderThanMs && `closed over ${formatDuration(body.olderThanMs)} ago`].filter(Boolean).join(', ');
      console.log(`Purged ${purged} execution${purged === 1 ? '' : 's'}${scope ? ` (${scope})` : ''}.`);
    }
    return 0;
  },
};
