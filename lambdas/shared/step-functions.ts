import { SFNClient } from '@aws-sdk/client-sfn';

/** The handlers' Step Functions client, made on first use (locally AWS_ENDPOINT_URL_SFN points it at the local service). */
let client: SFNClient | undefined;

export function stepFunctions(): SFNClient {
  client ??= new SFNClient({});
  return client;
}
