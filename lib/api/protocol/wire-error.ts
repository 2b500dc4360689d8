/** The namespaces AWS puts before an error name in `__type`; the SDKs keep only the part after '#'. */
const SERVICE = 'com.amazonaws.swf.service.v2.model';
const CORAL_VALIDATE = 'com.amazon.coral.validate';
const CORAL_SERVICE = 'com.amazon.coral.service';

/**
 * An error answer of the AWS JSON 1.0 protocol: HTTP status, `{"__type": "<namespace>#<Name>",
 * "message": "…"}`, and the bare name in the `x-amzn-ErrorType` header.
 */
export class WireError extends Error {
  constructor(
    /** The bare error name, e.g. ExecutionDoesNotExist. */
    readonly code: string,
    readonly namespace: string,
    /** Left out of the body when undefined, as Coral leaves it out of its protocol errors. */
    readonly detail: string | undefined,
    readonly status = 400,
    /** Coral's own serialisation errors spell the member `Message`. */
    readonly messageMember: 'message' | 'Message' = 'message',
  ) {
    super(detail ?? code);
    this.name = 'WireError';
  }

  get type(): string {
    return `${this.namespace}#${this.code}`;
  }

  body(): Record<string, string> {
    return this.detail === undefined ? { __type: this.type } : { __type: this.type, [this.messageMember]: this.detail };
  }
}

/** A Step Functions error (the API reference's "Errors" of each operation). */
export function serviceError(code: string, message: string): WireError {
  return new WireError(code, SERVICE, message);
}

/** Model constraint violations, all of them in one message, as Coral's validator words it. */
export function validationError(violations: readonly string[]): WireError {
  const n = violations.length;
  return new WireError('ValidationException', CORAL_VALIDATE, `${n} validation error${n === 1 ? '' : 's'} detected: ${violations.join('; ')}`);
}

/** The body is not JSON, or a member has the wrong JSON type. */
export function serializationError(message?: string): WireError {
  return new WireError('SerializationException', CORAL_SERVICE, message, 400, 'Message');
}

/** A missing, malformed or unknown `X-Amz-Target`. */
export function unknownOperationError(): WireError {
  return new WireError('UnknownOperationException', CORAL_SERVICE, undefined);
}

/** Something unexpected went wrong inside the service (HTTP 500). */
export function internalFailure(): WireError {
  return new WireError('InternalFailure', CORAL_SERVICE, undefined, 500);
}
