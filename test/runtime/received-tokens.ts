import { fn } from './service-fixture';

/**
 * The task tokens the `tokens` fixture function has been given, for a test to complete. Loaded
 * with require, as the service loads the function, so both see the same `received` list.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { received } = require('./fixtures/tokens') as { received: Array<{ token: string; event: unknown }> };

export { received };

/** A machine of one Task that hands its task token to the `tokens` function and waits for it; `extra` adds to the Task. */
export const tokenMachine = (extra: object = {}) => ({
  StartAt: 'Ask',
  States: {
    Ask: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken', Parameters: { FunctionName: fn('tokens'), Payload: { 'token.$': '$$.Task.Token' } }, End: true, ...extra },
  },
});

/** Forgets the tokens of earlier tests. */
export function clearTokens(): void {
  received.length = 0;
}

/** The oldest token not yet taken, waiting up to about 2.5 s for one to arrive. */
export async function nextToken(): Promise<string> {
  for (let i = 0; i < 500 && received.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
  const r = received.shift();
  if (!r) throw new Error('no token arrived');
  return r.token;
}
