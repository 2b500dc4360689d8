import type { Json } from '../../asl';
import type { CompiledGraph } from '../compile/compiled-definition';
import type { EngineFailure } from './engine-failure';
import type { StateRun } from './state-run';
import type { VariableScope } from './variable-scope';

/**
 * The chain of `previousEventId`s one line of execution follows: the top level, one Parallel
 * branch, or one Map iteration. AWS links each event to the one before it on the same line.
 */
export interface Thread {
  last: number;
  /** A Distributed Map's child executions keep their own histories: their events are not recorded here. */
  muted?: boolean;
}

/** A side event of `thread` linked to `last` that does not move the chain on (aborts, Succeeded/Failed markers). */
export function sideOf(thread: Thread, last: number = thread.last): Thread {
  return thread.muted ? { last, muted: true } : { last };
}

/** Who learns how a branch ended: the execution itself, a Parallel state, or a Map state. */
export interface BranchOwner {
  branchSucceeded(branch: Branch, output: Json): Promise<void> | void;
  /**
   * `unrecorded`: the failure is a States.Runtime error an item-tolerant Map counts as a failed
   * item without recording MapIterationFailed. `taskEnded`: a Task's failure ended the branch, and
   * the owner records its TaskStateAborted (see `recordsEndingTask`).
   */
  branchFailed(branch: Branch, failure: EngineFailure, unrecorded?: boolean, taskEnded?: boolean): Promise<void> | void;
  /**
   * The owner records the TaskStateAborted of a Task whose failure ended the branch, where its own
   * events put it (a Map: after MapIterationFailed); otherwise it is recorded as the branch fails.
   */
  readonly recordsEndingTask?: boolean;
}

/** A running state graph: the top level, a Parallel branch or a Map iteration. */
export class Branch {
  /** The state currently executing, if any. */
  active: StateRun | undefined;
  /** Set once the branch ended or was aborted; later callbacks are ignored. */
  closed = false;
  /**
   * A Map with a failure tolerance (or a Distributed Map) counts a States.Runtime error in an
   * item as a failed item; anywhere else States.Runtime ends the whole execution at once.
   */
  absorbsRuntimeFailures = false;
  constructor(
    readonly graph: CompiledGraph,
    readonly variables: VariableScope,
    readonly thread: Thread,
    readonly owner: BranchOwner,
    /** Position among its siblings (branch or item index). */
    readonly index: number,
  ) {}
}
