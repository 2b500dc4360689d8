import type { MapState as AslMapState } from '../../asl';
import { CatchableState } from '../catchable-state';
import type { Chainable, CostContext, RenderContext, StateNode } from '../state-node';
import { renderTemplate } from '../json-path';
import { WorkflowError } from '../workflow-error';

/** @see https://docs.aws.amazon.com/step-functions/latest/dg/state-map-inline.html */
export interface JsonPathMapProps {
  /** The activity or sub-chain run for each item. */
  iterator: Chainable;
  /** @default "$" */
  itemsPath?: string;
  /** Template of each iteration's input; `Context.mapItem` is the item. @default the item */
  itemSelector?: unknown;
  /** @default 0 (no limit) */
  maxConcurrency?: number;
  /** Failed items tolerated before the Map fails (Distributed mode only). @default 0 */
  toleratedFailureCount?: number;
  /** Failed items tolerated, in percent (Distributed mode only). @default 0 */
  toleratedFailurePercentage?: number;
  /** INLINE runs iterations in this execution's history; DISTRIBUTED runs child executions. @default "INLINE" */
  mode?: 'INLINE' | 'DISTRIBUTED';
  /** The largest number of items expected, for the history budget. @default unknown: the budget reports events per item */
  maxItems?: number;
  /** @default "$" */
  resultPath?: string | null;
  resultSelector?: unknown;
  outputPath?: string;
  label?: string;
  comment?: string;
}

/** Runs the iterator over every item of an array; the result is the array of outputs, in order. */
export class MapState extends CatchableState {
  readonly type = 'Map';
  constructor(name: string, private readonly props: JsonPathMapProps) {
    super(name);
    const p = props;
    const mode = p.mode ?? 'INLINE';
    if (mode === 'INLINE' && (p.toleratedFailureCount !== undefined || p.toleratedFailurePercentage !== undefined)) {
      throw new WorkflowError('tolerated failures apply only to a Distributed Map', "set mode: 'DISTRIBUTED', or remove toleratedFailureCount/Percentage", name);
    }
    const count = (n: number | undefined) => n === undefined || (Number.isInteger(n) && n >= 0);
    if (!count(p.maxConcurrency)) throw new WorkflowError(`maxConcurrency (${p.maxConcurrency}) is not a whole number of 0 or more`, 'use 0 for no limit, or a positive whole number', name);
    if (!count(p.toleratedFailureCount)) throw new WorkflowError(`toleratedFailureCount (${p.toleratedFailureCount}) is not a whole number of 0 or more`, 'use a whole number', name);
    if (p.toleratedFailurePercentage !== undefined && !(p.toleratedFailurePercentage >= 0 && p.toleratedFailurePercentage <= 100)) {
      throw new WorkflowError(`toleratedFailurePercentage (${p.toleratedFailurePercentage}) is outside 0–100`, 'use a percentage from 0 to 100', name);
    }
    if (!count(p.maxItems)) throw new WorkflowError(`maxItems (${p.maxItems}) is not a whole number of 0 or more`, 'use a whole number', name);
  }

  override nestedStarts(): StateNode[] {
    return [this.props.iterator.startState];
  }

  render(ctx: RenderContext): AslMapState {
    const p = this.props;
    const mode = p.mode ?? 'INLINE';
    return {
      Type: 'Map',
      ...(p.comment && { Comment: p.comment }),
      ItemProcessor: {
        ProcessorConfig: mode === 'INLINE' ? { Mode: 'INLINE' } : { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
        ...ctx.renderGraph(p.iterator.startState),
      },
      ...(p.itemsPath !== undefined && { ItemsPath: p.itemsPath }),
      ...(p.itemSelector !== undefined && { ItemSelector: renderTemplate(p.itemSelector) }),
      ...(p.maxConcurrency !== undefined && { MaxConcurrency: p.maxConcurrency }),
      ...(p.toleratedFailureCount !== undefined && { ToleratedFailureCount: p.toleratedFailureCount }),
      ...(p.toleratedFailurePercentage !== undefined && { ToleratedFailurePercentage: p.toleratedFailurePercentage }),
      ...(p.label !== undefined && { Label: p.label }),
      ...(p.resultSelector !== undefined && { ResultSelector: renderTemplate(p.resultSelector) }),
      ...(p.resultPath !== undefined && { ResultPath: p.resultPath }),
      ...(p.outputPath !== undefined && { OutputPath: p.outputPath }),
      ...this.renderRetryCatch(),
      ...this.transition(),
    };
  }

  /**
   * Inline: MapStateEntered, MapStateStarted, per item MapIterationStarted + iteration +
   * MapIterationSucceeded, MapStateSucceeded, MapStateExited. Distributed: the iterations are
   * child executions with their own histories; this one gets Entered, MapStateStarted,
   * MapRunStarted, MapRunSucceeded, MapStateSucceeded, Exited (an upper bound: the budget must
   * not undercount). A retry re-runs the whole Map.
   */
  ownEvents(ctx: CostContext): number {
    const p = this.props;
    if ((p.mode ?? 'INLINE') === 'DISTRIBUTED') return 6 * (1 + this.worstCaseRetries());
    const perItem = 2 + ctx.nestedGraphEvents(p.iterator.startState);
    if (p.maxItems === undefined) ctx.unboundedMap(this.name, perItem);
    return (4 + perItem * (p.maxItems ?? 0)) * (1 + this.worstCaseRetries());
  }
}
