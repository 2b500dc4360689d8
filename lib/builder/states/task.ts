import type { Json, TaskState } from '../../asl';
import { CatchableState } from '../catchable-state';
import type { RenderContext } from '../state-node';
import { WorkflowError } from '../workflow-error';

/**
 * How a task's integration shows in the history. Every task has TaskStateEntered, TaskScheduled,
 * TaskStarted, TaskSucceeded (or TaskFailed / TaskTimedOut) and TaskStateExited; integrations that
 * wait for a callback or a child execution add TaskSubmitted. A failed attempt that is retried
 * adds its own TaskScheduled, TaskStarted, (TaskSubmitted,) TaskFailed.
 */
export type TaskPattern = 'requestResponse' | 'waitForTaskToken' | 'sync';

const SUBMITS: { [P in TaskPattern]: boolean } = { requestResponse: false, waitForTaskToken: true, sync: true };

/** The rendered fields of a task, decided by the pattern helper that creates it. */
export interface TaskSpec {
  resource: string;
  pattern: TaskPattern;
  parameters?: Json;
  resultSelector?: Json;
  resultPath?: string | null;
  inputPath?: string;
  outputPath?: string;
  /** @default none (AWS: 99999999 seconds, about a year) */
  timeoutSeconds?: number;
  heartbeatSeconds?: number;
  comment?: string;
  /** Registered with the workflow when rendered, for DefinitionSubstitutions. */
  bind?: (ctx: RenderContext) => void;
}

/** A Task state. Use the pattern helpers (`invoke`, `waitForCallback`, `startWorkflow`) rather than this class. */
export class Task extends CatchableState {
  readonly type = 'Task';
  constructor(name: string, protected readonly spec: TaskSpec) {
    super(name);
    const { timeoutSeconds, heartbeatSeconds } = spec;
    const positive = (n: number | undefined) => n === undefined || (Number.isInteger(n) && n > 0 && n <= 99999999);
    if (!positive(timeoutSeconds)) throw new WorkflowError(`timeoutSeconds (${timeoutSeconds}) is not a positive whole number`, 'give whole seconds, e.g. 300', name);
    if (!positive(heartbeatSeconds)) throw new WorkflowError(`heartbeatSeconds (${heartbeatSeconds}) is not a positive whole number`, 'give whole seconds, e.g. 60', name);
    if (heartbeatSeconds !== undefined && timeoutSeconds !== undefined && heartbeatSeconds >= timeoutSeconds) {
      throw new WorkflowError(`heartbeatSeconds (${heartbeatSeconds}) must be below timeoutSeconds (${timeoutSeconds})`, 'shorten the heartbeat or lengthen the timeout', name);
    }
  }

  render(ctx: RenderContext): TaskState {
    const s = this.spec;
    s.bind?.(ctx);
    return {
      Type: 'Task',
      ...(s.comment && { Comment: s.comment }),
      Resource: s.resource,
      ...(s.inputPath !== undefined && { InputPath: s.inputPath }),
      ...(s.parameters !== undefined && { Parameters: s.parameters }),
      ...(s.resultSelector !== undefined && { ResultSelector: s.resultSelector }),
      ...(s.resultPath !== undefined && { ResultPath: s.resultPath }),
      ...(s.outputPath !== undefined && { OutputPath: s.outputPath }),
      ...(s.timeoutSeconds !== undefined && { TimeoutSeconds: s.timeoutSeconds }),
      ...(s.heartbeatSeconds !== undefined && { HeartbeatSeconds: s.heartbeatSeconds }),
      ...this.renderRetryCatch(),
      ...this.transition(),
    };
  }

  /** Entered, Scheduled, Started, (Submitted,) Succeeded/Failed, Exited; plus each retried attempt. */
  ownEvents(): number {
    const submitted = SUBMITS[this.spec.pattern] ? 1 : 0;
    return 5 + submitted + this.worstCaseRetries() * (3 + submitted);
  }
}
