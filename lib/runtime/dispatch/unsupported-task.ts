import type { RuntimeContext } from '../runtime-context';
import { serviceErrorPrefix } from './service-error-prefix';
import { reportStarted, type TaskHandler, type TaskRun } from './task-run';

const RUNS = 'It runs Lambda (function ARNs and lambda:invoke), activities, states:startExecution and the optimised DynamoDB getItem, putItem, updateItem and deleteItem.';

/**
 * A resource the local service has no integration for fails as AWS fails a task whose service it
 * cannot reach: TaskStarted, then TaskFailed `<Service>.SdkClientException` with the SDK's
 * "Unable to execute HTTP request: …" (test_task_service_sqs test_send_message_no_such_queue,
 * recorded on AWS). That error is an ordinary task failure, so Retry and Catch apply; a service
 * whose prefix AWS was not seen to use fails as States.TaskFailed, which the same catchers take.
 */
export function unsupportedTasks(_ctx: RuntimeContext): TaskHandler {
  return {
    async run(task: TaskRun) {
      reportStarted(task);
      const prefix = serviceErrorPrefix(task.command.integration.service);
      await task.report({
        kind: 'TaskFailed',
        error: prefix === undefined ? 'States.TaskFailed' : `${prefix}.SdkClientException`,
        cause: `Unable to execute HTTP request: the local service has no integration for the resource '${task.command.resource}'. ${RUNS}`,
      });
    },
  };
}
