import { StatesErrors, type ChoiceState, type JsonataChoiceRule, type JsonPathChoiceRule } from '../../asl';
import { effectiveInput, finishJsonata, jsonataBindings, jsonPathScope, passThroughJsonPath, stateRef } from '../core/data-flow';
import type { Interpreter } from '../core/interpreter';
import type { StateRun } from '../core/state-run';
import { evaluateJsonataCondition } from '../jsonata';
import { evaluateChoiceRules, statePrefix } from '../jsonpath';
import { StatesFailure } from '../states-failure';
import type { StateEvaluator } from './state-evaluator';

/**
 * AWS's cause (after the state prefix) when no rule matches and there is no Default: the error is
 * States.Runtime, not the States.NoChoiceMatched the spec names (measured on AWS, us-east-1).
 */
export const NO_CHOICE_MATCHED_CAUSE = 'Failed to transition out of the state. The state does not point to a next state.';

function noChoiceMatched(run: StateRun): StatesFailure {
  return new StatesFailure(StatesErrors.Runtime, statePrefix(stateRef(run)) + NO_CHOICE_MATCHED_CAUSE);
}

/**
 * Choice: the first matching rule's Next, else Default, else a States.Runtime failure.
 * JSONPath: rules on the effective input, the rule's Assign (else the state's), OutputPath.
 * JSONata: Condition expressions; the matched rule's Output/Assign (else the state's).
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html
 */
export const choiceState: StateEvaluator = {
  execute(run, it) {
    const def = run.state.def as ChoiceState;
    if (run.state.queryLanguage === 'JSONata') return jsonataChoice(run, it, def);
    const effective = effectiveInput(it, run);
    const rules = def.Choices as JsonPathChoiceRule[];
    const index = evaluateChoiceRules(rules, jsonPathScope(it, run, effective));
    if (index < 0 && def.Default === undefined) throw noChoiceMatched(run);
    const rule = index >= 0 ? rules[index]! : undefined;
    const assign = rule ? rule.Assign : def.Assign;
    it.complete(run, passThroughJsonPath(it, run, effective, assign), rule ? rule.Next : def.Default);
  },
};

async function jsonataChoice(run: StateRun, it: Interpreter, def: ChoiceState): Promise<void> {
  const bindings = jsonataBindings(it, run);
  const rules = def.Choices as JsonataChoiceRule[];
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i]!;
    if (await evaluateJsonataCondition(rule.Condition, bindings, `Choices[${i}]/Condition`)) {
      // A matched rule brings its own Assign/Output; the state's apply only to Default.
      const fields = { Assign: rule.Assign, Output: rule.Output };
      return it.complete(run, await finishJsonata(it, run, run.input, undefined, fields, `Choices[${i}]/`), rule.Next);
    }
  }
  if (def.Default === undefined) throw noChoiceMatched(run);
  return it.complete(run, await finishJsonata(it, run, run.input), def.Default);
}
