import type { SFNClient } from '@aws-sdk/client-sfn';
import { CLIENT_FLAGS } from './client-flags';
import { endpointOf } from './endpoint';
import { executionArnOf } from './execution-ref';
import { onePositional, parseFlags, type FlagSpec, type Flags } from './parse-flags';
import { sfnClient } from './sfn-client';

export interface OnExecution<S extends FlagSpec> {
  flags: Flags<S & typeof CLIENT_FLAGS>;
  /** The execution as the user named it (its ARN or name), for messages. */
  ref: string;
  executionArn: string;
  endpoint: string;
  client: SFNClient;
}

/**
 * The shape of a command about one execution (describe, history, tasks): its flags and the
 * execution as one positional, resolved to an ARN (execution-ref.ts), with a client that is
 * closed when `run` ends.
 */
export async function onExecution<S extends FlagSpec>(argv: string[], spec: S, run: (x: OnExecution<S>) => Promise<number>): Promise<number> {
  const { flags, positionals } = parseFlags(argv, { ...CLIENT_FLAGS, ...spec });
  const common = flags as Flags<typeof CLIENT_FLAGS>;
  const ref = onePositional(positionals, 'execution (its ARN or name)');
  const endpoint = endpointOf(common);
  const client = sfnClient(endpoint, common.region);
  try {
    const executionArn = await executionArnOf(client, endpoint, ref);
    return await run({ flags: flags as OnExecution<S>['flags'], ref, executionArn, endpoint, client });
  } finally {
    client.destroy();
  }
}
