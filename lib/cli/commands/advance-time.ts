import { CLIENT_FLAGS, CLIENT_USAGE } from '../client-flags';
import type { Command } from '../command';
import { callAdmin } from '../admin-client';
import { formatDuration, parseDuration } from '../duration';
import { endpointOf } from '../endpoint';
import { onePositional, parseFlags } from '../parse-flags';

const usage = `Usage: sagaflow advance-time DURATION [options]

Moves a virtual clock forward (a service started with --clock virtual). Waits, retry back-offs,
task and heartbeat timeouts that fall due fire in order, as if that much time had passed.

  DURATION            90s, 5m, 24h, 1d, 1h30m, or a number of milliseconds
${CLIENT_USAGE}`;

export const advanceTime: Command = {
  summary: "move the service's virtual clock forward",
  usage,
  async run(argv) {
    const { flags, positionals } = parseFlags(argv, CLIENT_FLAGS);
    const ms = parseDuration(onePositional(positionals, 'duration'), 'DURATION');
    const endpoint = endpointOf(flags);
    const { now, fired } = await callAdmin<{ now: number; fired: number }>(endpoint, 'POST', 'clock/advance', { ms });
    const iso = new Date(now).toISOString();
    if (flags.json) console.log(JSON.stringify({ advancedMs: ms, now, iso, fired }));
    else console.log(`Advanced ${formatDuration(ms)}: the service clock is now ${iso}; ${fired} timer${fired === 1 ? '' : 's'} fired.`);
    return 0;
  },
};
