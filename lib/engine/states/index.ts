import type { StateType } from '../../asl';
import { choiceState } from './choice-state';
import { failState } from './fail-state';
import { mapState } from './map-state';
import { parallelState } from './parallel-state';
import { passState } from './pass-state';
import type { StateEvaluator } from './state-evaluator';
import { succeedState } from './succeed-state';
import { taskState } from './task-state';
import { waitState } from './wait-state';

/** One evaluator per state type: a new state type breaks the build until it has one. */
export const stateEvaluators: Record<StateType, StateEvaluator> = {
  Pass: passState,
  Task: taskState,
  Choice: choiceState,
  Wait: waitState,
  Succeed: succeedState,
  Fail: failState,
  Parallel: parallelState,
  Map: mapState,
};

export type { StateEvaluator } from './state-evaluator';
