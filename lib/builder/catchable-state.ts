import type { Catcher, Retrier } from '../asl';
import { NextState } from './next-state';
import type { Chainable, Edge } from './state-node';
import { checkCatchers, renderRetry, worstCaseRetries, type RetryPolicy } from './retry-policy';

/** Options of a Catch: which errors, and where the error output goes. */
export interface CatchProps {
  /** @default ["States.ALL"] */
  errors?: string[];
  /** Where `{Error, Cause}` is placed in the input; null discards it. @default "$" */
  resultPath?: string | null;
}

/** Retry and Catch, shared by Task, Map and Parallel. */
export abstract class CatchableState extends NextState {
  protected readonly retries: RetryPolicy[] = [];
  private readonly catches: Array<{ handler: Chainable; props: CatchProps }> = [];

  /** Adds retry policies, tried in order. */
  addRetry(...policies: RetryPolicy[]): this {
    this.retries.push(...policies);
    return this;
  }

  /** Sends the listed errors to `handler` after retries are exhausted. */
  addCatch(handler: Chainable, props: CatchProps = {}): this {
    this.catches.push({ handler, props });
    return this;
  }

  override edges(): Edge[] {
    return [...super.edges(), ...this.catches.map((c) => ({ target: c.handler.startState }))];
  }

  protected renderRetryCatch(): { Retry?: Retrier[]; Catch?: Catcher[] } {
    const retry = renderRetry(this.retries, this.name);
    const catchers: Catcher[] = this.catches.map(({ handler, props }) => ({
      ErrorEquals: props.errors ?? ['States.ALL'],
      Next: handler.startState.name,
      ...(props.resultPath !== undefined && { ResultPath: props.resultPath }),
    }));
    checkCatchers(catchers, this.name);
    return { ...(retry.length > 0 && { Retry: retry }), ...(catchers.length > 0 && { Catch: catchers }) };
  }

  /** Worst-case retries: every retrier's attempts are spent. */
  protected worstCaseRetries(): number {
    return worstCaseRetries(this.retries);
  }
}
