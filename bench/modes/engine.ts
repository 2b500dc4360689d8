import { randomBytes } from 'node:crypto';
import type { CreateExecution, EngineCommand, EngineInput, Execution, ExecutionInfo } from '../../lib/engine';
import { loadServingModules } from '../../lib/cli/serving-modules';
import { loadHandlers, type Handler } from '../functions';
import { functionNameOf, type ExecutionResult, type Workload } from '../workloads';
import type { Session } from './mode';
import { historyQuotaLifted } from './sagaflow';

/**
 * The engine alone, as issue 4 describes the memory mode's subject: `createExecution` and `apply`,
 * driven by a loop that calls the workload's functions in process, as the peer calls its handlers,
 * and plays `lambda:invoke` with the same envelope the peer's handler returns. No API, no store, no
 * execution kept after it ends (its history events are made, the engine's own work, then dropped).
 * Beside `memory` (the local service on its memory store) it shows what the service itself costs.
 */

type RunTask = Extract<EngineCommand, { kind: 'RunTask' }>;
type Input = EngineInput extends infer I ? (I extends { at: number } ? Omit<I, 'at'> : never) : never;

/** Longest delay setTimeout takes; the engine also arms the execution's 1-year limit, which no run reaches. */
const MAX_DELAY_MS = 2 ** 31 - 1;

/** The error a function's throw becomes, as Lambda reports it (errorType, and the payload as cause). */
function failure(thrown: unknown): { error: string; cause: string } {
  const e = thrown instanceof Error ? thrown : new Error(String(thrown));
  return { error: e.name, cause: JSON.stringify({ errorType: e.name, errorMessage: e.message, trace: [] }) };
}

/** What lambda:invoke returns around the function's result: the envelope the peer's handler returns too. */
const envelope = (payload: unknown) => ({ ExecutedVersion: '$LATEST', Payload: payload, SdkHttpMetadata: { HttpStatusCode: 200 }, SdkResponseMetadata: { RequestId: 'bench' }, StatusCode: 200 });

/** One execution in flight: inputs applied one at a time, commands carried out as they come. */
class Run {
  private chain: Promise<void> = Promise.resolve();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly cancelled = new Set<string>();
  readonly done: Promise<ExecutionResult>;
  private finish!: (r: ExecutionResult) => void;

  constructor(
    private readonly execution: Execution,
    private readonly handlers: Record<string, Handler>,
    private readonly parked: Map<string, { run: Run; taskId: string }>,
  ) {
    this.done = new Promise((resolve) => (this.finish = resolve));
  }

  feed(input: Input): void {
    this.chain = this.chain.then(async () => {
      const decision = await this.execution.apply({ ...input, at: Date.now() } as EngineInput);
      for (const c of decision.commands) this.command(c);
    });
  }

  private command(c: EngineCommand): void {
    if (c.kind === 'RunTask') void this.task(c);
    else if (c.kind === 'CancelTask') this.cancelled.add(c.taskId);
    else if (c.kind === 'ArmTimer') {
      const delay = Math.max(0, c.dueAt - Date.now());
      if (delay <= MAX_DELAY_MS) this.timers.set(c.timerId, setTimeout(() => this.feed({ kind: 'TimerFired', timerId: c.timerId }), delay));
    }
    else if (c.kind === 'CancelTimer') clearTimeout(this.timers.get(c.timerId));
    else if (c.kind === 'CloseExecution') {
      for (const t of this.timers.values()) clearTimeout(t);
      this.finish({ status: c.status, outputText: c.output, error: c.error, cause: c.cause });
    }
    else throw new Error(`bench engine mode: no ${c.kind} in the shared workloads`);
  }

  private async task(c: RunTask): Promise<void> {
    const invoke = c.resource.startsWith('arn:aws:states:::lambda:invoke');
    const payload = c.payload as { FunctionName?: string; Payload?: unknown };
    const handler = this.handlers[functionNameOf(invoke ? String(payload.FunctionName) : c.resource)];
    if (!handler) throw new Error(`bench engine mode: no function for ${c.resource}`);
    this.feed({ kind: 'TaskStarted', taskId: c.taskId });
    let report: Input;
    try {
      const result = await handler(invoke ? payload.Payload : c.payload);
      const output = JSON.stringify(invoke ? envelope(result) : result);
      if (c.taskToken !== undefined) {
        // A callback: the function's answer submits it; the token's SendTaskSuccess completes it.
        this.parked.set(c.taskToken, { run: this, taskId: c.taskId });
        report = { kind: 'TaskSubmitted', taskId: c.taskId, output };
      } else report = { kind: 'TaskSucceeded', taskId: c.taskId, output };
    } catch (thrown) {
      report = { kind: 'TaskFailed', taskId: c.taskId, ...failure(thrown) };
    }
    if (!this.cancelled.has(c.taskId)) this.feed(report);
  }
}

export async function openEngine(w: Workload): Promise<Session> {
  // The engine from the serve bundle, as the other modes load the runtime (tsx's per-file transform
  // wraps every closure in a naming helper, a cost users do not pay).
  const createExecution: CreateExecution = (await loadServingModules()).createExecution;
  const handlers = loadHandlers(w.name);
  const parked = new Map<string, { run: Run; taskId: string }>();
  const stateMachineArn = `arn:aws:states:us-east-1:123456789012:stateMachine:${w.name}`;
  // W3's 10,000-item Map writes ~70,000 events: the quota is lifted for it, as in the other modes.
  const options = historyQuotaLifted(w) ? { limits: { maxHistoryEvents: 10_000_000 } } : undefined;
  let n = 0;
  return {
    run(input) {
      const name = `e${++n}`;
      const execution: ExecutionInfo = {
        executionArn: `arn:aws:states:us-east-1:123456789012:execution:${w.name}:${name}`,
        name,
        roleArn: 'arn:aws:iam::123456789012:role/sagaflow-bench',
        stateMachineArn,
        stateMachineName: w.name,
        region: 'us-east-1',
        accountId: '123456789012',
        redriveCount: 0,
        startTime: Date.now(),
      };
      const run = new Run(createExecution(w.definition as never, options), handlers, parked);
      // Each execution's own secret seed, as the service draws one: its task tokens are its own.
      run.feed({ kind: 'StartExecution', input: JSON.stringify(input), execution, seed: randomBytes(16).toString('hex') });
      return run.done;
    },
    async sendTaskSuccess(token, output) {
      const waiting = parked.get(token);
      if (!waiting) throw new Error(`bench engine mode: no task waits on ${token}`);
      parked.delete(token);
      waiting.run.feed({ kind: 'TaskSucceeded', taskId: waiting.taskId, output: JSON.stringify(output) });
    },
    async close() {},
  };
}
