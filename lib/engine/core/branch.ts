import type { Failure, Json } from '../../asl';
import type { CompiledGraph } from '../compile/compiled-definition';
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

/** Who learns how a branch ended: the execution itself, a Parallel state, or a Map state. */
export interface BranchOwner {
  branchSucceeded(branch: Branch, output: Json): Promise<void> | void;
  branchFailed(branch: Branch, failure: Failure): Promise<void> | void;
}

/** A running state graph: the top level, a Parallel branch or a Map iteration. */
export class Branch {
  /** The state currently executing, if any. */
  active: StateRun | undefined;
  /** Set once the branch ended or was aborted; later callbacks are ignored. */
  closed = false;
  constructor(
    readonly graph: CompiledGraph,
    readonly variables: VariableScope,
    readonly thread: Thread,
    readonly owner: BranchOwner,
    /** Position among its siblings (branch or item index). */
    readonly index: number,
  ) {}
}
