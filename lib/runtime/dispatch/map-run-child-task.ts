import { createHash, randomBytes } from 'node:crypto';
import type { JsonObject } from '../../asl';
import type { EngineCommand } from '../../engine';
import type { ExecutionParent, ExecutionRecord } from '../../store/records';
import type { ExecutionHost } from '../executions/execution-host';
import { putDefinition } from '../operations/definitions';
import type { RuntimeContext } from '../runtime-context';
import type { RunTaskCommand, TaskHandler, TaskReport, TaskRun } from './task-run';

export type MapRunChildCommand = Extract<EngineCommand, { kind: 'StartMapRunChild' }>;

/** How the host carries a Map Run child: as a task of its own integration, so that dispatch, cancel and resume after a restart apply unchanged. */
export function mapRunChildTask(c: MapRunChildCommand): RunTaskCommand {
  const { kind: _kind, ...child } = c;
  return { kind: 'RunTask', taskId: c.taskId, resource: c.mapRunArn, integration: { service: 'states', action: 'mapRunChild' }, pattern: 'request-response', payload: child as unknown as JsonObject };
}

function childOf(command: RunTaskCommand): MapRunChildCommand {
  return { kind: 'StartMapRunChild', ...(command.payload as unknown as Omit<MapRunChildCommand, 'kind'>) };
}

/** A uuid derived from the child's name: an EXPRESS child's ARN is found again after a restart. */
function expressId(name: string): string {
  const h = createHash('sha256').update(`express/${name}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x40;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/**
 * `…:execution:<stateMachineName>/<label>:<name>` (recorded in AWS's ResultWriter examples); an EXPRESS
 * child has the express form, `…:express:<stateMachineName>/<label>:<name>:<uuid>`.
 */
export function mapRunChildArn(ctx: RuntimeContext, c: Pick<MapRunChildCommand, 'stateMachineArn' | 'executionType' | 'name'>): string {
  const labelled = c.stateMachineArn.split(':').slice(6).join(':');
  return c.executionType === 'EXPRESS' ? ctx.arns.expressExecution(labelled, c.name, expressId(c.name)) : ctx.arns.execution(labelled, c.name);
}

/** What the parent learns when a child closes: its output, or its error and cause (its status when it has no error, as an aborted child). */
function endOf(child: ExecutionRecord): TaskReport {
  if (child.status === 'SUCCEEDED') return { kind: 'TaskSucceeded', output: child.output ?? 'null' };
  return { kind: 'TaskFailed', error: child.error ?? child.status, ...(child.cause !== undefined ? { cause: child.cause } : {}) };
}

/**
 * A Distributed Map's items as child executions of the labelled state machine, running the item
 * processor. A child is named from its Map Run and index, so dispatching it again after a restart
 * finds it; its close is reported to the parent's task; a cancelled task stops its child. A redrive
 * of the Map Run dispatches again the children that did not succeed, under the same names: those it
 * finds from an earlier run are redriven or restarted (rerun).
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-map-distributed.html
 */
export function mapRunChildTasks(ctx: RuntimeContext, host: ExecutionHost): TaskHandler {
  const report = (child: ExecutionRecord, parent: ExecutionParent | undefined = child.parent) => {
    if (!parent) return;
    void host
      .openTask(parent.executionArn, parent.taskId)
      .then((open) => (open ? host.feed(parent.executionArn, { ...endOf(child), taskId: parent.taskId } as Parameters<ExecutionHost['feed']>[1]) : undefined))
      .catch((err: unknown) => ctx.logError(`reporting Map Run child ${child.arn} to its parent`, err));
  };
  host.onClose((child) => {
    if (child.mapRunArn !== undefined) report(child);
  });
  // A child whose parent closed just before a crash (the close committed, its CancelTask not carried
  // out) is stopped on restart, as the cancel would have stopped it.
  host.onOrphaned((child) => {
    if (child.mapRunArn !== undefined) void host.feed(child.arn, { kind: 'StopExecution' }).catch(() => undefined);
  });

  /** Starts the child: its first run, or an EXPRESS child's rerun under the same ARN. */
  const start = async (task: TaskRun, c: MapRunChildCommand, arn: string, mapRunRedrive: number) => {
    const parent = ctx.store.getExecution(task.executionArn);
    if (!parent) throw new Error(`runtime bug: no parent ${task.executionArn} for Map Run child ${c.name}`);
    const { revisionId, write } = putDefinition(c.definition);
    if (!ctx.store.getDefinition(revisionId)) await ctx.store.write([write]);
    const record: ExecutionRecord = {
      arn,
      name: c.name,
      stateMachineArn: c.stateMachineArn,
      revisionId,
      type: c.executionType,
      status: 'RUNNING',
      roleArn: parent.roleArn,
      input: c.input,
      startDate: ctx.clock.now(),
      redriveCount: 0,
      eventCount: 0,
      parent: { executionArn: task.executionArn, taskId: c.taskId },
      mapRunArn: c.mapRunArn,
      ...(mapRunRedrive > 0 ? { mapRunRedrive } : {}),
    };
    // Its close reaches the parent through onClose, even when its first decision closes it.
    await host.start(record, randomBytes(32).toString('hex'));
  };

  /**
   * A child an earlier run of the Map Run left, met again by its redrive. One that succeeded is
   * reported as it ended. An unsuccessful STANDARD child is redriven (RedriveExecution: the same ARN,
   * redriveCount + 1, from the state that failed); one that cannot be redriven keeps its end ("The
   * last error or output of the execution is permanent"). An unsuccessful EXPRESS child is started
   * again (StartExecution: the same ARN, from the first state, its redrives not told apart).
   * @see https://docs.aws.amazon.com/step-functions/latest/dg/redrive-map-run.html#redrive-child-workflow-behavior
   */
  const rerun = async (task: TaskRun, c: MapRunChildCommand, child: ExecutionRecord, mapRunRedrive: number) => {
    const parent: ExecutionParent = { executionArn: task.executionArn, taskId: c.taskId };
    if (child.status === 'SUCCEEDED') return report(child, parent);
    if (child.type === 'EXPRESS') {
      await ctx.store.write([{ kind: 'purgeExecution', arn: child.arn }]);
      return start(task, c, child.arn, mapRunRedrive);
    }
    if (!(await host.redriveChild(child.arn, parent, mapRunRedrive))) report(child, parent);
  };

  return {
    async run(task: TaskRun) {
      const c = childOf(task.command);
      const arn = mapRunChildArn(ctx, c);
      const mapRunRedrive = ctx.store.getMapRun(c.mapRunArn)?.redriveCount ?? 0;
      let existing = ctx.store.getExecution(arn);
      if (!existing) return start(task, c, arn, mapRunRedrive);
      if (existing.parent?.taskId === c.taskId) {
        // Found again after a restart: a closed child is reported now, a running one when it closes.
        if (existing.status !== 'RUNNING') report(existing);
        return;
      }
      if (existing.status === 'RUNNING') {
        // Still stopping when the parent stopped: it ends first ("the running Map Run completes its operations before attempting to redrive").
        await host.feed(arn, { kind: 'StopExecution' });
        existing = await host.whenClosed(arn);
        // The parent may have closed meanwhile (stopped, timed out): then nothing waits for a rerun.
        if (!(await host.openTask(task.executionArn, c.taskId))) return;
      }
      return rerun(task, c, existing, mapRunRedrive);
    },
    cancel(_executionArn, command) {
      const arn = mapRunChildArn(ctx, childOf(command));
      if (ctx.store.getExecution(arn)?.status === 'RUNNING') void host.feed(arn, { kind: 'StopExecution' }).catch(() => undefined);
    },
  };
}
