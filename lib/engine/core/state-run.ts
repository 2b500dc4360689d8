import type { Json, JsonObject } from '../../asl';
import type { CompiledState } from '../compile/compiled-definition';
import type { Branch } from './branch';

/**
 * One execution of one state, from its Entered event to its Exited (or failure, or abort).
 * Retries happen inside the same run: `retryCount` feeds `$$.State.RetryCount`.
 */
export class StateRun {
  retryCount = 0;
  /** Attempts used per retrier (by index), for MaxAttempts. */
  readonly attempts: number[] = [];
  /** The task token of the current attempt, when the integration needs one. */
  taskToken: string | undefined;
  /** The running task and its timers, if any. */
  taskId: string | undefined;
  timers: string[] = [];
  /** Parallel branches / Map iterations started by this run. */
  children: Branch[] = [];
  /** State-type specific bookkeeping (Map progress...). */
  work: Record<string, unknown> = {};
  /** Set once the run left its state (exited, failed out, aborted). */
  done = false;

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

  /** The `$$.Map.Item` (and the like) extra context, if the state needs one at this moment. */
  extraContext: JsonObject | undefined;
}
