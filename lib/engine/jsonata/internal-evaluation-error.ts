/**
 * A failure inside a function that is no JSONata error: AWS reports it as "threw an internal error
 * during evaluation." followed by a fresh id, not a code and message (floci-io/floci#2736, measured
 * with `$base64decode("!!!")`). Thrown by the bindings that can fail this way.
 */
export class InternalEvaluationError extends Error {}
