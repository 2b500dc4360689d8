import type { StateMachineDefinition } from '../../asl';

const ACTIVITY = /^arn:[^:]+:states:[^:]*:[^:]*:activity:/;

type Graph = { States?: Record<string, unknown> };

/** Every activity ARN a definition's Task states name, nested Parallel branches and Map processors included. */
export function activityArnsOf(definition: StateMachineDefinition): string[] {
  const found = new Set<string>();
  const walk = (graph: Graph | undefined) => {
    for (const state of Object.values(graph?.States ?? {}) as Record<string, unknown>[]) {
      if (typeof state.Resource === 'string' && ACTIVITY.test(state.Resource)) found.add(state.Resource);
      for (const branch of (state.Branches as Graph[] | undefined) ?? []) walk(branch);
      walk(state.ItemProcessor as Graph | undefined);
      walk(state.Iterator as Graph | undefined);
    }
  };
  walk(definition as unknown as Graph);
  return [...found];
}
