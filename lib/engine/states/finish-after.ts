import type { StateRun } from '../core/state-run';

/**
 * Runs a Map's or Parallel's output processing after its Succeeded event. The Exited event links
 * past that marker, but a failure of the processing (ResultSelector, ResultPath...) links to it,
 * as AWS records it.
 */
export async function finishAfter(succeededId: number, run: StateRun, finish: () => Promise<void>): Promise<void> {
  try {
    await finish();
  } catch (e) {
    run.branch.thread.last = succeededId;
    throw e;
  }
}
