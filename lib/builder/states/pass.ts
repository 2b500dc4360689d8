import type { PassState } from '../../asl';
import { renderTemplate } from '../json-path';
import { NextState } from '../next-state';

/** @see https://docs.aws.amazon.com/step-functions/latest/dg/state-pass.html */
export interface JsonPathPassProps {
  /** A payload template (PathRefs allowed) that becomes the result. */
  parameters?: unknown;
  /** A fixed result. */
  result?: unknown;
  /** @default "$" */
  resultPath?: string | null;
  inputPath?: string;
  outputPath?: string;
  comment?: string;
}

export class Pass extends NextState {
  readonly type = 'Pass';
  constructor(name: string, private readonly props: JsonPathPassProps = {}) {
    super(name);
  }

  render(): PassState {
    const p = this.props;
    return {
      Type: 'Pass',
      ...(p.comment && { Comment: p.comment }),
      ...(p.inputPath !== undefined && { InputPath: p.inputPath }),
      ...(p.parameters !== undefined && { Parameters: renderTemplate(p.parameters) }),
      ...(p.result !== undefined && { Result: renderTemplate(p.result) }),
      ...(p.resultPath !== undefined && { ResultPath: p.resultPath }),
      ...(p.outputPath !== undefined && { OutputPath: p.outputPath }),
      ...this.transition(),
    };
  }

  /** PassStateEntered, PassStateExited. */
  ownEvents(): number {
    return 2;
  }
}
