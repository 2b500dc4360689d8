import type { StateType } from '../../asl';
import type { StateRule } from './context';
import { assignRules } from './rules/assign';
import { catchers, retriers } from './rules/retry-catch';
import { choiceRules } from './rules/choice';
import { jsonataExpressions } from './rules/jsonata-expressions';
import { mapFields } from './rules/map';
import { parallelBranches } from './rules/parallel';
import { pathSyntax } from './rules/paths';
import { queryLanguage } from './rules/query-language';
import { exclusiveFields, nextOrEnd, requiredFields, supportedFields } from './rules/state-shape';
import { taskCredentials } from './rules/task-credentials';
import { taskResource } from './rules/task-resource';
import { taskTimeouts } from './rules/timeouts';
import { failFields, waitDuration } from './rules/wait-fail';
import { jsonPathWarnings } from './rules/warnings';

/** Rules every state goes through, in the order their diagnostics appear. */
export const CommonStateRules: readonly StateRule[] = [
  requiredFields, supportedFields, queryLanguage, nextOrEnd, exclusiveFields, pathSyntax, assignRules, jsonataExpressions, jsonPathWarnings,
];

/** Rules of one state type. A mapped type, so a new state type must say which rules it needs. */
export const StateRulesByType: { readonly [K in StateType]: readonly StateRule[] } = {
  Pass: [],
  Task: [taskResource, taskCredentials, taskTimeouts, retriers, catchers],
  Choice: [choiceRules],
  Wait: [waitDuration],
  Succeed: [],
  Fail: [failFields],
  Parallel: [parallelBranches, retriers, catchers],
  Map: [mapFields, retriers, catchers],
};
