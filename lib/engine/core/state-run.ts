import type { Json, JsonObject } from '../../asl';
import type { CompiledState } from '../compile/compiled-definition';
import type { Branch } from './branch';
import type { LazyJson } from './json-text';

/**
 * One execution of one state, from its Entered event to its Exited (or failure, or abort).
 * Retries happen inside the same run: `retryCount` feeds `$$.State.RetryCount`.
 */
export class StateRun {
  retryCount = 0;
  /** The task token of the current attempt, when the integration needs one. */
  taskToken: string | undefined;
  /** The running task, if any. */
  taskId: string | undefined;
  /** Set once the run left its state (exited, failed out, aborted). */
  done = false;
  /** The input's JSON text as the Entered event records it (shared with events that record the same value). */
  inputText: LazyJson | undefined;
  /** The event the Entered event links to: a JSONata Map whose Items fail links its EvaluationFailed there (recorded on AWS). */
  enteredAfter = 0;
  // Most runs (a Pass, a Choice) never use these: they are allocated on first use.
  private _attempts: number[] | undefined;
  private _timers: string[] | undefined;
  private _children: Branch[] | undefined;
  private _work: Record<string, unknown> | undefined;

  constructor(
    readonly branch: Branch,
    readonly state: CompiledState,
    /** The raw state input, before InputPath. */
    readonly input: Json,
    readonly enteredEventId: number,
    /** ISO-8601 entered time for `$$.State.EnteredTime`. */
    readonly enteredTime: string,
  ) {}

  get name(): string {
    return this.state.name;
  }

  /** Attempts used per retrier (by index), for MaxAttempts. */
  get attempts(): number[] {
    return (this._attempts ??= []);
  }

  /** The run's timers (timeouts, retry back-offs), if any. */
  get timers(): string[] {
    return (this._timers ??= []);
  }
  set timers(timers: string[]) {
    this._timers = timers;
  }

  /** Cancels the run's timers, in the order they were armed, and forgets them. */
  cancelTimers(it: { cancelTimer(timerId: string): void }): void {
    const timers = this._timers;
    if (timers === undefined) return;
    this._timers = [];
    for (const t of timers) it.cancelTimer(t);
  }

  /** Parallel branches / Map iterations started by this run. */
  get children(): Branch[] {
    return (this._children ??= []);
  }
  set children(children: Branch[]) {
    this._children = children;
  }

  /** State-type specific bookkeeping (Map progress...). */
  get work(): Record<string, unknown> {
    return (this._work ??= {});
  }

  /** The `$$.Map.Item` (and the like) extra context, if the state needs one at this moment. */
  extraContext: JsonObject | undefined;

  /**
   * Outputs of this run's branches or iterations that succeeded (index → output): what a redrive
   * keeps when the state did not finish. Carried in by a redrive as `carried`, used by the first attempt.
   */
  succeededBranches: Map<number, Json> | undefined;
  carried: Map<number, Json> | undefined;

  /**
   * A Distributed Map's Map Run that a redrive takes up again (its ARN and redrives so far): set
   * while the run has not succeeded. `carriedMapRun` is the one a redrive carried in.
   */
  mapRun: MapRunRef | undefined;
  carriedMapRun: MapRunRef | undefined;

  /** Records a branch or iteration that succeeded, for a later redrive. */
  keepBranchOutput(index: number, output: Json): void {
    (this.succeededBranches ??= new Map()).set(index, output);
  }

  /**
   * At the start of an attempt: the outputs a redrive carried over, once (a Retry of the state runs
   * every branch again), which also start the attempt's record of succeeded branches.
   */
  takeCarried(): Map<number, Json> | undefined {
    const carried = this.carried;
    this.carried = undefined;
    this.succeededBranches = carried ? new Map(carried) : undefined;
    return carried;
  }

  /** At the start of an attempt: the Map Run a redrive carried over, once (a Retry starts a new Map Run). */
  takeCarriedMapRun(): MapRunRef | undefined {
    const carried = this.carriedMapRun;
    this.carriedMapRun = undefined;
    return carried;
  }
}

/** A Map Run as a redrive finds it again. */
export interface MapRunRef {
  arn: string;
  redriveCount: number;
}
