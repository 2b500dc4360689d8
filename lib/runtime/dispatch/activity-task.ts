import type { ActivityQueue } from '../activities/activity-queue';
import type { RuntimeContext } from '../runtime-context';
import type { TaskHandler, TaskRun } from './task-run';

/**
 * Activity tasks: the engine's decision already queued the task in the store with its token; this
 * wakes a worker waiting in GetActivityTask. The worker reports with SendTask* and the token.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/concepts-activities.html
 */
export function activityTasks(ctx: RuntimeContext, queue: ActivityQueue): TaskHandler {
  return {
    async run(task: TaskRun) {
      const arn = task.command.resource;
      if (!ctx.store.getActivity(arn)) {
        // Nothing can be scheduled on an activity that does not exist: ActivityScheduleFailed.
        return task.report({ kind: 'TaskFailed', error: 'States.Runtime', cause: `Activity Does Not Exist: '${arn}'`, phase: 'schedule' });
      }
      queue.notify(arn);
    },
  };
}
