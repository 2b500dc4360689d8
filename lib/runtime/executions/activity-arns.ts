import { forEachState, type StateMachineDefinition } from '../../asl';

const ACTIVITY = /^arn:[^:]+:states:[^:]*:[^:]*:activity:/;

/** Every activity ARN a definition's Task states name, nested Parallel branches and Map processors included. */
export function activityArnsOf(definition: StateMachineDefinition): string[] {
  const found = new Set<string>();
  forEachState(definition, (_name, state) => {
    if (typeof state.Resource === 'string' && ACTIVITY.test(state.Resource)) found.add(state.Resource);
  });
  return [...found];
}
