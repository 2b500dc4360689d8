import type { SFNClient, StateMachineListItem } from '@aws-sdk/client-sfn';
import { CommandFailure } from './command-failure';
import { callService } from './sfn-client';

/** Every state machine the service has, all pages of ListStateMachines. */
export async function listStateMachines(client: SFNClient, endpoint: string): Promise<StateMachineListItem[]> {
  const { ListStateMachinesCommand } = require('@aws-sdk/client-sfn') as typeof import('@aws-sdk/client-sfn');
  return callService(endpoint, async () => {
    const all: StateMachineListItem[] = [];
    let nextToken: string | undefined;
    do {
      const page = await client.send(new ListStateMachinesCommand({ nextToken }));
      all.push(...(page.stateMachines ?? []));
      nextToken = page.nextToken;
    } while (nextToken);
    return all;
  });
}

/** `--state-machine` as a user gives it: an ARN as it is, or the name of one of `machines`. */
export function machineArnOf(machines: readonly StateMachineListItem[], wanted: string): string {
  if (wanted.startsWith('arn:')) return wanted;
  const match = machines.find((m) => m.name === wanted)?.stateMachineArn;
  if (!match) throw new CommandFailure(`no state machine named '${wanted}'. State machines: ${machines.map((m) => m.name).join(', ') || 'none'}`);
  return match;
}
