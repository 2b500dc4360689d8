import type { StateMachineDefinition } from '../../asl';
import { createExecution, type Decision, type EngineInput, type EngineOptions, type ExecutionInfo } from '../../engine';
import type { HistoryEvent } from '../../engine/history-event';
import type { ExecutionParent, ExecutionRecord } from '../../store/records';
import type { StoreWrite } from '../../store/store';
import { TimerHeap } from '../clock/timer-heap';
import type { VirtualClock } from '../clock/service-clock';
import { taskKindOf, type RunTaskCommand, type TaskHandler, type TaskKind, type TaskRun } from '../dispatch/task-run';
import { mapRunChildTask } from '../dispatch/map-run-child-task';
import { mapRunWrites } from '../dispatch/map-run-records';
import type { WaitingTask } from '../local-service-contract';
import type { RuntimeContext } from '../runtime-context';
import { ServiceError } from '../step-functions-operations';
import { activityArnsOf } from './activity-arns';
import { LiveExecution, type PendingInput } from './live-execution';

export interface HostOptions {
  /** Idle executions kept in memory; others are rebuilt from the store when needed. @default 256 */
  maxLiveExecutions?: number;
  engine?: EngineOptions;
}

type CloseListener = (record: ExecutionRecord) => void;
/** A RUNNING child (its `parent` set) whose parent is closed. */
type OrphanListener = (child: ExecutionRecord & { parent: ExecutionParent }) => void;

/** Node's timers hold at most 2^31-1 ms. */
const MAX_TIMEOUT = 2 ** 31 - 1;

/** At most this many decisions share one store write (a bound on how long the first of them waits). */
const MAX_GROUPED_DECISIONS = 512;

/** One decision's share of a store write: its own writes, its input and events, and what to do once committed. */
interface Bookkept {
  writes: StoreWrite[];
  /** Made for this decision and never changed after: the store takes it over. */
  input: EngineInput;
  events: HistoryEvent[];
  after: () => void;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Commands whose store writes are derived from what the store already holds (Map Run records). */
function readsStore(decision: Decision): boolean {
  for (const c of decision.commands) if (c.kind === 'StartMapRun' || c.kind === 'RedriveMapRun' || c.kind === 'CloseMapRun' || c.kind === 'CloseExecution') return true;
  return false;
}

/** Decisions of one execution waiting to be committed together (most often just one). */
class DecisionGroup {
  private decisions: Bookkept[] = [];
  private items: LiveExecution['queue'] = [];

  get size(): number {
    return this.items.length;
  }

  add(b: Bookkept, item: LiveExecution['queue'][number]): void {
    this.decisions.push(b);
    this.items.push(item);
  }

  /** The store write for everything added (the record as it stands now first), and empties the group. */
  take(live: LiveExecution): { writes: StoreWrite[]; decisions: Bookkept[]; items: LiveExecution['queue'] } {
    const arn = live.arn;
    const decisions = this.decisions;
    // The store reads the record before write() returns, so the live one is handed over as it is.
    const writes: StoreWrite[] = [{ kind: 'putExecution', record: live.record }];
    const inputs: EngineInput[] = [];
    const events: HistoryEvent[] = decisions.length === 1 ? decisions[0]!.events : [];
    for (const d of decisions) {
      for (const w of d.writes) writes.push(w);
      inputs.push(d.input);
      if (decisions.length > 1) for (const e of d.events) events.push(e);
    }
    writes.push({ kind: 'appendInputs', executionArn: arn, inputs });
    if (events.length > 0) writes.push({ kind: 'appendEvents', executionArn: arn, events });
    const out = { writes, decisions, items: this.items };
    this.decisions = [];
    this.items = [];
    return out;
  }
}

/**
 * Drives every execution: applies inputs one at a time per execution, commits each decision
 * (inputs, events, timers, tokens, the summary) in one store write — the decisions of inputs that
 * were queued together share one — and only then carries out its
 * commands — dispatching tasks, arming timers, reporting closes. An idle execution can be dropped
 * from memory; it is rebuilt by replaying its stored inputs, which yields the same state.
 */
export class ExecutionHost {
  readonly timers = new TimerHeap();
  private readonly live = new Map<string, LiveExecution>();
  private readonly loading = new Map<string, Promise<LiveExecution>>();
  /** Executions that were RUNNING when the service started: their tasks are dispatched again when first loaded. */
  private readonly toResume = new Set<string>();
  private readonly definitions = new Map<string, StateMachineDefinition>();
  /** The activity ARNs each definition names (most name none). */
  private readonly activityArns = new Map<string, string[]>();
  private readonly closeListeners: CloseListener[] = [];
  private readonly orphanListeners: OrphanListener[] = [];
  private readonly closeWaiters = new Map<string, CloseListener[]>();
  private handlers!: Record<TaskKind, TaskHandler>;
  private readonly maxLive: number;
  private readonly engineOptions: EngineOptions | undefined;
  private busy = 0;
  private idleWaiters: Array<() => void> = [];
  private timerHandle: NodeJS.Timeout | undefined;
  private timerDueAt: number | undefined;
  private closed = false;
  /** Drains holding a decision group open until the next turn of the event loop. */
  private holding = 0;

  constructor(
    private readonly ctx: RuntimeContext,
    options: HostOptions = {},
  ) {
    this.maxLive = options.maxLiveExecutions ?? 256;
    this.engineOptions = options.engine;
  }

  setHandlers(handlers: Record<TaskKind, TaskHandler>): void {
    this.handlers = handlers;
  }

  /** Called for every execution that closes, after its close is committed. */
  onClose(listener: CloseListener): void {
    this.closeListeners.push(listener);
  }

  /**
   * Called after a restart for each resumed child still RUNNING once all are loaded whose parent
   * is closed: the parent's close was committed just before the crash, carrying out its CancelTask
   * was not. The child's integration decides whether it ends with its parent.
   */
  onOrphaned(listener: OrphanListener): void {
    this.orphanListeners.push(listener);
  }

  /** Resolves with the execution's record once it is closed (at once if it already is). */
  whenClosed(arn: string): Promise<ExecutionRecord> {
    const record = this.ctx.store.getExecution(arn);
    if (record && record.status !== 'RUNNING') return Promise.resolve(record);
    return new Promise((resolve) => {
      const list = this.closeWaiters.get(arn) ?? [];
      list.push(resolve);
      this.closeWaiters.set(arn, list);
    });
  }

  /**
   * The activities this execution's definition names that do not exist now: recorded with the
   * input being applied (InputFacts), so that replaying it decides the same.
   */
  private missingActivities(live: LiveExecution): string[] | undefined {
    const revisionId = live.record.revisionId;
    let arns = this.activityArns.get(revisionId);
    if (!arns) {
      arns = activityArnsOf(this.definition(revisionId));
      this.activityArns.set(revisionId, arns);
    }
    if (arns.length === 0) return undefined;
    const missing = arns.filter((arn) => !this.ctx.store.getActivity(arn));
    return missing.length > 0 ? missing : undefined;
  }

  definition(revisionId: string): StateMachineDefinition {
    let def = this.definitions.get(revisionId);
    if (!def) {
      const record = this.ctx.store.getDefinition(revisionId);
      if (!record) throw new Error(`runtime bug: no definition ${revisionId} in the store`);
      def = JSON.parse(record.definition) as StateMachineDefinition;
      this.definitions.set(revisionId, def);
    }
    return def;
  }

  // ---- starting and feeding ------------------------------------------------------------------

  /**
   * Starts a new execution; resolves once its first decision is committed. `synchronous`: started
   * by StartSyncExecution (recorded in the start input, so a replay builds the same context object).
   */
  async start(record: ExecutionRecord, seed: string, synchronous = false): Promise<void> {
    this.assertOpen();
    const live = new LiveExecution({ ...record }, createExecution(this.definition(record.revisionId), this.engineOptions));
    this.live.set(record.arn, live);
    const info: ExecutionInfo = {
      executionArn: record.arn,
      name: record.name,
      roleArn: record.roleArn,
      stateMachineArn: record.stateMachineArn,
      stateMachineName: record.stateMachineArn.split(':')[6]!,
      region: this.ctx.region,
      accountId: this.ctx.accountId,
      redriveCount: 0,
      startTime: record.startDate,
    };
    if (record.stateMachineVersionArn) info.stateMachineVersionArn = record.stateMachineVersionArn;
    if (record.stateMachineAliasArn) info.stateMachineAliasArn = record.stateMachineAliasArn;
    if (synchronous) info.synchronous = true;
    this.ctx.onExecutionEvent?.({ kind: 'started', executionArn: record.arn, stateMachineArn: record.stateMachineArn, name: record.name, at: record.startDate });
    await this.submit(live, { kind: 'StartExecution', input: record.input, execution: info, seed });
    this.evictIfNeeded();
  }

  /**
   * Hands an input to an execution (loading it if it is not in memory); resolves once the input
   * is applied and its decision committed. Rejects with ExecutionDoesNotExist for an unknown ARN.
   * The input object is taken over: it is stamped with its time (`at`) and stored as it is.
   */
  feed(arn: string, input: PendingInput): Promise<void> {
    if (this.closed) return Promise.reject(new Error('the local service is closed'));
    const hit = this.live.get(arn);
    if (hit) {
      // In memory (most reports): queued at once, without a turn through load()'s promise.
      this.live.delete(arn);
      this.live.set(arn, hit); // most recently used last
      return this.submit(hit, input);
    }
    this.busy++;
    return this.load(arn)
      .then((live) => this.submit(live, input))
      .finally(() => this.release());
  }

  private submit(live: LiveExecution, input: PendingInput): Promise<void> {
    this.busy++;
    const done = live.enqueue(input);
    void this.drain(live);
    return done.finally(() => this.release());
  }

  private async drain(live: LiveExecution): Promise<void> {
    if (live.applying) return;
    live.applying = true;
    // The queue is taken a batch at a time: shift() per input is quadratic when a Map's thousands of
    // task reports wait in one execution's queue (measured: most of W3's time).
    const taken = { items: [] as LiveExecution['queue'], next: 0 };
    live.draining = taken;
    // The decisions of one batch are committed together: one record write, one append of inputs
    // and of events, instead of one store write per input (W3: 20,000 of them, each rewriting the record).
    const group = new DecisionGroup();
    try {
      for (;;) {
        if (taken.next >= taken.items.length) {
          // SQLite commits on the next setImmediate anyway: holding the group open until then lets
          // inputs that arrive meanwhile (a Lambda's Succeeded report after its Started) share its
          // write. W2: 9 writes per execution -> 6. The memory store commits on a microtask, where the wait costs more than it saves.
          if (live.queue.length === 0 && group.size > 0 && this.ctx.store.kind === 'sqlite') {
            this.holding++;
            await nextTurn();
            this.holding--;
            if (live.dropped) {
              // An earlier write of this execution failed meanwhile: these decisions built on it.
              const { items } = group.take(live);
              for (const item of items) item.reject(new Error(`${live.arn} was reset after a store failure`));
              break;
            }
          }
          if (live.queue.length === 0) {
            this.commit(live, group);
            break;
          }
          taken.items = live.queue.splice(0, live.queue.length);
          taken.next = 0;
        }
        const item = taken.items[taken.next++]!;
        const at = item.input.kind === 'StartExecution' ? live.record.startDate : Math.max(this.ctx.clock.now(), live.lastAt);
        live.lastAt = at;
        // Stamped in place (a spread of inputs of every shape was a slow, megamorphic copy); `at` comes last either way.
        const input = item.input as EngineInput;
        input.at = at;
        const missing = this.missingActivities(live);
        if (missing) input.missingActivities = missing;
        const before = live.record.status;
        // The host failed it (failBroken) where the engine could not go on: the record is closed, the
        // engine never knew; nothing more is applied to it (a late callback, a stop, a redrive).
        if (before !== 'RUNNING' && live.engine.status === 'RUNNING') {
          item.resolve();
          continue;
        }
        let decision: Decision;
        try {
          decision = await live.engine.apply(input);
        } catch (err) {
          this.ctx.logError(`engine error in ${live.arn} applying ${input.kind}`, err);
          this.commit(live, group);
          await this.failBroken(live, err).then(item.resolve, item.reject);
          continue;
        }
        if (before !== 'RUNNING' && live.engine.status === before && decision.events.length === 0 && decision.commands.length === 0) {
          item.resolve(); // a late report to a closed execution changes nothing
          continue;
        }
        // Map Run records are derived from what the store holds: the decisions before must be in it.
        if (readsStore(decision)) this.commit(live, group);
        group.add(this.bookkeep(live, input, decision), item);
        if (group.size >= MAX_GROUPED_DECISIONS) this.commit(live, group);
      }
    } finally {
      this.commit(live, group);
      live.draining = undefined;
      live.applying = false;
      this.maybeEvict(live);
    }
  }

  /**
   * Writes the grouped decisions in one store write — the record as it stands now, then each
   * decision's writes in order, then their inputs and events — and once it is committed carries
   * out their commands and settles their inputs, in order.
   */
  private commit(live: LiveExecution, group: DecisionGroup): void {
    if (group.size === 0) return;
    const { writes, decisions, items } = group.take(live);
    live.committing++;
    this.ctx.store.write(writes).then(
      () => {
        live.committing--;
        for (let i = 0; i < items.length; i++) {
          decisions[i]!.after();
          items[i]!.resolve();
        }
        this.maybeEvict(live);
      },
      (err: unknown) => {
        live.committing--;
        // The decisions are not durable: forget the in-memory state; the store's is the truth.
        this.ctx.logError(`could not commit a decision of ${live.arn}`, err);
        this.drop(live);
        for (const item of items) item.reject(err);
      },
    );
  }

  /** Turns one decision into its store writes, and what to do once they are committed. */
  private bookkeep(live: LiveExecution, input: EngineInput, decision: Decision): Bookkept {
    const arn = live.arn;
    const writes: StoreWrite[] = [];
    const dispatch: RunTaskCommand[] = [];
    const cancel: RunTaskCommand[] = [];
    const arm: Array<{ timerId: string; dueAt: number }> = [];
    let closing = false;
    const endTask = (taskId: string): RunTaskCommand | undefined => {
      const open = live.tasks.get(taskId);
      if (!open) return undefined;
      live.tasks.delete(taskId);
      const token = open.command.taskToken;
      if (token !== undefined) {
        writes.push({ kind: 'putToken', record: { token, executionArn: arn, taskId, closed: true } });
        if (open.command.integration.service === 'activity') writes.push({ kind: 'deleteActivityTask', token });
      }
      return open.command;
    };

    switch (input.kind) {
      case 'TaskStarted': {
        const open = live.tasks.get(input.taskId);
        if (open) open.started = true;
        break;
      }
      case 'TaskSucceeded':
      case 'TaskFailed':
        endTask(input.taskId);
        break;
      case 'TimerFired':
        if (live.timers.delete(input.timerId)) writes.push({ kind: 'cancelTimer', executionArn: arn, timerId: input.timerId });
        break;
      default:
        break;
    }
    for (const c of decision.commands) {
      switch (c.kind) {
        case 'RunTask':
          live.tasks.set(c.taskId, { command: c, started: false });
          if (c.taskToken !== undefined) {
            writes.push({ kind: 'putToken', record: { token: c.taskToken, executionArn: arn, taskId: c.taskId } });
            if (c.integration.service === 'activity') {
              writes.push({ kind: 'putActivityTask', record: { activityArn: c.resource, token: c.taskToken, executionArn: arn, taskId: c.taskId, input: JSON.stringify(c.payload), scheduledAt: input.at } });
            }
          }
          dispatch.push(c);
          break;
        case 'CancelTask': {
          const command = endTask(c.taskId);
          if (command) cancel.push(command);
          break;
        }
        case 'ArmTimer':
          live.timers.add(c.timerId);
          writes.push({ kind: 'armTimer', timer: { executionArn: arn, timerId: c.timerId, dueAt: c.dueAt } });
          arm.push(c);
          break;
        case 'CancelTimer':
          if (live.timers.delete(c.timerId)) {
            writes.push({ kind: 'cancelTimer', executionArn: arn, timerId: c.timerId });
            this.timers.cancel(arn, c.timerId);
          }
          break;
        case 'StartMapRunChild': {
          const t = mapRunChildTask(c);
          live.tasks.set(c.taskId, { command: t, started: false });
          dispatch.push(t);
          break;
        }
        case 'CloseExecution':
          closing = true;
          break;
      }
    }
    const startedBefore = live.startedMapRun;
    if (!startedBefore && decision.commands.some((c) => c.kind === 'StartMapRun')) live.startedMapRun = true;
    writes.push(...mapRunWrites(this.ctx.store, arn, input.at, decision.commands, startedBefore));

    const r = live.record;
    const status = live.engine.status;
    // Told by its event, not the status: a redrive may close the execution again in the same decision (a redriven Fail state).
    if (input.kind === 'RedriveExecution' && decision.events.some((e) => e.type === 'ExecutionRedriven')) {
      r.redriveCount += 1;
      r.redriveDate = input.at;
      delete r.stopDate;
      delete r.output;
      delete r.error;
      delete r.cause;
    }
    r.status = status;
    r.eventCount = live.engine.eventCount;
    for (const c of decision.commands) {
      if (c.kind !== 'CloseExecution') continue;
      r.stopDate = input.at;
      if (c.output !== undefined) r.output = c.output;
      if (c.error !== undefined) r.error = c.error;
      if (c.cause !== undefined) r.cause = c.cause;
    }

    const after = () => {
      for (const t of arm) this.timers.arm({ executionArn: arn, timerId: t.timerId, dueAt: t.dueAt });
      if (arm.length > 0) this.scheduleTimers();
      for (const c of cancel) this.handlers[taskKindOf(c.integration)].cancel?.(arn, c);
      for (const c of dispatch) this.dispatch(live, c, false, false);
      if (closing) this.closedNow(live);
    };
    return { writes, input, events: decision.events, after };
  }

  /** An engine bug left the execution unable to go on: fail it as States.Runtime rather than leave it RUNNING forever. */
  private async failBroken(live: LiveExecution, err: unknown): Promise<void> {
    const r = live.record;
    const at = Math.max(this.ctx.clock.now(), live.lastAt);
    const cause = `The local engine failed: ${err instanceof Error ? err.message : String(err)}`;
    const event = { timestamp: at, type: 'ExecutionFailed', id: r.eventCount + 1, previousEventId: r.eventCount, executionFailedEventDetails: { error: 'States.Runtime', cause } } as HistoryEvent;
    Object.assign(r, { status: 'FAILED', stopDate: at, error: 'States.Runtime', cause, eventCount: r.eventCount + 1 });
    const writes: StoreWrite[] = [{ kind: 'putExecution', record: { ...r } }, { kind: 'appendEvents', executionArn: r.arn, events: [event] }];
    for (const id of live.timers) writes.push({ kind: 'cancelTimer', executionArn: r.arn, timerId: id });
    // Its open tasks end with it: their tokens answer TaskTimedOut, their activity tasks are not handed out.
    for (const [taskId, open] of live.tasks) {
      const token = open.command.taskToken;
      if (token === undefined) continue;
      writes.push({ kind: 'putToken', record: { token, executionArn: r.arn, taskId, closed: true } });
      if (open.command.integration.service === 'activity') writes.push({ kind: 'deleteActivityTask', token });
    }
    live.tasks.clear();
    this.timers.cancelAll(r.arn, live.timers);
    await this.ctx.store.write(writes);
    this.closedNow(live);
  }

  private closedNow(live: LiveExecution): void {
    const r = { ...live.record };
    this.ctx.onExecutionEvent?.({ kind: 'closed', executionArn: r.arn, status: r.status, at: r.stopDate ?? this.ctx.clock.now(), ...(r.error !== undefined ? { error: r.error } : {}), ...(r.cause !== undefined ? { cause: r.cause } : {}) });
    for (const listener of this.closeListeners) listener(r);
    const waiters = this.closeWaiters.get(r.arn);
    if (waiters) {
      this.closeWaiters.delete(r.arn);
      for (const w of waiters) w(r);
    }
    this.maybeEvict(live);
  }

  /**
   * A redrive of a Map Run takes up one of its closed STANDARD children: the child now belongs to
   * the parent's new task (its next close is reported there) and to this redrive of the Map Run,
   * and is redriven. Resolves whether it took the redrive; if not, nothing changed.
   */
  async redriveChild(arn: string, parent: ExecutionParent, mapRunRedrive: number): Promise<boolean> {
    this.busy++;
    try {
      const live = await this.load(arn);
      const r = live.record;
      const before = { parent: r.parent, mapRunRedrive: r.mapRunRedrive, redriveCount: r.redriveCount };
      // Set in the same turn as the input is queued: the redrive's commit writes them with the record.
      r.parent = parent;
      r.mapRunRedrive = mapRunRedrive;
      await this.submit(live, { kind: 'RedriveExecution' });
      if (r.redriveCount > before.redriveCount) return true;
      r.parent = before.parent;
      if (before.mapRunRedrive === undefined) delete r.mapRunRedrive;
      else r.mapRunRedrive = before.mapRunRedrive;
      return false;
    } finally {
      this.release();
    }
  }

  // ---- tasks -----------------------------------------------------------------------------------

  private dispatch(live: LiveExecution, command: RunTaskCommand, recovering: boolean, started: boolean): void {
    const handler = this.handlers[taskKindOf(command.integration)];
    live.inflight++;
    this.busy++;
    const arn = live.arn;
    const run: TaskRun = {
      executionArn: arn,
      command,
      recovering,
      started,
      report: (report) => {
        // Taken over, as TaskRun.report says: stamped in place rather than copied.
        (report as PendingInput & { taskId: string }).taskId = command.taskId;
        return this.feed(arn, report as PendingInput);
      },
    };
    handler
      .run(run)
      .catch((err: unknown) => {
        if (this.closed) return;
        this.ctx.logError(`the ${command.resource} task of ${arn} failed inside the local service`, err);
        return run.report({ kind: 'TaskFailed', error: 'States.Runtime', cause: `The local service could not run the task: ${err instanceof Error ? err.message : String(err)}` }).catch(() => {});
      })
      .finally(() => {
        live.inflight--;
        this.release();
        this.maybeEvict(live);
      });
  }

  /**
   * The tasks of a RUNNING execution that wait with a task token: `.waitForTaskToken` callbacks and
   * activities, in the order they were scheduled. For people and tests (`sagaflow tasks`); AWS has no such call.
   * An execution not in memory is loaded (replayed) for it, as for any callback; the tasks listed
   * are those of its last decision, whose token rows the store reads before their commit too.
   */
  async waitingTasks(arn: string): Promise<WaitingTask[]> {
    const record = this.ctx.store.getExecution(arn);
    if (!record) throw new ServiceError('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`);
    if (record.status !== 'RUNNING') return [];
    const live = await this.load(arn);
    const waiting: WaitingTask[] = [];
    for (const { command: c, started } of live.tasks.values()) {
      if (c.taskToken === undefined) continue;
      const base = { stateName: c.stateName ?? '', resource: c.resource };
      if (c.integration.service !== 'activity') waiting.push({ taskToken: c.taskToken, ...base, waitsFor: 'callback' });
      else waiting.push(started ? { taskToken: c.taskToken, ...base, waitsFor: 'activity', started } : { ...base, waitsFor: 'activity', started });
    }
    return waiting;
  }

  /** The open task of an execution, loading the execution if needed. */
  async openTask(arn: string, taskId: string): Promise<{ command: RunTaskCommand; started: boolean } | undefined> {
    const live = await this.load(arn);
    return live.tasks.get(taskId);
  }

  // ---- memory: loading, replay, eviction -------------------------------------------------------

  private load(arn: string): Promise<LiveExecution> {
    const hit = this.live.get(arn);
    if (hit) {
      this.live.delete(arn);
      this.live.set(arn, hit); // most recently used last
      return Promise.resolve(hit);
    }
    let pending = this.loading.get(arn);
    if (!pending) {
      pending = this.replay(arn).finally(() => this.loading.delete(arn));
      this.loading.set(arn, pending);
    }
    return pending;
  }

  private async replay(arn: string): Promise<LiveExecution> {
    const record = this.ctx.store.getExecution(arn);
    if (!record) throw new ServiceError('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`);
    const engine = createExecution(this.definition(record.revisionId), this.engineOptions);
    const started = new Set<string>();
    let lastAt = 0;
    let startedMapRun = false;
    for (const text of this.ctx.store.readInputs(arn)) {
      const input = JSON.parse(text) as EngineInput;
      if (input.kind === 'TaskStarted') started.add(input.taskId);
      const decision = await engine.apply(input);
      if (decision.commands.some((c) => c.kind === 'StartMapRun')) startedMapRun = true;
      lastAt = input.at;
    }
    if (engine.eventCount !== record.eventCount) {
      this.ctx.logError(`replaying ${arn} gave ${engine.eventCount} events where ${record.eventCount} are recorded`, new Error('nondeterministic replay'));
    }
    const live = new LiveExecution({ ...record }, engine);
    live.lastAt = lastAt;
    live.startedMapRun = startedMapRun;
    for (const c of engine.outstanding()) {
      if (c.kind === 'RunTask') live.tasks.set(c.taskId, { command: c, started: started.has(c.taskId) });
      else if (c.kind === 'StartMapRunChild') live.tasks.set(c.taskId, { command: mapRunChildTask(c), started: false });
      else if (c.kind === 'ArmTimer') live.timers.add(c.timerId);
    }
    this.live.set(arn, live);
    if (this.toResume.delete(arn)) this.resume(live);
    this.evictIfNeeded();
    return live;
  }

  /**
   * After a restart: dispatch again what was in flight. Lambda and the other request-response
   * integrations are at-least-once, so they run again; child executions are found again by their
   * deterministic names; activity tasks wait in the store for their workers.
   */
  private resume(live: LiveExecution): void {
    for (const open of live.tasks.values()) {
      if (open.command.integration.service === 'activity') continue;
      this.dispatch(live, open.command, true, open.started);
    }
  }

  private maybeEvict(live: LiveExecution): void {
    if (!live.idle || this.live.get(live.arn) !== live) return;
    if (live.record.status !== 'RUNNING') this.live.delete(live.arn);
    else this.evictIfNeeded();
  }

  private evictIfNeeded(): void {
    if (this.live.size <= this.maxLive) return;
    for (const [arn, live] of this.live) {
      if (this.live.size <= this.maxLive) return;
      if (live.idle) this.live.delete(arn);
    }
  }

  private drop(live: LiveExecution): void {
    live.dropped = true;
    if (this.live.get(live.arn) === live) this.live.delete(live.arn);
    const taken = live.draining;
    const pending = taken ? taken.items.splice(taken.next) : [];
    [...pending, ...live.queue.splice(0)].forEach((q) => q.reject(new Error(`${live.arn} was reset after a store failure`)));
  }

  // ---- timers and time -------------------------------------------------------------------------

  private scheduleTimers(): void {
    if (this.closed || this.ctx.clock.mode === 'virtual') return;
    const next = this.timers.peek();
    if (!next) return;
    if (this.timerHandle && this.timerDueAt !== undefined && this.timerDueAt <= next.dueAt) return;
    if (this.timerHandle) clearTimeout(this.timerHandle);
    this.timerDueAt = next.dueAt;
    const delay = Math.min(MAX_TIMEOUT, Math.ceil(this.ctx.clock.realDelayUntil(next.dueAt) ?? 0));
    this.timerHandle = setTimeout(() => {
      this.timerHandle = undefined;
      this.timerDueAt = undefined;
      this.fireDue(this.ctx.clock.now());
      this.scheduleTimers();
    }, delay);
    this.timerHandle.unref();
  }

  private fireDue(upTo: number): number {
    let fired = 0;
    for (let t = this.timers.popDue(upTo); t; t = this.timers.popDue(upTo)) {
      fired++;
      const { executionArn, timerId } = t;
      this.feed(executionArn, { kind: 'TimerFired', timerId }).catch((err: unknown) => {
        if (!this.closed) this.ctx.logError(`timer ${timerId} of ${executionArn}`, err);
      });
    }
    return fired;
  }

  /** Virtual clock: moves time forward, firing every timer that falls due in order, each after the work before it settled. */
  async advance(ms: number): Promise<{ now: number; fired: number }> {
    const clock = this.ctx.clock as VirtualClock;
    const target = clock.now() + ms;
    let fired = 0;
    for (;;) {
      await this.whenIdle();
      const next = this.timers.peek();
      if (!next || next.dueAt > target) break;
      clock.set(next.dueAt);
      fired += this.fireDue(next.dueAt);
    }
    clock.set(target);
    await this.whenIdle();
    return { now: clock.now(), fired };
  }

  /** Resolves when no input is being applied and no integration is working in this process. */
  whenIdle(): Promise<void> {
    if (this.busy === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private release(): void {
    this.busy--;
    if (this.busy === 0 && this.idleWaiters.length > 0) {
      // Let work chained on the last completion register before declaring the service idle.
      setImmediate(() => {
        if (this.busy !== 0) return;
        const waiters = this.idleWaiters;
        this.idleWaiters = [];
        for (const w of waiters) w();
      });
    }
  }

  // ---- lifecycle -------------------------------------------------------------------------------

  /** Loads the armed timers and resumes every execution that was RUNNING when the service stopped. */
  async recover(): Promise<number> {
    for (const t of this.ctx.store.timers()) this.timers.arm(t);
    const running = this.ctx.store.runningExecutions();
    for (const arn of running) this.toResume.add(arn);
    this.scheduleTimers();
    for (const arn of running) {
      if (this.closed) break;
      if (!this.toResume.has(arn)) continue;
      try {
        await this.load(arn);
      } catch (err) {
        this.ctx.logError(`could not resume ${arn}`, err);
      }
    }
    for (const arn of running) {
      if (this.closed) break;
      const child = this.ctx.store.getExecution(arn);
      if (child?.status !== 'RUNNING' || !child.parent) continue;
      const parent = this.ctx.store.getExecution(child.parent.executionArn);
      // A parent being redriven is RUNNING again.
      if (parent && parent.status !== 'RUNNING') for (const listener of this.orphanListeners) listener(child as ExecutionRecord & { parent: ExecutionParent });
    }
    return running.length;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('the local service is closed');
  }

  async close(): Promise<void> {
    this.closed = true;
    // Groups held open for the next turn are written before the store is closed (that turn comes first).
    if (this.holding > 0) await nextTurn();
    if (this.timerHandle) clearTimeout(this.timerHandle);
    this.timerHandle = undefined;
    for (const w of this.idleWaiters.splice(0)) w();
  }
}
