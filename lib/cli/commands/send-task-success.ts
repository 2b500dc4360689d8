import { CLIENT_FLAGS, CLIENT_USAGE } from '../client-flags';
import { UsageError, type Command } from '../command';
import { endpointOf } from '../endpoint';
import { parseFlags } from '../parse-flags';
import { callService, sfnClient } from '../sfn-client';
import { TASK_FLAGS, TASK_USAGE, taskTokenOf } from '../waiting-tasks';

const usage = `Usage: sagaflow send-task-success (--task-token TOKEN | --execution EXEC) --output JSON [options]

Completes a waiting task (a .waitForTaskToken task or an activity) with OUTPUT.

${TASK_USAGE}
  --output JSON       the task's result, a JSON document
${CLIENT_USAGE}`;

export const sendTaskSuccess: Command = {
  summary: 'complete a waiting task with its output',
  usage,
  async run(argv) {
    const { flags, positionals } = parseFlags(argv, { ...CLIENT_FLAGS, ...TASK_FLAGS, output: { type: 'string' } });
    if (positionals.length) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    if (flags.output === undefined) throw new UsageError('--output is required (a JSON document, e.g. \'{"approved": true}\')');
    const endpoint = endpointOf(flags);
    const client = sfnClient(endpoint, flags.region);
    const { SendTaskSuccessCommand } = require('@aws-sdk/client-sfn') as typeof import('@aws-sdk/client-sfn');
    try {
      const taskToken = await taskTokenOf(client, endpoint, flags);
      await callService(endpoint, () => client.send(new SendTaskSuccessCommand({ taskToken, output: flags.output })));
      console.log(flags.json ? JSON.stringify({ sent: 'success' }) : 'Task completed (success).');
      return 0;
    } finally {
      client.destroy();
    }
  },
};
