import type { Json, StateMachineDefinition } from '../../../lib/asl';
import { createExecution, type EngineCommand, type EngineInput, type EngineOptions, type Execution, type ExecutionInfo, type HistoryEvent, type TaskFailurePhase } from '../../../lib/engine';

/**
 * A scripted task outcome: an output, a failure, or no answer at all (for timeouts).
 * `afterMs` delays the answer (default: the drive's taskLatencyMs); heartbeats are sent every
 * `heartbeatEveryMs` after the start (default: all at once); `started: false` sends no TaskStarted;
 * a failure's `phase` says the integration could not schedule, start or submit the task.
 */
export type TaskOutcome =
  | { output: Json; workerName?: string; heartbeats?: number; heartbeatEveryMs?: number; submitted?: Json; afterMs?: number; started?: boolean }
  | { error: string; cause?: string; started?: boolean; afterMs?: number; submitted?: Json; phase?: TaskFailurePhase }
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
  /** Who the execution is (a Map Run's child runs as its labelled state machine). */
  execution?: ExecutionInfo;
  /** The clock's start (a child starts when its parent started it). */
  startAt?: number;
}

/** A Distributed Map's Map Run as the fake runtime recorded it. */
export interface DrivenMapRun {
  mapRunArn: string;
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'ABORTED';
  error?: string;
  cause?: string;
  start: Extract<EngineCommand, { kind: 'StartMapRun' }>;
}

/** One child execution of a Map Run, run by the fake runtime as a nested drive. */
export interface DrivenChild {
  command: Extract<EngineCommand, { kind: 'StartMapRunChild' }>;
  /** When the parent started it (epoch ms of the fake clock). */
  startedAt: number;
  /** The child's own run: to its end, or stopped where its parent cancelled it. */
  result: DriveResult;
  /** Cancelled by its parent (the Map Run failed or was aborted) before its end was reported. */
  cancelled: boolean;
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
  mapRuns: DrivenMapRun[];
  children: DrivenChild[];
}

export const START_TIME = Date.UTC(2026, 0, 1, 0, 0, 0);

export function executionInfo(name = 'exec', stateMachineArn = 'arn:aws:states:us-east-1:123456789012:stateMachine:Machine'): ExecutionInfo {
  const stateMachineName = stateMachineArn.split(':')[6]!;
  return {
    executionArn: `arn:aws:states:us-east-1:123456789012:execution:${stateMachineName}:${name}`,
    name,
    roleArn: 'arn:aws:iam::123456789012:role/StatesRole',
    stateMachineArn,
    stateMachineName,
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
  const startAt = options.startAt ?? START_TIME;
  let now = startAt;
  const mapRuns: DrivenMapRun[] = [];
  const children: DrivenChild[] = [];
  /** Children whose end is still to be reported, by taskId. */
  const runningChildren = new Map<string, DrivenChild>();
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
          pending.push({ kind: 'TaskFailed', at, taskId, error: o.error, ...(o.cause !== undefined ? { cause: o.cause } : {}), ...(o.phase ? { phase: o.phase } : {}) });
          return;
        }
        pending.push({ kind: 'TaskSucceeded', at, taskId, output: JSON.stringify(o.output) });
      },
      CancelTask: (c) => {
        pending = pending.filter((p) => !('taskId' in p) || p.taskId !== c.taskId);
        const child = runningChildren.get(c.taskId);
        if (child) {
          child.cancelled = true;
          cancelledChildren.push(child);
        }
        runningChildren.delete(c.taskId);
      },
      StartMapRun: (c) => void mapRuns.push({ mapRunArn: c.mapRunArn, status: 'RUNNING', start: c }),
      // The child runs to its end at once on its own clock; its end reaches the parent when it happens.
      StartMapRunChild: (c) => void childRuns.push(c),
      CloseMapRun: (c) => {
        const run = mapRuns.find((m) => m.mapRunArn === c.mapRunArn);
        if (!run) throw new Error(`CloseMapRun of an unknown Map Run ${c.mapRunArn}`);
        Object.assign(run, { status: c.status }, c.error !== undefined ? { error: c.error } : {}, c.cause !== undefined ? { cause: c.cause } : {});
      },
      RedriveMapRun: (c) => {
        const run = mapRuns.find((m) => m.mapRunArn === c.mapRunArn);
        if (!run) throw new Error(`RedriveMapRun of an unknown Map Run ${c.mapRunArn}`);
        run.status = 'RUNNING';
      },
      ArmTimer: (c) => void timers.set(c.timerId, c.dueAt),
      CancelTimer: (c) => void timers.delete(c.timerId),
      CloseExecution: (c) => {
        closed = c;
      },
    };
    (byKind[cmd.kind] as (c: EngineCommand) => void)(cmd);
  };

  let childRuns: Array<Extract<EngineCommand, { kind: 'StartMapRunChild' }>> = [];
  let cancelledChildren: DrivenChild[] = [];
  const driveChild = (c: Extract<EngineCommand, { kind: 'StartMapRunChild' }>, startedAt: number, stopAfterMs?: number) =>
    drive(JSON.parse(c.definition) as StateMachineDefinition, JSON.parse(c.input) as Json, {
      ...options,
      stopAfterMs,
      stopWith: {},
      redrive: false,
      execution: { ...executionInfo(c.name, c.stateMachineArn), startTime: startedAt },
      startAt: startedAt,
    });
  const runChildren = async () => {
    // A cancelled child is run again, stopped at the moment its parent cancelled it: its history as the runtime leaves it.
    for (const child of cancelledChildren) child.result = await driveChild(child.command, child.startedAt, now - child.startedAt);
    cancelledChildren = [];
    const batch = childRuns;
    childRuns = [];
    for (const c of batch) {
      const result = await driveChild(c, now);
      const child: DrivenChild = { command: c, startedAt: now, result, cancelled: false };
      children.push(child);
      runningChildren.set(c.taskId, child);
      const at = result.events[result.events.length - 1]?.timestamp ?? now;
      const taskId = c.taskId;
      if (result.status === 'SUCCEEDED') pending.push({ kind: 'TaskSucceeded', at, taskId, output: JSON.stringify(result.output) });
      else pending.push({ kind: 'TaskFailed', at, taskId, error: result.error ?? result.status, ...(result.cause !== undefined ? { cause: result.cause } : {}) });
    }
  };

  const apply = async (i: EngineInput) => {
    inputs.push(i);
    if ('taskId' in i && (i.kind === 'TaskSucceeded' || i.kind === 'TaskFailed')) runningChildren.delete(i.taskId);
    const decision = await execution.apply(i);
    events.push(...decision.events);
    decision.commands.forEach(handle);
    if (decision.commands.some((c) => c.kind === 'CloseExecution')) {
      for (const m of mapRuns) if (m.status === 'RUNNING') m.status = 'ABORTED';
    }
    await runChildren();
  };

  const info = options.execution ?? executionInfo();
  await apply({ kind: 'StartExecution', at: now, input: JSON.stringify(input), execution: info, seed: options.seed ?? `00112233445566778899aabbccddeeff${options.execution ? `:${info.name}` : ''}` });
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
      const stopAt = startAt + options.stopAfterMs;
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
  const result: DriveResult = { execution, status: execution.status, events, inputs, commands, mapRuns, children };
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
