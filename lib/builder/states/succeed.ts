import type { SucceedState } from '../../asl';
import { StateNode } from '../state-node';

/** Ends the flow successfully. @see https://docs.aws.amazon.com/step-functions/latest/dg/state-succeed.html */
export class Succeed extends StateNode {
  readonly type = 'Succeed';
  readonly terminal = true;
  constructor(name: string, private readonly props: { outputPath?: string; comment?: string } = {}) {
    super(name);
  }
  override get endStates(): StateNode[] {
    return [];
  }

  render(): SucceedState {
    return {
      Type: 'Succeed',
      ...(this.props.comment && { Comment: this.props.comment }),
      ...(this.props.outputPath !== undefined && { OutputPath: this.props.outputPath }),
    };
  }

  /** SucceedStateEntered, SucceedStateExited. */
  ownEvents(): number {
    return 2;
  }
}
