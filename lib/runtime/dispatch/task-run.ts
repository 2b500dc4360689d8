import type { EngineCommand, TaskFailurePhase, TaskIntegration } from '../../engine';

export type RunTaskCommand = Extract<EngineCommand, { kind: 'RunTask' }>;

/** What a running integration reports about its task; the runtime stamps the time and feeds it to the engine. */
export type TaskReport =
  | { kind: 'TaskStarted'; workerName?: string }
  | { kind: 'TaskSubmitted'; output: string }
  | { kind: 'TaskSucceeded'; output: string }
  /** `phase`: the integration could not schedule, start or submit the task (see TaskFailurePhase). */
  | { kind: 'TaskFailed'; error: string; cause?: string; phase?: TaskFailurePhase }
  | { kind: 'TaskHeartbeat' };

/** One task handed to an integration. */
export interface TaskRun {
  executionArn: string;
  command: RunTaskCommand;
  /** Dispatched again after a restart (the task was in flight when the service stopped). */
  recovering: boolean;
  /** TaskStarted was already applied for this task (before a restart). */
  started: boolean;
  /**
   * Feeds a report to the execution; resolves once it is applied and committed. The report object
   * is taken over (the host stamps it with the task and the time): pass a fresh one each time.
   */
  report(report: TaskReport): Promise<void>;
}

/**
 * Reports TaskStarted unless it was applied before a restart. Not awaited: reports apply in order,
 * so what the integration reports next need not wait for this one to be committed (a rejection,
 * when the execution was reset, reaches the next report too).
 */
export function reportStarted(task: TaskRun): void {
  if (!task.started) void task.report({ kind: 'TaskStarted' }).catch(() => undefined);
}

/** Carries out the tasks of one kind of integration. */
export interface TaskHandler {
  /** Runs the task; resolves once nothing of it is in flight in this process (a callback may still be awaited). */
  run(task: TaskRun): Promise<void>;
  /** The engine abandoned the task (timeout, abort, a failing sibling, the execution closed). */
  cancel?(executionArn: string, command: RunTaskCommand): void;
}

export type TaskKind = 'lambdaFunction' | 'lambdaInvoke' | 'activity' | 'startExecution' | 'dynamodb' | 'mapRunChild' | 'unsupported';

export function taskKindOf(integration: TaskIntegration): TaskKind {
  if (integration.service === 'lambda') return 'mode' in integration && integration.mode === 'function' ? 'lambdaFunction' : 'action' in integration && integration.action !== 'invoke' ? 'unsupported' : 'lambdaInvoke';
  if (integration.service === 'activity') return 'activity';
  if (integration.service === 'states' && 'action' in integration && integration.action === 'startExecution') return 'startExecution';
  if (integration.service === 'states' && 'action' in integration && integration.action === 'mapRunChild') return 'mapRunChild';
  if (integration.service === 'dynamodb' && 'action' in integration && ['getItem', 'putItem', 'updateItem', 'deleteItem'].includes(integration.action)) return 'dynamodb';
  return 'unsupported';
}

/** The error text AWS's Java SDK puts in a failed service call's cause. */
export function sdkCause(o: { message: string; service: string; status: number; code: string; requestId: string }): string {
  return `${o.message} (Service: ${o.service}; Status Code: ${o.status}; Error Code: ${o.code}; Request ID: ${o.requestId}; Proxy: null)`;
}
