import { CLIENT_USAGE } from '../client-flags';
import type { Command } from '../command';
import { onExecution } from '../execution-command';
import { EXECUTION_REF_USAGE } from '../execution-ref';
import { textTable } from '../text-table';
import { waitingTasks, waitsForText } from '../waiting-tasks';

const usage = `Usage: sagaflow tasks EXECUTION [options]

Lists the tasks of a running execution that wait with a task token: the Task state, what
completes it (a callback, or an activity worker) and the token, for send-task-success (an
activity's token shows once a worker took it, as on AWS).
${EXECUTION_REF_USAGE}

${CLIENT_USAGE}`;

export const tasks: Command = {
  summary: "list a running execution's tasks that wait for a callback, with their tokens",
  usage,
  run: (argv) =>
    onExecution(argv, {}, async ({ flags, ref, executionArn, endpoint }) => {
      const waiting = await waitingTasks(endpoint, executionArn);
      if (flags.json) {
        console.log(JSON.stringify({ executionArn, tasks: waiting }, null, 2));
        return 0;
      }
      if (waiting.length === 0) {
        console.log(`No task of ${ref} waits with a task token.`);
        return 0;
      }
      console.log(textTable(['STATE', 'WAITS FOR', 'RESOURCE', 'TASK TOKEN'], waiting.map((t) => [t.stateName, waitsForText(t), t.resource, t.taskToken ?? '-'])));
      return 0;
    }),
};
