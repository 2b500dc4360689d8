import type { PassState } from '../../asl';
import { effectiveInput, finishJsonata, finishJsonPath, payloadTemplate } from '../core/data-flow';
import type { StateEvaluator } from './state-evaluator';

/**
 * Pass: JSONPath — InputPath, Parameters, Result (else the effective input), ResultPath,
 * OutputPath; JSONata — Output (default: the input) and Assign.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-pass.html
 */
export const passState: StateEvaluator = {
  execute(run, it) {
    const def = run.state.def as PassState;
    if (run.state.queryLanguage === 'JSONata') {
      return finishJsonata(it, run, run.input).then((outcome) => it.complete(run, outcome, def.Next));
    }
    let result = effectiveInput(it, run);
    if (def.Parameters !== undefined) result = payloadTemplate(it, run, def.Parameters, result, 'Parameters');
    it.inspect?.(run.name, 'afterParameters', result);
    if (def.Result !== undefined) result = def.Result;
    it.complete(run, finishJsonPath(it, run, result, false), def.Next);
  },
};
