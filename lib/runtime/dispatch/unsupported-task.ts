import type { RuntimeContext } from '../runtime-context';
import type { TaskHandler, TaskRun } from './task-run';

/**
 * A resource the local service has no integration for: the task fails the way AWS fails a task
 * whose service call it cannot make, so Retry and Catch still apply and the service keeps running.
 */
export function unsupportedTasks(_ctx: RuntimeContext): TaskHandler {
  return {
    async run(task: TaskRun) {
      await task.report({
        kind: 'TaskFailed',
        error: 'States.Runtime',
        cause: `The local service has no integration for the resource '${task.command.resource}'. It runs Lambda (function ARNs and lambda:invoke), activities, states:startExecution and the optimised DynamoDB getItem, putItem, updateItem and deleteItem.`,
      });
    },
  };
}
