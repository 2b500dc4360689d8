import type { Json, StateMachineDefinition } from '../../../lib/asl';
import { createExecution, type EngineCommand, type EngineInput, type EngineOptions, type Execution, type ExecutionInfo, type HistoryEvent } from '../../../lib/engine';

/**
 * A scripted task outcome: an output, a failure, or no answer at all (for timeouts).
 * `afterMs` delays the answer (default: the drive's taskLatencyMs); heartbeats are sent every
 * `heartbeatEveryMs` after the start (default: all at once); `started: false` sends no TaskStarted.
 */
export type TaskOutcome =
  | { output: Json; workerName?: string; heartbeats?: number; heartbeatEveryMs?: number; submitted?: Json; afterMs?: number; started?: boolean }
  | { error: string; cause?: string; started?: boolean; afterMs?: number; submitted?: Json }
  | { hang: true; heartbeats?: number; heartbeatEveryMs?: number; submitted?: Json; workerName?: string; started?: boolean };

export interface DriveOptions {
  /** Outcomes keyed by state name or resource ARN; an array is consumed one per attempt (the last repeats). */
  tasks?: Record<string, TaskOutcome | TaskOutcome[]>;
  /** Stop the execution when the clock reaches this many ms after start. */
  stopAfterMs?: number;
  /** StopExecution's error and cause (default: "Stopped" / "by test"). */
  stopWith?: { error?: string; cause?: string };
  /** Redrive after the execution closes (once). */
  redrive?: boolean;
  /** Tasks resolved after this many ms instead of at once. */
  taskLatencyMs?: number;
  engine?: EngineOptions;
  seed?: string;
  maxInputs?: number;
}

export interface DriveResult {
  execution: Execution;
  status: string;
  output?: Json;
  error?: string;
  cause?: string;
  events: HistoryEvent[];
  inputs: EngineInput[];
  commands: EngineCommand[];
}

export const START_TIME = Date.UTC(2026, 0, 1, 0, 0, 0);

export function executionInfo(name = 'exec'): ExecutionInfo {
  return {
    executionArn: `arn:aws:states:us-east-1:123456789012:execution:Machine:${name}`,
    name,
    roleArn: 'arn:aws:iam::123456789012:role/StatesRole',
    stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:Machine',
    stateMachineName: 'Machine',
    region: 'us-east-1',
    accountId: '123456789012',
    redriveCount: 0,
    startTime: START_TIME,
  };
}

/**
 * A fake runtime with a fake clock: runs tasks by script, fires timers in due order, and records
 * every input it applied so that tests can replay them.
 */
export async function drive(definition: StateMachineDefinition, input: Json, options: DriveOptions = {}): Promise<DriveResult> {
  const execution = createExecution(definition, options.engine);
  const events: HistoryEvent[] = [];
  const inputs: EngineInput[] = [];
  const commands: EngineCommand[] = [];
  const attempts = new Map<string, number>();
  const timers = new Map<string, number>();
  /** Inputs waiting to be applied, with the time they happen. */
  let pending: EngineInput[] = [];
  let now = START_TIME;
  let closed: Extract<EngineCommand, { kind: 'CloseExecution' }> | undefined;
  let redriven = false;
  let stopped = false;

  const outcomeFor = (cmd: Extract<EngineCommand, { kind: 'RunTask' }>): TaskOutcome => {
    const script = options.tasks?.[cmd.stateName ?? ''] ?? options.tasks?.[cmd.resource];
    const key = options.tasks?.[cmd.stateName ?? ''] ? cmd.stateName! : cmd.resource;
    if (script === undefined) return { output: cmd.payload };
    if (!Array.isArray(script)) return script;
    const n = attempts.get(key) ?? 0;
    attempts.set(key, n + 1);
    return script[Math.min(n, script.length - 1)]!;
  };

  const handle = (cmd: EngineCommand) => {
    commands.push(cmd);
    const byKind: { [K in EngineCommand['kind']]: (c: Extract<EngineCommand, { kind: K }>) => void } = {
      RunTask: (c) => {
        const o = outcomeFor(c);
        const at = now + (('afterMs' in o ? o.afterMs : undefined) ?? options.taskLatencyMs ?? 0);
        const taskId = c.taskId;
        if (o.started !== false) {
          const workerName = 'workerName' in o ? o.workerName : undefined;
          pending.push({ kind: 'TaskStarted', at: now, taskId, ...(workerName ? { workerName } : {}) });
        }
        if (o.submitted !== undefined) pending.push({ kind: 'TaskSubmitted', at: now, taskId, output: JSON.stringify(o.submitted) });
        if ('heartbeats' in o) {
          for (let i = 1; i <= (o.heartbeats ?? 0); i++) pending.push({ kind: 'TaskHeartbeat', at: now + i * (o.heartbeatEveryMs ?? 0), taskId });
        }
        if ('hang' in o) return;
        if ('error' in o) {
          pending.push({ kind: 'TaskFailed', at, taskId, error: o.error, ...(o.cause !== undefined ? { cause: o.cause } : {}) });
          return;
        }
        pending.push({ kind: 'TaskSucceeded', at, taskId, output: JSON.stringify(o.output) });
      },
      CancelTask: (c) => {
        pending = pending.filter((p) => !('taskId' in p) || p.taskId !== c.taskId);
      },
      ArmTimer: (c) => void timers.set(c.timerId, c.dueAt),
      CancelTimer: (c) => void timers.delete(c.timerId),
      CloseExecution: (c) => {
        closed = c;
      },
    };
    (byKind[cmd.kind] as (c: EngineCommand) => void)(cmd);
  };

  const apply = async (i: EngineInput) => {
    inputs.push(i);
    const decision = await execution.apply(i);
    events.push(...decision.events);
    decision.commands.forEach(handle);
  };

  await apply({ kind: 'StartExecution', at: now, input: JSON.stringify(input), execution: executionInfo(), seed: options.seed ?? '00112233445566778899aabbccddeeff' });
  const max = options.maxInputs ?? 200000;
  while (inputs.length < max) {
    if (closed) {
      if (options.redrive && !redriven) {
        redriven = true;
        closed = undefined;
        pending = [];
        await apply({ kind: 'RedriveExecution', at: now });
        continue;
      }
      break;
    }
    // the earliest-due thing next: a pending input (due at its time) or a timer
    pending.sort((a, b) => a.at - b.at); // stable: ties keep the order they were produced in
    let nextTimer: [string, number] | undefined;
    for (const t of timers) if (!nextTimer || t[1] < nextTimer[1]) nextTimer = t;
    const nextInput = pending[0];
    if (options.stopAfterMs !== undefined && !stopped) {
      const stopAt = START_TIME + options.stopAfterMs;
      const soonest = Math.min(nextInput?.at ?? Infinity, nextTimer?.[1] ?? Infinity);
      if (stopAt <= soonest) {
        stopped = true;
        now = Math.max(now, stopAt);
        await apply({ kind: 'StopExecution', at: now, ...(options.stopWith ?? { error: 'Stopped', cause: 'by test' }) });
        continue;
      }
    }
    if (nextInput && (!nextTimer || nextInput.at <= nextTimer[1])) {
      pending.shift();
      now = Math.max(now, nextInput.at);
      await apply({ ...nextInput, at: now });
      continue;
    }
    if (nextTimer) {
      timers.delete(nextTimer[0]);
      now = Math.max(now, nextTimer[1]);
      await apply({ kind: 'TimerFired', at: now, timerId: nextTimer[0] });
      continue;
    }
    break;
  }
  const result: DriveResult = { execution, status: execution.status, events, inputs, commands };
  const last = events[events.length - 1];
  if (last?.type === 'ExecutionSucceeded') result.output = JSON.parse(last.executionSucceededEventDetails.output!) as Json;
  const err =
    last?.type === 'ExecutionFailed'
      ? last.executionFailedEventDetails
      : last?.type === 'ExecutionAborted'
        ? last.executionAbortedEventDetails
        : last?.type === 'ExecutionTimedOut'
          ? last.executionTimedOutEventDetails
          : undefined;
  if (err?.error !== undefined) result.error = err.error;
  if (err?.cause !== undefined) result.cause = err.cause;
  return result;
}

/** Replays recorded inputs into a fresh execution. */
export async function replay(definition: StateMachineDefinition, inputs: EngineInput[], options?: EngineOptions): Promise<{ execution: Execution; events: HistoryEvent[] }> {
  const execution = createExecution(definition, options);
  const events: HistoryEvent[] = [];
  for (const i of inputs) events.push(...(await execution.apply(i)).events);
  return { execution, events };
}
