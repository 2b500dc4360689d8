import type * as sfn from '@aws-sdk/client-sfn';
import { boolean, enumeration, integer, list, string, structure } from './shape';

/**
 * The shared shapes of the Step Functions model, with the constraints of the API reference's
 * Data Types pages. Enum values are listed in the order AWS prints them in "Member must satisfy
 * enum value set": recorded for ExecutionStatus (localstack's test_sfn_api.snapshot.json,
 * test_state_machine_status_filter), which is not the model's order; the others are in the model's.
 */

export const Arn = string({ min: 1, max: 256 });
export const LongArn = string({ min: 1, max: 2000 });
export const Name = string({ min: 1, max: 80 });
export const Definition = string({ min: 1, max: 1048576, sensitive: true });
/** Execution input, task output and other JSON payloads: 256 KiB of UTF-8. */
export const SensitiveData = string({ max: 262144, bytes: true, sensitive: true });
export const SensitiveError = string({ min: 0, max: 256, sensitive: true });
export const SensitiveCause = string({ min: 0, max: 32768, sensitive: true });
export const TaskToken = string({ min: 1, max: 2048 });
export const PageSize = integer({ min: 0, max: 1000 });
export const PageToken = string({ min: 1, max: 1024 });
export const TraceHeader = string({ min: 0, max: 256, pattern: '\\p{ASCII}*' });
export const VersionDescription = string({ max: 256, sensitive: true });
export const AliasDescription = string({ max: 256, sensitive: true });
export const CharacterRestrictedName = string({ min: 1, max: 80, pattern: '^(?=.*[a-zA-Z_\\-\\.])[a-zA-Z0-9_\\-\\.]+$' });
export const RevisionId = string();
export const ClientToken = string({ min: 1, max: 64, pattern: '[!-~]+' });

export const IncludedData = enumeration(['ALL_DATA', 'METADATA_ONLY'] satisfies sfn.IncludedData[]);
export const StateMachineType = enumeration(['STANDARD', 'EXPRESS'] satisfies sfn.StateMachineType[]);
export const ExecutionStatus = enumeration(['SUCCEEDED', 'TIMED_OUT', 'PENDING_REDRIVE', 'ABORTED', 'FAILED', 'RUNNING'] satisfies sfn.ExecutionStatus[]);
export const ExecutionRedriveFilter = enumeration(['REDRIVEN', 'NOT_REDRIVEN'] satisfies sfn.ExecutionRedriveFilter[]);

export const Tag = structure<sfn.Tag>('Tag', { key: string({ min: 1, max: 128 }), value: string({ min: 0, max: 256 }) });
export const TagList = list(Tag);
export const TagKeyList = list(string({ min: 1, max: 128 }));

export const LoggingConfiguration = structure<sfn.LoggingConfiguration>('LoggingConfiguration', {
  level: enumeration(['ALL', 'ERROR', 'FATAL', 'OFF'] satisfies sfn.LogLevel[]),
  includeExecutionData: boolean(),
  destinations: list(
    structure<sfn.LogDestination>('LogDestination', {
      cloudWatchLogsLogGroup: structure<sfn.CloudWatchLogsLogGroup>('CloudWatchLogsLogGroup', { logGroupArn: Arn }),
    }),
  ),
});

export const TracingConfiguration = structure<sfn.TracingConfiguration>('TracingConfiguration', { enabled: boolean() });

export const EncryptionConfiguration = structure<sfn.EncryptionConfiguration>('EncryptionConfiguration', {
  kmsKeyId: string({ min: 1, max: 2048 }),
  kmsDataKeyReusePeriodSeconds: integer({ min: 60, max: 900 }),
  type: { ...enumeration(['AWS_OWNED_KEY', 'CUSTOMER_MANAGED_KMS_KEY'] satisfies sfn.EncryptionType[]), required: true },
});

export const RoutingConfigurationList = list(
  structure<sfn.RoutingConfigurationListItem>('RoutingConfigurationListItem', {
    stateMachineVersionArn: { ...Arn, required: true },
    weight: { ...integer({ min: 0, max: 100 }), required: true },
  }),
  { min: 1, max: 2 },
);
