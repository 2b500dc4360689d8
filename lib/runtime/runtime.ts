import type { ActivityQueue } from './activities/activity-queue';
import type { ExecutionHost } from './executions/execution-host';
import type { ExecutionStarter } from './executions/start-execution';
import type { RuntimeContext } from './runtime-context';
import type { TaskHandler, TaskKind } from './dispatch/task-run';

/** The running service's parts, as the operations see them. */
export interface Runtime {
  ctx: RuntimeContext;
  host: ExecutionHost;
  starter: ExecutionStarter;
  activities: ActivityQueue;
  handlers: Record<TaskKind, TaskHandler>;
}
