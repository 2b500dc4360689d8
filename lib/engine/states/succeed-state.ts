import type { SucceedState } from '../../asl';
import { effectiveInput, finishJsonata, passThroughJsonPath } from '../core/data-flow';
import type { StateEvaluator } from './state-evaluator';

/**
 * Succeed: ends its branch successfully; InputPath/OutputPath (JSONPath) or Output (JSONata).
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-succeed.html
 */
export const succeedState: StateEvaluator = {
  execute(run, it) {
    const def = run.state.def as SucceedState;
    if (run.state.queryLanguage === 'JSONata') {
      return finishJsonata(it, run, run.input, undefined, { Output: def.Output }).then((outcome) => it.complete(run, outcome, undefined));
    }
    it.complete(run, passThroughJsonPath(it, run, effectiveInput(it, run)), undefined);
  },
};
