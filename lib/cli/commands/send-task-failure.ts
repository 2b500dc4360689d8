import { CLIENT_FLAGS, CLIENT_USAGE } from '../client-flags';
import { UsageError, type Command } from '../command';
import { endpointOf } from '../endpoint';
import { parseFlags } from '../parse-flags';
import { callService, sfnClient } from '../sfn-client';
import { TASK_FLAGS, TASK_USAGE, taskTokenOf } from '../waiting-tasks';

const usage = `Usage: sagaflow send-task-failure (--task-token TOKEN | --execution EXEC) [--error E] [--cause C] [options]

Fails a waiting task; its Retry and Catch rules see ERROR and CAUSE.

${TASK_USAGE}
  --error E           the error name (up to 256 characters)
  --cause C           a longer explanation (up to 32768 characters)
${CLIENT_USAGE}`;

export const sendTaskFailure: Command = {
  summary: 'fail a waiting task with an error and cause',
  usage,
  async run(argv) {
    const { flags, positionals } = parseFlags(argv, { ...CLIENT_FLAGS, ...TASK_FLAGS, error: { type: 'string' }, cause: { type: 'string' } });
    if (positionals.length) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    const endpoint = endpointOf(flags);
    const client = sfnClient(endpoint, flags.region);
    const { SendTaskFailureCommand } = require('@aws-sdk/client-sfn') as typeof import('@aws-sdk/client-sfn');
    try {
      const taskToken = await taskTokenOf(client, endpoint, flags);
      await callService(endpoint, () => client.send(new SendTaskFailureCommand({ taskToken, error: flags.error, cause: flags.cause })));
      console.log(flags.json ? JSON.stringify({ sent: 'failure' }) : 'Task failed as asked.');
      return 0;
    } finally {
      client.destroy();
    }
  },
};
