import type { Runtime } from '../runtime';
import type { StepFunctionsOperations } from '../step-functions-operations';
import { activityOperations } from './activities';
import { callbackOperations } from './callbacks';
import { executionOperations } from './executions';
import { historyOperations } from './history';
import { mapRunOperations } from './map-runs';
import { stateMachineOperations } from './state-machines';
import { tagOperations } from './tags';
import { testStateOperations } from './test-state';
import { versionAndAliasOperations } from './versions-aliases';

/** Every Step Functions operation, from its group; the type checks that none is missing. */
export function serviceOperations(rt: Runtime, options: { activityPollMs?: number } = {}): StepFunctionsOperations {
  const ops: StepFunctionsOperations = {
    ...stateMachineOperations(rt),
    ...versionAndAliasOperations(rt),
    ...executionOperations(rt),
    ...historyOperations(rt),
    ...callbackOperations(rt),
    ...activityOperations(rt, { pollMs: options.activityPollMs }),
    ...mapRunOperations(rt),
    ...tagOperations(rt),
    ...testStateOperations(rt),
  };
  return ops;
}
