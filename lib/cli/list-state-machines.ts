import type { SFNClient, StateMachineListItem } from '@aws-sdk/client-sfn';
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
