import { CLIENT_FLAGS, CLIENT_USAGE } from '../client-flags';
import { UsageError, type Command } from '../command';
import { endpointOf } from '../endpoint';
import { parseFlags } from '../parse-flags';
import { callService, sfnClient } from '../sfn-client';

const usage = `Usage: sagaflow send-task-success --task-token TOKEN --output JSON [options]

Completes the task waiting on TOKEN (a .waitForTaskToken task or an activity) with OUTPUT.

  --task-token TOKEN  the token the task handed out
  --output JSON       the task's result, a JSON document
${CLIENT_USAGE}`;

export const sendTaskSuccess: Command = {
  summary: 'complete a waiting task with its output',
  usage,
  async run(argv) {
    const { flags, positionals } = parseFlags(argv, { ...CLIENT_FLAGS, 'task-token': { type: 'string' }, output: { type: 'string' } });
    if (positionals.length) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    if (flags['task-token'] === undefined) throw new UsageError('--task-token is required');
    if (flags.output === undefined) throw new UsageError('--output is required (a JSON document, e.g. \'{"approved": true}\')');
    const endpoint = endpointOf(flags);
    const client = sfnClient(endpoint, flags.region);
    const { SendTaskSuccessCommand } = require('@aws-sdk/client-sfn') as typeof import('@aws-sdk/client-sfn');
    try {
      await callService(endpoint, () => client.send(new SendTaskSuccessCommand({ taskToken: flags['task-token'], output: flags.output })));
      console.log(flags.json ? JSON.stringify({ sent: 'success' }) : 'Task completed (success).');
      return 0;
    } finally {
      client.destroy();
    }
  },
};
