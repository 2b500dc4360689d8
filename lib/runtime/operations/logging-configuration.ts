import type * as sfn from '@aws-sdk/client-sfn';
import { ServiceError } from '../step-functions-operations';

/**
 * A LoggingConfiguration as AWS keeps it: level OFF and includeExecutionData false unless given,
 * destinations only when given (an empty list stays). A level other than OFF needs exactly one
 * destination, and no level takes two. Recorded on AWS (localstack's test_sfn_api_logs.snapshot.json).
 */
export function loggingConfiguration(input: sfn.LoggingConfiguration): sfn.LoggingConfiguration {
  const level = input.level ?? 'OFF';
  const count = input.destinations?.length ?? 0;
  if (count > 1 || (level !== 'OFF' && count !== 1)) {
    throw new ServiceError('InvalidLoggingConfiguration', 'Invalid Logging Configuration: Must specify exactly one Log Destination.');
  }
  return { level, includeExecutionData: input.includeExecutionData ?? false, ...(input.destinations !== undefined ? { destinations: input.destinations } : {}) };
}
