import type { StateType } from '../../asl';
import type { StateRule } from './context';
import { nextOrEnd, requiredFields, supportedFields } from './rules/state-shape';

/** Rules every state goes through, in the order their diagnostics appear. */
export const CommonStateRules: readonly StateRule[] = [requiredFields, supportedFields, nextOrEnd];

/** Rules of one state type. A mapped type, so a new state type must say which rules it needs. */
export const StateRulesByType: { readonly [K in StateType]: readonly StateRule[] } = {
  Pass: [],
  Task: [],
  Choice: [],
  Wait: [],
  Succeed: [],
  Fail: [],
  Parallel: [],
  Map: [],
};
