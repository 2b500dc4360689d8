import type { Json, ParallelState } from '../../asl';
import type { BranchOwner } from '../core/branch';
import { finishAfter } from './finish-after';
import { effectiveInput, finishJsonata, finishJsonPath, jsonataBindings, payloadTemplate } from '../core/data-flow';
import { toStatesFailure } from '../core/engine-failure';
import { keepElementTexts } from '../core/json-text';
import { evaluateJsonataField } from '../jsonata';
import type { StateEvaluator } from './state-evaluator';

/**
 * Parallel: every branch runs on the same input with a read-only view of the outer variables;
 * the result is the array of branch outputs in branch order. The first branch to fail fails the
 * state with its own error, subject to Retry and Catch: the branches still running are cut
 * first, each running state recording its Aborted event linked to the failing branch's last
 * event, and so is ParallelStateFailed. A retry starts again from ParallelStateStarted.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-parallel.html
 */
export const parallelState: StateEvaluator = {
  async execute(run, it) {
    const def = run.state.def as ParallelState;
    let input: Json;
    if (run.state.queryLanguage === 'JSONata') {
      input = def.Arguments !== undefined ? await evaluateJsonataField(def.Arguments, 'Arguments', jsonataBindings(it, run)) : run.input;
      it.inspect?.(run.name, 'afterArguments', input);
    } else {
      const effective = effectiveInput(it, run);
      input = def.Parameters !== undefined ? payloadTemplate(it, run, def.Parameters, effective, 'Parameters') : effective;
      it.inspect?.(run.name, 'afterParameters', input);
    }
    const thread = run.branch.thread;
    const startedId = it.emit(thread, 'ParallelStateStarted', {});
    const graphs = run.state.graphs;
    const results: Json[] = new Array<Json>(graphs.length).fill(null);
    // A redrive runs again only the branches that did not succeed.
    const carried = run.takeCarried();
    if (carried) for (const [i, output] of carried) results[i] = output;
    let remaining = graphs.length - (carried?.size ?? 0);
    let settled = false;
    // ParallelStateSucceeded and the Exited event both link to the last branch's last event;
    // a failure of the output processing links to ParallelStateSucceeded (recorded on AWS).
    const succeed = (last: number) => {
      settled = true;
      const succeededId = it.emit({ last }, 'ParallelStateSucceeded', {});
      thread.last = last;
      return it.guard(run, () => finishAfter(succeededId, run, async () => {
        // Branch outputs that kept their given texts keep them in the array (recorded on AWS).
        keepElementTexts(results);
        const outcome = run.state.queryLanguage === 'JSONata' ? await finishJsonata(it, run, results, { result: results }) : finishJsonPath(it, run, results, true);
        it.complete(run, outcome, def.Next);
      }));
    };
    const owner: BranchOwner = {
      branchSucceeded(branch, output) {
        if (settled || run.done) return;
        results[branch.index] = output;
        run.keepBranchOutput(branch.index, output);
        if (--remaining > 0) return;
        return succeed(branch.thread.last);
      },
      branchFailed(branch, failure) {
        if (settled || run.done) return;
        settled = true;
        const cause = branch.thread.last;
        for (const other of run.children) if (other !== branch && !other.closed) it.abortBranch(other, cause);
        thread.last = cause;
        return it.guard(run, () => {
          throw toStatesFailure(failure);
        });
      },
    };
    run.children = [];
    if (remaining === 0) return succeed(startedId);
    graphs.forEach((graph, index) => {
      if (!carried?.has(index)) run.children.push(it.startBranch(graph, input, run.branch.variables.child(), { last: startedId }, owner, index));
    });
  },
  abort(run, it, cause) {
    for (const child of run.children) if (!child.closed) it.abortBranch(child, cause);
  },
};
