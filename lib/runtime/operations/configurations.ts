import type * as sfn from '@aws-sdk/client-sfn';

/** What DescribeStateMachine reports when a configuration was never set. */
export const DEFAULT_LOGGING: sfn.LoggingConfiguration = { level: 'OFF', includeExecutionData: false };
export const DEFAULT_TRACING: sfn.TracingConfiguration = { enabled: false };
export const DEFAULT_ENCRYPTION: sfn.EncryptionConfiguration = { type: 'AWS_OWNED_KEY' };

export function readConfig<T>(json: string | undefined, fallback: T): T {
  return json === undefined ? fallback : (JSON.parse(json) as T);
}

export function writeConfig(value: unknown): string | undefined {
  return value === undefined ? undefined : JSON.stringify(value);
}
