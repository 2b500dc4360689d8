import type { ParallelState } from '../../asl';
import { CatchableState } from '../catchable-state';
import type { Chainable, CostContext, RenderContext, StateNode } from '../state-node';
import { renderTemplate } from '../json-path';
import { WorkflowError } from '../workflow-error';

/** @see https://docs.aws.amazon.com/step-functions/latest/dg/state-parallel.html */
export interface JsonPathParallelProps {
  branches: Chainable[];
  /** Template of the input each branch receives. @default the state's input */
  parameters?: unknown;
  /** Where the array of branch outputs goes. @default "$" */
  resultPath?: string | null;
  resultSelector?: unknown;
  outputPath?: string;
  comment?: string;
}

/** Runs every branch at once; the result is the array of branch outputs. */
export class Parallel extends CatchableState {
  readonly type = 'Parallel';
  constructor(name: string, private readonly props: JsonPathParallelProps) {
    super(name);
    if (props.branches.length === 0) throw new WorkflowError('it has no branches', 'give at least one branch', name);
  }

  override nestedStarts(): StateNode[] {
    return this.props.branches.map((b) => b.startState);
  }

  render(ctx: RenderContext): ParallelState {
    const p = this.props;
    return {
      Type: 'Parallel',
      ...(p.comment && { Comment: p.comment }),
      Branches: p.branches.map((b) => ctx.renderGraph(b.startState)),
      ...(p.parameters !== undefined && { Parameters: renderTemplate(p.parameters) }),
      ...(p.resultSelector !== undefined && { ResultSelector: renderTemplate(p.resultSelector) }),
      ...(p.resultPath !== undefined && { ResultPath: p.resultPath }),
      ...(p.outputPath !== undefined && { OutputPath: p.outputPath }),
      ...this.renderRetryCatch(),
      ...this.transition(),
    };
  }

  /** Entered, ParallelStateStarted, every branch (all run), ParallelStateSucceeded, Exited; a retry re-runs it all. */
  ownEvents(ctx: CostContext): number {
    const once = 4 + this.props.branches.reduce((sum, b) => sum + ctx.nestedGraphEvents(b.startState), 0);
    return once * (1 + this.worstCaseRetries());
  }
}
