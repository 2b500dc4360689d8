/**
 * Errors every activity may throw. A Lambda function reports a thrown error's `name` as its
 * errorType, and Step Functions reports that as the task's error, so each name is part of the
 * workflow's contract (Retry and Catch match on it).
 */

/** The event is malformed: a field is missing or has the wrong type. Retrying cannot help. */
export class InvalidInput extends Error {
  override readonly name = 'InvalidInput';
}

/** The function is deployed without something it needs (e.g. a table name variable). */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}
