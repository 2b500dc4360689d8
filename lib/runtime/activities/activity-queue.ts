import type { ActivityTaskRecord } from '../../store/records';
import type { ExecutionHost } from '../executions/execution-host';
import type { RuntimeContext } from '../runtime-context';

interface Poller {
  wake: () => void;
}

/**
 * Activity tasks wait in the store until a worker's GetActivityTask takes them. A poll that finds
 * nothing waits (up to 60 s, AWS's long poll) until a task is scheduled for its activity.
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_GetActivityTask.html
 */
export class ActivityQueue {
  private readonly pollers = new Map<string, Poller[]>();
  private closed = false;

  constructor(
    private readonly ctx: RuntimeContext,
    private readonly host: ExecutionHost,
  ) {}

  /** A task was scheduled for this activity: wake one waiting poller. */
  notify(activityArn: string): void {
    const list = this.pollers.get(activityArn);
    list?.shift()?.wake();
  }

  /** Takes the oldest queued task, marking it started by this worker; or waits for one until `timeoutMs`. */
  async poll(activityArn: string, workerName: string | undefined, timeoutMs: number): Promise<ActivityTaskRecord | undefined> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      if (this.closed) return undefined;
      const [task] = this.ctx.store.queuedActivityTasks(activityArn, 1);
      if (task) {
        const taken: ActivityTaskRecord = { ...task, startedAt: this.ctx.clock.now() };
        if (workerName !== undefined) taken.workerName = workerName;
        // Handing the write over marks it taken at once, so a concurrent poll does not see it again.
        const written = this.ctx.store.write([{ kind: 'putActivityTask', record: taken }]);
        await written;
        await this.host.feed(task.executionArn, { kind: 'TaskStarted', taskId: task.taskId, ...(workerName !== undefined ? { workerName } : {}) });
        return taken;
      }
      const left = until - Date.now();
      if (left <= 0) return undefined;
      await new Promise<void>((resolve) => {
        const poller: Poller = { wake: () => (clearTimeout(timer), resolve()) };
        const timer = setTimeout(() => {
          const list = this.pollers.get(activityArn) ?? [];
          const i = list.indexOf(poller);
          if (i >= 0) list.splice(i, 1);
          resolve();
        }, left);
        const list = this.pollers.get(activityArn) ?? [];
        list.push(poller);
        this.pollers.set(activityArn, list);
      });
    }
  }

  close(): void {
    this.closed = true;
    for (const list of this.pollers.values()) for (const p of list.splice(0)) p.wake();
  }
}
