import type { SFNClient } from '@aws-sdk/client-sfn';
import { CommandFailure } from './command-failure';
import { isConnectionFailure, notRunning } from './endpoint';

/**
 * An SDK client for the local service. The SDK is loaded only by the commands that talk to the
 * service, so `sagaflow --help` and `sagaflow serve` do not pay for it.
 */
export function sfnClient(endpoint: string, region = process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1'): SFNClient {
  // The SDK's notice that its later releases need Node 22 is not about this command; keep it quiet.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const { SFNClient: Client } = require('@aws-sdk/client-sfn') as typeof import('@aws-sdk/client-sfn');
  // The local service ignores signatures, so any credentials do; real ones are used when set.
  const credentials = process.env.AWS_ACCESS_KEY_ID ? undefined : { accessKeyId: 'sagaflow', secretAccessKey: 'sagaflow' };
  return new Client({ endpoint, region, credentials, maxAttempts: 1 });
}

/**
 * Runs a call against the service and turns its failures into messages: nothing listening, or the
 * AWS error name and message ("ExecutionDoesNotExist: Execution Does Not Exist: '…'").
 */
export async function callService<T>(endpoint: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (isConnectionFailure(err)) throw new CommandFailure(notRunning(endpoint));
    const e = err as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
    if (e.$metadata?.httpStatusCode !== undefined) throw new CommandFailure(`${e.name}: ${e.message}`);
    throw err;
  }
}
