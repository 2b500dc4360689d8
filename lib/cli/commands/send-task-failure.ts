import { CLIENT_FLAGS, CLIENT_USAGE } from '../client-flags';
import { UsageError, type Command } from '../command';
import { endpointOf } from '../endpoint';
import { parseFlags } from '../parse-flags';
import { callService, sfnClient } from '../sfn-client';

const usage = `Usage: sagaflow send-task-failure --task-token TOKEN [--error E] [--cause C] [options]

Fails the task waiting on TOKEN; its Retry and Catch rules see ERROR and CAUSE.

  --task-token TOKEN  the token the task handed out
  --error E           the error name (up to 256 characters)
  --cause C           a longer explanation (up to 32768 characters)
${CLIENT_USAGE}`;

export const sendTaskFailure: Command = {
  summary: 'fail a waiting task with an error and cause',
  usage,
  async run(argv) {
    const { flags, positionals } = parseFlags(argv, { ...CLIENT_FLAGS, 'task-token': { type: 'string' }, error: { type: 'string' }, cause: { type: 'string' } });
    if (positionals.length) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    if (flags['task-token'] === undefined) throw new UsageError('--task-token is required');
    const endpoint = endpointOf(flags);
    const client = sfnClient(endpoint, flags.region);
    const { SendTaskFailureCommand } = require('@aws-sdk/client-sfn') as typeof import('@aws-sdk/client-sfn');
    try {
      await callService(endpoint, () => client.send(new SendTaskFailureCommand({ taskToken: flags['task-token'], error: flags.error, cause: flags.cause })));
      console.log(flags.json ? JSON.stringify({ sent: 'failure' }) : 'Task failed as asked.');
      return 0;
    } finally {
      client.destroy();
    }
  },
};
