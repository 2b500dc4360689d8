import type { Json } from '../../../lib/asl';
import type { JsonataBindings } from '../../../lib/engine/jsonata';

/** Bindings for one evaluation: a fixed context, scripted randomness and a recorded variable store. */
export function bindingsFor(overrides: Partial<JsonataBindings> & { vars?: Record<string, Json> } = {}): JsonataBindings & { reads: string[] } {
  const { vars = {}, ...rest } = overrides;
  const reads: string[] = [];
  let draws = 0;
  return {
    input: {},
    context: { State: { Name: 'E', EnteredTime: '2024-05-06T07:08:09.123Z', RetryCount: 0 } },
    variables: {
      get(name) {
        reads.push(name);
        return Object.prototype.hasOwnProperty.call(vars, name) ? vars[name] : undefined;
      },
    },
    random: {
      next: () => [0.125, 0.5, 0.875][draws++ % 3],
      uuid: () => `00000000-0000-4000-8000-00000000000${draws++ % 10}`,
    },
    reads,
    ...rest,
  };
}

/** The failure an evaluation throws, or a marker string when it does not throw. */
export async function failureOf(run: () => Promise<unknown>): Promise<{ error: string; cause: string; location?: string }> {
  try {
    const value = await run();
    return { error: 'NO FAILURE', cause: JSON.stringify(value) };
  } catch (e) {
    const failure = e as { error: string; cause: string; location?: string };
    return { error: failure.error, cause: failure.cause, location: failure.location };
  }
}
