import type { FailState } from '../../asl';
import { StateNode } from '../state-node';

/** @see https://docs.aws.amazon.com/step-functions/latest/dg/state-fail.html */
export interface JsonPathFailProps {
  error?: string;
  cause?: string;
  /** A path to the error name, e.g. `$.error.Error` for a caught error. */
  errorPath?: string;
  causePath?: string;
  comment?: string;
}

/** Ends the flow with an error. */
export class Fail extends StateNode {
  readonly type = 'Fail';
  readonly terminal = true;
  constructor(name: string, private readonly props: JsonPathFailProps = {}) {
    super(name);
  }
  override get endStates(): StateNode[] {
    return [];
  }

  render(): FailState {
    const p = this.props;
    return {
      Type: 'Fail',
      ...(p.comment && { Comment: p.comment }),
      ...(p.error !== undefined && { Error: p.error }),
      ...(p.errorPath !== undefined && { ErrorPath: p.errorPath }),
      ...(p.cause !== undefined && { Cause: p.cause }),
      ...(p.causePath !== undefined && { CausePath: p.causePath }),
    };
  }

  /** FailStateEntered, plus ExecutionFailed at the top level (a Fail has no Exited event). */
  ownEvents(_ctx: unknown, nested: boolean): number {
    return nested ? 1 : 2;
  }
}
