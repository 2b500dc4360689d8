import type { SFNClient } from '@aws-sdk/client-sfn';
import { CommandFailure } from './command-failure';
import { listStateMachines } from './list-state-machines';
import { callService } from './sfn-client';

/** How the commands that take an execution say what they accept. */
export const EXECUTION_REF_USAGE = `EXECUTION is an execution ARN, or its name as \`sagaflow executions\` lists it
(MACHINE:NAME when executions of several state machines share the name).`;

/**
 * The ARN of the execution a command names: an ARN as given, else a name (or MACHINE:NAME) looked
 * up among the STANDARD state machines (names cannot hold ':', so the last one splits the two).
 * EXPRESS executions keep no history to look up, as on AWS.
 */
export async function executionArnOf(client: SFNClient, endpoint: string, ref: string): Promise<string> {
  if (ref.startsWith('arn:')) return ref;
  const colon = ref.lastIndexOf(':');
  const machine = colon >= 0 ? ref.slice(0, colon) : undefined;
  const name = colon >= 0 ? ref.slice(colon + 1) : ref;
  const named = (await listStateMachines(client, endpoint)).filter((m) => machine === undefined || m.name === machine);
  if (machine !== undefined && named.length === 0) throw new CommandFailure(`no state machine named '${machine}'; \`sagaflow executions\` lists the executions there are`);
  const machines = named.filter((m) => m.type !== 'EXPRESS');
  if (machine !== undefined && machines.length === 0) throw new CommandFailure(`'${machine}' is an EXPRESS state machine: its executions keep no history to look up by name; give the execution's ARN`);
  const { DescribeExecutionCommand } = require('@aws-sdk/client-sfn') as typeof import('@aws-sdk/client-sfn');
  const candidates = machines.map((m) => ({ machine: m.name!, arn: `${m.stateMachineArn!.replace(':stateMachine:', ':execution:')}:${name}` }));
  const exists = await Promise.all(
    candidates.map((c) =>
      callService(endpoint, () => client.send(new DescribeExecutionCommand({ executionArn: c.arn }))).then(
        () => true,
        (err: unknown) => {
          if (err instanceof CommandFailure && err.message.startsWith('ExecutionDoesNotExist:')) return false;
          throw err;
        },
      ),
    ),
  );
  const found = candidates.filter((_, i) => exists[i]);
  if (found.length === 1) return found[0].arn;
  if (found.length === 0) {
    throw new CommandFailure(`no execution named '${name}'${machine === undefined ? '' : ` of state machine '${machine}'`}; \`sagaflow executions\` lists them`);
  }
  throw new CommandFailure(`${found.length} executions are named '${name}' (${found.map((c) => `${c.machine}:${name}`).join(', ')}); name one as MACHINE:NAME or by its ARN`);
}
