import { StatesErrors, type Catcher, type Json, type JsonObject, type Retrier, type StateMachineDefinition } from '../../asl';
import { compileDefinition, type CompiledDefinition } from '../compile/compiled-definition';
import type { EngineCommand } from '../engine-command';
import type { EngineInput, EngineInputKind, EngineInputOf, ExecutionInfo } from '../engine-input';
import type { Decision, EngineLimits, EngineOptions, Execution, ExecutionStatus } from '../execution-api';
import type { EventDetailsByType, HistoryEvent, HistoryEventType } from '../history-event';
import { applyResultPath, compilePath, evaluateJsonPathAssign } from '../jsonpath';
import { StatesFailure } from '../states-failure';
import { stateEvaluators } from '../states';
import { Branch, sideOf, type BranchOwner, type Thread } from './branch';
import { contextObject, executionContext, finishJsonata, jsonPathScope, stateRef, type StateOutcome } from './data-flow';
import { asEngineFailure, errorDetails, errorOutput, type EngineFailure } from './engine-failure';
import { LimitCauses, limitsOf } from './engine-limits';
import { findCatcher, findRetrier, isUnrecoverable, retryDelayMs } from './error-matching';
import { executionDeadline } from './execution-duration-limit';
import { jsonBytes, jsonBytesAlong, jsonBytesFrom, jsonText, LazyJson, parseJson, SizeMemo, withLazyTexts, WrittenJson, type PathStep } from './json-text';
import { isoTime } from './iso-time';
import { SeededRandom } from './seeded-random';
import { stateEventTypes } from './state-event-types';
import { StateRun, type MapRunRef } from './state-run';
import { VariableScope } from './variable-scope';

/** Work the runtime carries out and reports on by taskId: a task, or a Distributed Map's child execution. */
type TaskCommand = Extract<EngineCommand, { kind: 'RunTask' | 'StartMapRunChild' }>;
type ArmTimer = Extract<EngineCommand, { kind: 'ArmTimer' }>;
type CloseType = 'ExecutionSucceeded' | 'ExecutionFailed' | 'ExecutionAborted' | 'ExecutionTimedOut';
type ClosedStatus = 'SUCCEEDED' | 'FAILED' | 'ABORTED' | 'TIMED_OUT';

/** How a state reacts to what the runtime reports about its task. */
export interface TaskHandlers {
  started(input: EngineInputOf<'TaskStarted'>): Promise<void> | void;
  submitted(input: EngineInputOf<'TaskSubmitted'>): Promise<void> | void;
  succeeded(input: EngineInputOf<'TaskSucceeded'>): Promise<void> | void;
  failed(input: EngineInputOf<'TaskFailed'>): Promise<void> | void;
  heartbeat(input: EngineInputOf<'TaskHeartbeat'>): Promise<void> | void;
}

interface TaskEntry {
  command: TaskCommand;
  handlers: TaskHandlers;
}
interface TimerEntry {
  command: ArmTimer;
  fire: () => Promise<void> | void;
}

type TaskInput = EngineInputOf<'TaskStarted' | 'TaskSubmitted' | 'TaskSucceeded' | 'TaskFailed' | 'TaskHeartbeat'>;

type Job = () => Promise<void> | void;

/** The most common job, a transition, as data: no closure per state entered. */
class EnterJob {
  constructor(
    readonly branch: Branch,
    readonly name: string,
    readonly input: Json,
    /** The text the previous state's Exited event records for this same value. */
    readonly inputText: LazyJson | undefined,
  ) {}
}

/** Thrown by `emit` when the history quota is reached; apply() turns it into ExecutionFailed. */
class HistoryLimitReached {}

const NOT_TRUNCATED = { truncated: false } as const;


/**
 * The interpreter of one execution: folds EngineInputs into history events and commands.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/concepts-statemachines.html
 */
export class Interpreter implements Execution, BranchOwner {
  status: ExecutionStatus = 'RUNNING';
  eventCount = 0;
  /** The time of the input being applied (epoch ms). */
  at = 0;
  random!: SeededRandom;
  info!: ExecutionInfo;
  readonly limits: EngineLimits;
  readonly compiled: CompiledDefinition;
  /** TestState's observer of each data-flow stage (EngineOptions.inspect). */
  readonly inspect: EngineOptions['inspect'];
  /** The activities the runtime found missing as it applied the current input (InputFacts). */
  missingActivities: readonly string[] | undefined;
  /** TestState's context object (EngineOptions.context), used as it is instead of the execution's. */
  private readonly givenContext: JsonObject | undefined;
  private readonly givenExecutionContext: JsonObject | undefined;

  private events: HistoryEvent[] = [];
  private commands: EngineCommand[] = [];
  private readonly tasks = new Map<string, TaskEntry>();
  private readonly timers = new Map<string, TimerEntry>();
  /** Running Map Runs by ARN: how each takes UpdateMapRun. */
  readonly mapRuns = new Map<string, (input: EngineInputOf<'UpdateMapRun'>) => Promise<void> | void>();
  private queue: Array<Job | EnterJob> = [];
  private seq = 0;
  private readonly rootThread: Thread = { last: 0 };
  private rootVariables = new VariableScope();
  private root: Branch | undefined;
  private executionContext: JsonObject = {};
  private stateMachineContext: JsonObject = {};
  /** Set while the closing event is written: it is recorded even at the history quota. */
  private closing = false;
  /**
   * Where a redrive resumes: the top-level state that did not finish, with its input and, for a
   * Parallel or inline Map, the branches or iterations that succeeded (they are not run again).
   */
  private redrivePoint: RedrivePoint | undefined;
  /** What the state a redrive enters carries over: outputs that succeeded, a Map Run (see redrivePoint). */
  private carryIntoNextRun: RedrivePoint | undefined;
  private redrivable = false;
  /** Whether the maximum execution time applies (EngineOptions.executionTimeLimit). */
  private readonly timeLimited: boolean;
  /** Sizes measured during the decision being made (cleared after it). */
  private readonly sizes = new SizeMemo();

  constructor(definition: StateMachineDefinition, options?: EngineOptions) {
    this.compiled = compileDefinition(definition);
    this.limits = limitsOf(options);
    this.inspect = options?.inspect;
    this.givenContext = options?.context;
    this.givenExecutionContext = options?.executionContext;
    this.timeLimited = options?.executionTimeLimit !== false;
  }

  // ---- Execution -------------------------------------------------------------------------

  async apply(input: EngineInput): Promise<Decision> {
    this.events = [];
    this.commands = [];
    this.at = input.at;
    this.missingActivities = input.missingActivities;
    try {
      await (inputHandlers[input.kind] as (it: Interpreter, i: EngineInput) => Promise<void> | void)(this, input);
      await this.drain();
    } catch (e) {
      if (!(e instanceof HistoryLimitReached)) throw e;
      this.queue = [];
      this.redrivable = false;
      // The execution stops where it is: the failure is the quota's last event, linked to the one before it.
      const details = { executionFailedEventDetails: { error: StatesErrors.Runtime, cause: LimitCauses.historyLimit(this.limits.maxHistoryEvents) } };
      this.closeWith('ExecutionFailed', details, 'FAILED', this.eventCount);
    } finally {
      this.sizes.clear();
    }
    return { events: this.events, commands: this.commands };
  }

  outstanding(): EngineCommand[] {
    return [...[...this.tasks.values()].map((t) => t.command), ...[...this.timers.values()].map((t) => t.command)];
  }

  // ---- services for state evaluators -------------------------------------------------------

  /** Appends an event linked to `thread.last` and moves the thread on to it. */
  emit<T extends HistoryEventType>(thread: Thread, type: T, details: EventDetailsByType[T]): number {
    const id = this.nextEventId(thread);
    if (id === 0) return thread.last;
    this.events.push({ timestamp: this.at, type, id, previousEventId: thread.last, ...details } as HistoryEvent);
    thread.last = id;
    return id;
  }

  /** emit() of a state's Entered event: the event written in one literal (no details wrapper to spread). */
  private emitEntered(thread: Thread, type: HistoryEventType, details: EventDetailsByType['PassStateEntered']['stateEnteredEventDetails']): number {
    const id = this.nextEventId(thread);
    if (id === 0) return thread.last;
    this.events.push({ timestamp: this.at, type, id, previousEventId: thread.last, stateEnteredEventDetails: details } as HistoryEvent);
    thread.last = id;
    return id;
  }

  /** emit() of a state's Exited event, as emitEntered. */
  private emitExited(thread: Thread, type: HistoryEventType, details: EventDetailsByType['PassStateExited']['stateExitedEventDetails']): number {
    const id = this.nextEventId(thread);
    if (id === 0) return thread.last;
    this.events.push({ timestamp: this.at, type, id, previousEventId: thread.last, stateExitedEventDetails: details } as HistoryEvent);
    thread.last = id;
    return id;
  }

  /** The id of the event about to be written on `thread`, or 0 when nothing is recorded there. */
  private nextEventId(thread: Thread): number {
    if (thread.muted) return 0;
    if (this.status !== 'RUNNING' && !this.closing) return 0;
    const id = this.eventCount + 1;
    if (id >= this.limits.maxHistoryEvents && !this.closing) throw new HistoryLimitReached();
    this.eventCount = id;
    return id;
  }

  command(command: EngineCommand): void {
    this.commands.push(command);
  }

  schedule(job: Job): void {
    if (this.status === 'RUNNING') this.queue.push(job);
  }

  nextId(prefix: string): string {
    return `${prefix}-${++this.seq}`;
  }

  armTimer(delayMs: number, fire: () => Promise<void> | void, timerId = this.nextId('timer')): string {
    const command: ArmTimer = { kind: 'ArmTimer', timerId, dueAt: this.at + Math.max(0, delayMs) };
    this.timers.set(timerId, { command, fire });
    this.command(command);
    return timerId;
  }

  armTimerAt(dueAt: number, fire: () => Promise<void> | void, timerId?: string): string {
    return this.armTimer(dueAt - this.at, fire, timerId);
  }

  cancelTimer(timerId: string): void {
    if (this.timers.delete(timerId)) this.command({ kind: 'CancelTimer', timerId });
  }

  startTask(command: TaskCommand, handlers: TaskHandlers): void {
    this.tasks.set(command.taskId, { command, handlers });
    this.command(command);
  }

  /** The task ended (succeeded, failed): nothing left to cancel. */
  forgetTask(taskId: string): void {
    this.tasks.delete(taskId);
  }

  cancelTask(taskId: string): void {
    if (this.tasks.delete(taskId)) this.command({ kind: 'CancelTask', taskId });
  }

  /** `$$` for a state at this moment. */
  contextFor(run: StateRun): JsonObject {
    if (this.givenContext) return this.givenContext;
    return contextObject(this.executionContext, this.stateMachineContext, run);
  }

  /**
   * Whether a payload is over the quota (its JSON text in UTF-8 bytes). `from`: a value it may be
   * a copy of (a state's output is mostly its input), so that only what differs is measured.
   */
  overLimit(value: Json, from?: Json): boolean {
    const bytes = from === undefined ? jsonBytes(value, this.sizes) : jsonBytesFrom(value, from, this.sizes);
    return bytes > this.limits.maxPayloadBytes;
  }

  /**
   * Remembers the size of `output`, a ResultPath's copy of `input` along `path` (applied without
   * error), for overLimit: derived from the input's size, so the members beside the path are not walked.
   */
  measureResultPath(output: Json, input: Json, path: string): void {
    jsonBytesAlong(output, input, compilePath(path).segments as PathStep[], this.sizes);
  }

  /** Throws States.DataLimitExceeded, naming `who`, when a payload is over the quota. */
  checkSize(who: string, value: Json, cause: (name: string) => string = LimitCauses.dataLimit): void {
    if (this.overLimit(value)) throw new StatesFailure(StatesErrors.DataLimitExceeded, cause(who));
  }

  /** Starts a nested graph (Parallel branch, Map iteration) whose events chain from `thread`. */
  startBranch(graph: Branch['graph'], input: Json, variables: VariableScope, thread: Thread, owner: BranchOwner, index: number): Branch {
    const branch = new Branch(graph, variables, thread, owner, index);
    this.schedule(() => this.enterState(branch, graph.startAt, input));
    return branch;
  }

  /**
   * Cuts a branch: its running state records its Aborted event, linked (as AWS records it) to
   * the event that caused the cut, e.g. the failing sibling's last event.
   */
  abortBranch(branch: Branch, cause: number = branch.thread.last): void {
    branch.closed = true;
    branch.thread.last = cause;
    if (branch.active) this.abortRun(branch.active, cause);
  }

  /**
   * Runs `step` for `run`, turning a StatesFailure into the state's failure handling. A step that
   * completes synchronously stays synchronous (no promise per transition on the JSONPath path).
   */
  guard(run: StateRun, step: () => Promise<void> | void): Promise<void> | void {
    let pending: Promise<void> | void;
    try {
      pending = step();
    } catch (e) {
      return this.failOnThrow(run, e);
    }
    if (pending) return pending.then(undefined, (e: unknown) => this.failOnThrow(run, e));
  }

  private failOnThrow(run: StateRun, e: unknown): Promise<void> {
    const f = asEngineFailure(e);
    if (!f) throw e;
    return this.fail(run, f, (e as { location?: string }).location);
  }

  /** The state finished: Exited event, variables, then the next state or the branch's end. */
  complete(run: StateRun, outcome: StateOutcome, next: string | undefined): void {
    if (run.done) return;
    if (this.overLimit(outcome.output, run.input)) {
      const f = { error: StatesErrors.DataLimitExceeded, cause: LimitCauses.dataLimit(run.name) };
      this.schedule(() => this.fail(run, f));
      return;
    }
    run.done = true;
    const exited = stateEventTypes[run.state.type].exited;
    const branch = run.branch;
    const output = outcome.output;
    // The output's text, shared by this Exited event and the next state's Entered event.
    const outputText = exited || next !== undefined ? new LazyJson(output) : undefined;
    if (exited) {
      type Exited = EventDetailsByType['PassStateExited']['stateExitedEventDetails'];
      const fields: { [K in keyof Exited]: Exited[K] | LazyJson } = { name: run.name, output: outputText!, outputDetails: NOT_TRUNCATED };
      if (outcome.assigned) {
        const assigned: Record<string, string> = {};
        for (const key of Object.keys(outcome.assigned)) assigned[key] = jsonText(outcome.assigned[key]!);
        fields.assignedVariables = assigned;
        fields.assignedVariablesDetails = NOT_TRUNCATED;
      }
      this.emitExited(branch.thread, exited, withLazyTexts<Exited>(fields));
    }
    if (outcome.assigned) branch.variables.assign(outcome.assigned);
    branch.active = undefined;
    if (next !== undefined) {
      if (this.status === 'RUNNING') this.queue.push(new EnterJob(branch, next, output, outputText));
    } else if (branch === this.root) {
      // The execution's output text is the last Exited event's text: built once for both.
      this.schedule(() => (branch.closed ? undefined : this.succeed(outputText ?? new LazyJson(output))));
    } else this.schedule(() => (branch.closed ? undefined : branch.owner.branchSucceeded(branch, output)));
  }

  /**
   * A failure in `run`: EvaluationFailed (JSONata), then Retry, the Map/Parallel Failed event,
   * Catch, or the branch fails. States.Runtime skips all of them and ends the execution.
   * `handlers: false` is a failure while a Catch was being applied: no second Retry or Catch.
   */
  async fail(run: StateRun, f: EngineFailure, location?: string, handlers = true): Promise<void> {
    if (run.done) return;
    const thread = run.branch.thread;
    if (location !== undefined) {
      // An empty location is a failure about the state as a whole: AWS names no field then.
      this.emit(thread, 'EvaluationFailed', {
        evaluationFailedEventDetails: { ...errorDetails(f), ...(location === '' ? {} : { location }), state: run.name },
      });
    }
    if (isUnrecoverable(f)) return this.runtimeFailure(run, f);
    const def = run.state.def as { Retry?: Retrier[]; Catch?: Catcher[] };
    if (handlers && def.Retry) {
      const ri = findRetrier(def.Retry, f);
      if (ri >= 0) {
        const retrier = def.Retry[ri]!;
        const used = run.attempts[ri] ?? 0;
        if (used < (retrier.MaxAttempts ?? 3)) {
          run.attempts[ri] = used + 1;
          const delay = retryDelayMs(retrier, used, () => this.random.next());
          const timerId = this.armTimer(delay, () => {
            run.timers = run.timers.filter((t) => t !== timerId);
            run.retryCount++;
            return this.execute(run);
          });
          run.timers.push(timerId);
          return;
        }
      }
    }
    // MapStateFailed / ParallelStateFailed: a marker that does not move the chain on.
    const failed = stateEventTypes[run.state.type].failed;
    const failedId = failed ? this.emit(sideOf(thread), failed as 'MapStateFailed', {}) : undefined;
    const ci = handlers ? findCatcher(def.Catch, f) : -1;
    if (ci >= 0) return this.catchFailure(run, def.Catch![ci]!, ci, f, failedId);
    if (failedId !== undefined) thread.last = failedId;
    this.failBranch(run, f);
  }

  /** The branch ends with `f` (no Retry or Catch applies). */
  failBranch(run: StateRun, f: EngineFailure): void {
    if (run.done) return;
    run.done = true;
    this.releaseRun(run);
    const branch = run.branch;
    // A Task whose failure ends a Parallel branch or a Map iteration is recorded as aborted (recorded on AWS).
    const taskEnded = branch !== this.root && run.state.type === 'Task';
    if (branch === this.root) this.redrivePoint = redrivePointOf(run, f);
    else if (taskEnded && !branch.owner.recordsEndingTask) this.emit(sideOf(branch.thread), 'TaskStateAborted', {});
    branch.active = undefined;
    this.schedule(() => (branch.closed ? undefined : branch.owner.branchFailed(branch, f, false, taskEnded)));
  }

  /**
   * States.Runtime: not retried, not caught, and not reported to enclosing Parallel or Map states
   * (no *Failed events): the execution fails at once, linked to the failing state's last event.
   * Only an item-tolerant Map counts it, as a failed item.
   */
  private runtimeFailure(run: StateRun, f: EngineFailure): void {
    run.done = true;
    this.releaseRun(run);
    const branch = run.branch;
    if (branch !== this.root && branch.absorbsRuntimeFailures) {
      branch.active = undefined;
      this.schedule(() => (branch.closed ? undefined : branch.owner.branchFailed(branch, f, true)));
      return;
    }
    this.markRedrivePoint();
    this.redrivable = true;
    this.closeWith('ExecutionFailed', { executionFailedEventDetails: errorDetails(f) }, 'FAILED', branch.thread.last);
  }

  private releaseRun(run: StateRun): void {
    run.cancelTimers(this);
    if (run.taskId !== undefined) this.cancelTask(run.taskId);
    run.taskId = undefined;
  }

  // ---- lifecycle ---------------------------------------------------------------------------

  enterState(branch: Branch, name: string, input: Json, inputText?: LazyJson): Promise<void> | void {
    if (branch.closed) return;
    const state = branch.graph.states.get(name);
    if (!state) throw new Error(`engine bug: no state '${name}' (the definition was not validated)`);
    // A Distributed Map records its input written anew, not as given (localstack test_base_scenarios
    // test_map_state_label and test_map_state_result_writer, recorded on AWS in 2024-07 and 2024-08;
    // a recording of 2024-02 kept the given text).
    const text = state.distributed ? new WrittenJson(input) : (inputText ?? new LazyJson(input));
    const after = branch.thread.last;
    const entered = withLazyTexts<EventDetailsByType['PassStateEntered']['stateEnteredEventDetails']>({ name, input: text, inputDetails: NOT_TRUNCATED });
    const id = this.emitEntered(branch.thread, stateEventTypes[state.type].entered, entered);
    const run = new StateRun(branch, state, input, id, isoTime(this.at));
    run.inputText = text;
    run.enteredAfter = after;
    run.carried = this.carryIntoNextRun?.succeeded;
    run.carriedMapRun = this.carryIntoNextRun?.mapRun;
    this.carryIntoNextRun = undefined;
    branch.active = run;
    return this.execute(run);
  }

  /** As guard() around the state's evaluator, without a closure per state entered. */
  private execute(run: StateRun): Promise<void> | void {
    let pending: Promise<void> | void;
    try {
      pending = stateEvaluators[run.state.type].execute(run, this);
    } catch (e) {
      return this.failOnThrow(run, e);
    }
    if (pending) return pending.then(undefined, (e: unknown) => this.failOnThrow(run, e));
  }

  /** The state's own Aborted event first, then whatever it runs (outer before inner, as AWS orders a cut iteration). */
  private abortRun(run: StateRun, cause: number): void {
    if (run.done) return;
    run.done = true;
    const aborted = stateEventTypes[run.state.type].aborted;
    if (aborted) this.emit(sideOf(run.branch.thread, cause), aborted as 'TaskStateAborted', {});
    stateEvaluators[run.state.type].abort?.(run, this, cause);
    this.releaseRun(run);
    run.branch.active = undefined;
  }

  private async catchFailure(run: StateRun, catcher: Catcher, index: number, f: EngineFailure, failedId: number | undefined): Promise<void> {
    const caught: JsonObject = errorOutput(f);
    let outcome: StateOutcome;
    try {
      if (run.state.queryLanguage === 'JSONata') {
        outcome = await finishJsonata(this, run, caught, { errorOutput: caught }, catcher, `Catch[${index}]/`);
      } else {
        const assigned = catcher.Assign ? evaluateJsonPathAssign(catcher.Assign, jsonPathScope(this, run, caught)) : undefined;
        const output = catcher.ResultPath === undefined || catcher.ResultPath === '$' ? caught : applyResultPath(catcher.ResultPath, run.input, caught, stateRef(run));
        outcome = assigned ? { output, assigned } : { output };
      }
    } catch (e) {
      const again = asEngineFailure(e);
      if (!again) throw e;
      // Recorded from where the state stood before its Failed event, then the state fails again.
      return this.fail(run, again, (e as { location?: string }).location, false);
    }
    if (this.overLimit(outcome.output, run.input)) {
      // The Catch's own output is over the quota: the state fails again, not to be caught a second time.
      return this.fail(run, { error: StatesErrors.DataLimitExceeded, cause: LimitCauses.dataLimit(run.name) }, undefined, false);
    }
    if (failedId !== undefined) run.branch.thread.last = failedId;
    run.cancelTimers(this);
    this.complete(run, outcome, catcher.Next);
  }

  private async drain(): Promise<void> {
    for (let i = 0; i < this.queue.length; i++) {
      const job = this.queue[i]!;
      const r = job instanceof EnterJob ? this.enterState(job.branch, job.name, job.input, job.inputText) : job();
      if (r) await r;
      if (i > 4096) {
        this.queue = this.queue.slice(i + 1);
        i = -1;
      }
    }
    this.queue = [];
  }

  // ---- the top level as a branch owner -------------------------------------------------------

  branchSucceeded(_branch: Branch, output: Json): void {
    this.succeed(new LazyJson(output));
  }

  private succeed(output: LazyJson): void {
    this.redrivePoint = undefined;
    const text = output.text;
    this.closeWith('ExecutionSucceeded', { executionSucceededEventDetails: { output: text, outputDetails: NOT_TRUNCATED } }, 'SUCCEEDED', this.rootThread.last, text);
  }

  branchFailed(_branch: Branch, f: EngineFailure): void {
    this.redrivable = true;
    this.closeWith('ExecutionFailed', { executionFailedEventDetails: errorDetails(f) }, 'FAILED', this.rootThread.last);
  }

  /**
   * Writes the closing event linked to `prev`, then releases everything in motion. Nothing runs
   * after it: queued work is dropped and later inputs are ignored (until a redrive).
   */
  private closeWith<T extends CloseType>(type: T, details: EventDetailsByType[T], status: ClosedStatus, prev: number, output?: string): void {
    this.closing = true;
    const id = this.emit({ last: prev }, type, details);
    this.closing = false;
    this.rootThread.last = id;
    this.status = status;
    this.queue = [];
    for (const timerId of [...this.timers.keys()]) this.cancelTimer(timerId);
    for (const taskId of [...this.tasks.keys()]) this.cancelTask(taskId);
    const close: Extract<EngineCommand, { kind: 'CloseExecution' }> = { kind: 'CloseExecution', status };
    if (output !== undefined) close.output = output;
    const d = details as { executionFailedEventDetails?: EngineFailure; executionAbortedEventDetails?: EngineFailure; executionTimedOutEventDetails?: EngineFailure };
    const err = d.executionFailedEventDetails ?? d.executionAbortedEventDetails ?? d.executionTimedOutEventDetails;
    if (err?.error !== undefined) close.error = err.error;
    if (err?.cause !== undefined) close.cause = err.cause;
    this.command(close);
  }

  /** A redrive resumes at the top-level state that was running when the execution closed. */
  private markRedrivePoint(): void {
    const active = this.root?.active;
    if (active) this.redrivePoint = redrivePointOf(active);
  }

  // ---- inputs --------------------------------------------------------------------------------

  start(input: EngineInputOf<'StartExecution'>): void {
    if (this.eventCount > 0) return;
    const info = input.execution;
    this.info = info;
    this.random = new SeededRandom(input.seed);
    const executionInput = parseJson(input.input);
    this.executionContext = this.givenExecutionContext ?? executionContext(info, executionInput);
    this.stateMachineContext = { Id: info.stateMachineArn, Name: info.stateMachineName };
    const startedDetails: EventDetailsByType['ExecutionStarted']['executionStartedEventDetails'] = {
      input: input.input,
      inputDetails: NOT_TRUNCATED,
      roleArn: info.roleArn,
    };
    if (info.stateMachineAliasArn) startedDetails.stateMachineAliasArn = info.stateMachineAliasArn;
    if (info.stateMachineVersionArn) startedDetails.stateMachineVersionArn = info.stateMachineVersionArn;
    // AWS links the first state's Entered event to 0, not to ExecutionStarted (recorded histories).
    this.emit({ last: 0 }, 'ExecutionStarted', { executionStartedEventDetails: startedDetails });
    this.armExecutionTimeout(info.startTime);
    if (input.variables) this.rootVariables.assign(input.variables);
    this.root = new Branch(this.compiled, this.rootVariables, this.rootThread, this, 0);
    const root = this.root;
    // A scalar input keeps its text as given too (`0.0` stays `0.0` in the first state's events, as
    // recorded on AWS: localstack test_lambda_task test_invoke_json_values[0.0]); objects keep theirs through parseJson.
    let givenText: LazyJson | undefined;
    if ((typeof executionInput !== 'object' || executionInput === null) && input.input !== JSON.stringify(executionInput)) {
      givenText = new LazyJson(executionInput);
      givenText.text = input.input;
    }
    this.schedule(() => this.enterState(root, this.compiled.startAt, executionInput, givenText));
  }

  /**
   * TimeoutSeconds of the state machine, capped by the maximum execution time (1 year, EXPRESS 5
   * minutes): ExecutionTimedOut, linked to 0 and with no state events (recorded on AWS).
   */
  private armExecutionTimeout(from: number): void {
    const dueAt = executionDeadline(this.info, this.compiled.timeoutSeconds, from, this.timeLimited);
    if (dueAt === undefined) return;
    // With no TimeoutSeconds the quota's timer takes no id from the sequence: task and timer ids stay
    // those an execution stored before the quota existed recorded in its inputs, so it replays the same.
    const timerId = this.compiled.timeoutSeconds === undefined ? QUOTA_TIMER_ID : undefined;
    this.armTimerAt(dueAt, () => {
      this.markRedrivePoint();
      this.redrivable = true;
      this.closeWith('ExecutionTimedOut', { executionTimedOutEventDetails: { error: StatesErrors.Timeout } }, 'TIMED_OUT', 0);
    }, timerId);
  }

  task(input: TaskInput): Promise<void> | void {
    if (this.status !== 'RUNNING') return;
    const entry = this.tasks.get(input.taskId);
    if (!entry) return;
    return (taskReports[input.kind] as (h: TaskHandlers, i: TaskInput) => Promise<void> | void)(entry.handlers, input);
  }

  timerFired(input: EngineInputOf<'TimerFired'>): Promise<void> | void {
    if (this.status !== 'RUNNING') return;
    const entry = this.timers.get(input.timerId);
    if (!entry) return;
    this.timers.delete(input.timerId);
    return entry.fire();
  }

  /** StopExecution: ExecutionAborted linked to 0, with no state events (recorded on AWS). */
  stop(input: EngineInputOf<'StopExecution'>): void {
    if (this.status !== 'RUNNING') return;
    this.markRedrivePoint();
    this.redrivable = true;
    const details: { error?: string; cause?: string } = {};
    if (input.error !== undefined) details.error = input.error;
    if (input.cause !== undefined) details.cause = input.cause;
    this.closeWith('ExecutionAborted', { executionAbortedEventDetails: details }, 'ABORTED', 0);
  }

  redrive(_input: EngineInputOf<'RedriveExecution'>): void {
    if (this.status === 'RUNNING' || this.status === 'SUCCEEDED' || !this.redrivable || !this.redrivePoint || !this.root) return;
    const count = (this.executionContext.RedriveCount as number) + 1;
    this.executionContext = { ...this.executionContext, RedriveCount: count, RedriveTime: isoTime(this.at) };
    this.status = 'RUNNING';
    this.redrivable = false;
    this.emit(this.rootThread, 'ExecutionRedriven', { executionRedrivenEventDetails: { redriveCount: count } });
    this.armExecutionTimeout(this.at);
    const point = this.redrivePoint;
    this.redrivePoint = undefined;
    const root = this.root;
    root.closed = false;
    root.active = undefined;
    this.schedule(() => {
      this.carryIntoNextRun = point;
      return this.enterState(root, point.name, point.input);
    });
  }
}

/** The maximum execution time's timer when no TimeoutSeconds is set (nextId never yields `timer-0`). */
const QUOTA_TIMER_ID = 'timer-0';

/**
 * A redrive restarts the state that did not finish with its input; a Parallel or an inline Map
 * redrives only the branches and iterations that failed or were aborted, a Distributed Map its
 * Map Run's children that did not succeed.
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_RedriveExecution.html
 */
interface RedrivePoint {
  name: string;
  input: Json;
  /** The outputs of the branches, iterations or Map Run children that succeeded. */
  succeeded?: Map<number, Json>;
  /** A Distributed Map's Map Run to redrive. */
  mapRun?: MapRunRef;
}

/**
 * Where a redrive resumes. A Parallel or an inline Map that failed with States.DataLimitExceeded is
 * rerun whole, "including the branches that were successful" / "the iterations that were
 * successful" (Redriving executions page): its output, not a branch, was over the quota.
 */
function redrivePointOf(run: StateRun, failure?: EngineFailure): RedrivePoint {
  const point: RedrivePoint = { name: run.name, input: run.input };
  const overQuota = failure?.error === StatesErrors.DataLimitExceeded && (run.state.type === 'Parallel' || (run.state.type === 'Map' && !run.state.distributed));
  if (run.succeededBranches && !overQuota) point.succeeded = run.succeededBranches;
  if (run.mapRun) point.mapRun = run.mapRun;
  return point;
}

/** Which handler each task report goes to. */
const taskReports: { [P in TaskInput['kind']]: (h: TaskHandlers, i: EngineInputOf<P>) => Promise<void> | void } = {
  TaskStarted: (h, i) => h.started(i),
  TaskSubmitted: (h, i) => h.submitted(i),
  TaskSucceeded: (h, i) => h.succeeded(i),
  TaskFailed: (h, i) => h.failed(i),
  TaskHeartbeat: (h, i) => h.heartbeat(i),
};

/** Every input kind has a handler; a new kind breaks the build until it is handled. */
const inputHandlers: { [K in EngineInputKind]: (it: Interpreter, input: EngineInputOf<K>) => Promise<void> | void } = {
  StartExecution: (it, i) => it.start(i),
  TaskStarted: (it, i) => it.task(i),
  TaskSubmitted: (it, i) => it.task(i),
  TaskSucceeded: (it, i) => it.task(i),
  TaskFailed: (it, i) => it.task(i),
  TaskHeartbeat: (it, i) => it.task(i),
  TimerFired: (it, i) => it.timerFired(i),
  StopExecution: (it, i) => it.stop(i),
  RedriveExecution: (it, i) => it.redrive(i),
  UpdateMapRun: (it, i) => (it.status === 'RUNNING' ? it.mapRuns.get(i.mapRunArn)?.(i) : undefined),
};
