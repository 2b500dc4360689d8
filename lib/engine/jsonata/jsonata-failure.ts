import { StatesErrors } from '../../asl';
import { StatesFailure } from '../states-failure';
import type { JsonataBindings } from './jsonata-bindings';

/**
 * A failed JSONata evaluation: `States.QueryEvaluationError`, plus what AWS records in the
 * `EvaluationFailed` history event (`location` is the field path, e.g. `Output/a/b[0]`).
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_EvaluationFailedEventDetails.html
 */
export class JsonataFailure extends StatesFailure {
  constructor(
    cause: string,
    /** The field path relative to the state, as AWS writes it: `Arguments/Input/id`, `Choices[1]/Condition`. */
    readonly location: string,
    /** The cause without the state prefix. */
    readonly detail: string,
    /** The expression evaluated, but its result was of a kind the field refuses (AWS checks it afterwards). */
    readonly resultRefused = false,
  ) {
    super(StatesErrors.QueryEvaluationError, cause);
  }
}

/** Builds the failure; `detail` is AWS's sentence about the expression. */
export function jsonataFailure(detail: string, location: string, bindings: JsonataBindings, resultRefused = false): JsonataFailure {
  const state = bindings.state;
  const cause = state
    ? `An error occurred while executing the state '${state.name}' (entered at the event id #${state.enteredEventId}). ${detail}`
    : detail;
  return new JsonataFailure(cause, location, detail, resultRefused);
}

/**
 * AWS's sentences, recorded on real executions (floci-io/floci#2665, #2736, #2737; the Items one in
 * localstack's `items.py` and user reports). Typed-field problems are worded in evaluate-typed-field.ts.
 */
export const JsonataCauses = {
  returnedNothing: (expression: string, field: string) =>
    `The JSONata expression '${expression}' specified for the field '${field}' returned nothing (undefined).`,
  /** A JSONata error with a code ("T0410: ...") ends the sentence; one without follows a colon. */
  threwError: (expression: string, field: string, code: string | undefined, message: string) =>
    `The JSONata expression '${expression}' specified for the field '${field}' threw an error during evaluation` +
    (code ? `. ${code}: ${message}` : `: ${message}`),
  /** A failure that is no JSONata error; AWS ends the sentence with a fresh id (floci-io/floci#2736, measured). */
  internalError: (expression: string, field: string, id: string) =>
    `The JSONata expression '${expression}' specified for the field '${field}' threw an internal error during evaluation. ${id}`,
  /** A result of the wrong type or range for a typed field; `problem` continues the sentence. */
  wrongValue: (expression: string, field: string, problem: string) =>
    `The JSONata expression '${expression}' specified for the field '${field}' ${problem}`,
  /** A function (or other non-JSON value) as the result (recorded on AWS: localstack test_map_state_items_eval_jsonata_fail[function]). */
  unsupportedType: (expression: string, field: string) =>
    `The JSONata expression '${expression}' specified for the field '${field}' returned an unsupported result type.`,
} as const;
