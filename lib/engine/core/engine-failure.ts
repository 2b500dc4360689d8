import { StatesErrors, type Failure } from '../../asl';
import { isStatesFailure, StatesFailure } from '../states-failure';

/** A failure as the engine carries it through Retry and Catch: AWS's error and cause, and what else it answers to. */
export interface EngineFailure extends Failure {
  /** A heartbeat expiry reports States.Timeout, yet Retry and Catch on States.HeartbeatTimeout match it too. */
  readonly heartbeat?: boolean;
  /** A task's TimeoutSeconds or HeartbeatSeconds ran out: its events carry no cause, yet the error output's Cause is "". */
  readonly timedOut?: boolean;
  /** A task's result over the payload quota: recorded as the task's own failure, so States.ALL matches it. */
  readonly taskResult?: boolean;
  /** SendTaskFailure gave no error: events carry none, the error output's Error (and an absent Cause) are null. */
  readonly unnamed?: boolean;
}

type Marks = Pick<EngineFailure, 'heartbeat' | 'timedOut' | 'taskResult' | 'unnamed'>;

/** A StatesFailure that carries marks beyond its error and cause. */
class MarkedFailure extends StatesFailure {
  constructor(
    error: string,
    cause: string,
    readonly marks: Marks,
  ) {
    super(error, cause);
  }
}

const NO_CAUSE = undefined as unknown as string;

/** Thrown when a task's TimeoutSeconds pass: AWS records States.Timeout with no cause. */
export function taskTimeout(): StatesFailure {
  return new MarkedFailure(StatesErrors.Timeout, NO_CAUSE, { timedOut: true });
}

/** Thrown when HeartbeatSeconds pass without a heartbeat: AWS records States.Timeout with no cause. */
export function heartbeatTimeout(): StatesFailure {
  return new MarkedFailure(StatesErrors.Timeout, NO_CAUSE, { timedOut: true, heartbeat: true });
}

/**
 * Thrown when a task's result is over the payload quota. Unlike a state's own input or output over
 * it, States.ALL catches this one (localstack test_states_errors.snapshot.json
 * test_service_task_lambada_catch_state_all_data_limit_exceeded_on_large_utf8_response, recorded on AWS).
 */
export function taskResultTooLarge(cause: string): StatesFailure {
  return new MarkedFailure(StatesErrors.DataLimitExceeded, cause, { taskResult: true });
}

/**
 * A callback failed by SendTaskFailure without an error: States.ALL catches it with
 * `{"Error": null, "Cause": null}` (localstack test_callback.snapshot.json
 * test_sqs_failure_in_wait_for_task_tok_no_error_field, recorded on AWS).
 */
export function unnamedTaskFailure(cause: string | undefined): StatesFailure {
  return new MarkedFailure('', cause ?? NO_CAUSE, { unnamed: true });
}

/** Raises failure data again (a branch's failure as its Parallel or Map state's own). */
export function toStatesFailure(f: EngineFailure): StatesFailure {
  const cause = f.cause as string;
  const marks: { -readonly [K in keyof Marks]: Marks[K] } = {};
  if (f.heartbeat) marks.heartbeat = true;
  if (f.timedOut) marks.timedOut = true;
  if (f.taskResult) marks.taskResult = true;
  if (f.unnamed) marks.unnamed = true;
  return f.heartbeat || f.timedOut || f.taskResult || f.unnamed ? new MarkedFailure(f.error, cause, marks) : new StatesFailure(f.error, cause);
}

/** The failure data a thrown StatesFailure stands for. */
export function failureFrom(e: StatesFailure): EngineFailure {
  const f: { error: string; cause?: string } & { -readonly [K in keyof Marks]: Marks[K] } = { error: e.error };
  if (e.cause !== undefined) f.cause = e.cause;
  if (e instanceof MarkedFailure) Object.assign(f, e.marks);
  return f;
}

export function asEngineFailure(e: unknown): EngineFailure | undefined {
  return isStatesFailure(e) ? failureFrom(e) : undefined;
}

/** `{error, cause}` with absent keys left out, as AWS writes event details. */
export function errorDetails(f: Failure & Pick<EngineFailure, 'unnamed'>): { error?: string; cause?: string } {
  const d: { error?: string; cause?: string } = {};
  if (f.error !== undefined && !f.unnamed) d.error = f.error;
  if (f.cause !== undefined) d.cause = f.cause;
  return d;
}

/**
 * The `{Error, Cause}` object a Catch or a failed Map item hands on. A timed-out task hands on an
 * empty Cause (localstack test_task_service_lambda.snapshot.json test_invoke_timeout, recorded on AWS;
 * aws-samples/serverless-coffee-workshop#15 quotes `{"Error":"States.Timeout","Cause":""}` from AWS).
 */
export function errorOutput(f: EngineFailure): { Error: string | null; Cause?: string | null } {
  if (f.unnamed) return { Error: null, Cause: f.cause ?? null };
  if (f.cause !== undefined) return { Error: f.error, Cause: f.cause };
  return f.timedOut ? { Error: f.error, Cause: '' } : { Error: f.error };
}
