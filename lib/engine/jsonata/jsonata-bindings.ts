import type { Json } from '../../asl';
import type { RandomSource, VariableReader } from '../scope';

/**
 * What a JSONata expression can read: the reserved `$states` variable, the workflow variables,
 * and the randomness behind `$random()` / `$uuid()`.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html
 */
export interface JsonataBindings {
  /** $states.input */
  input: Json;
  /** $states.context — the context object */
  context: Json;
  /** $states.result — only where AWS allows it (Task/Map/Parallel Output & Assign, Catch) */
  result?: Json;
  /** $states.errorOutput — only in Catch Output/Assign */
  errorOutput?: Json;
  variables: VariableReader;
  random: RandomSource;
  /**
   * The instant `$now()` and `$millis()` report, as an ISO-8601 timestamp. AWS reads its clock
   * when it evaluates; the engine has no clock, so the interpreter passes the decision's time here.
   * @default the context object's `State.EnteredTime`
   */
  now?: string;
  /**
   * The state being executed. When given, causes open with AWS's
   * "An error occurred while executing the state '<name>' (entered at the event id #<n>). ".
   * Leave it out if the caller adds that prefix itself.
   */
  state?: { name: string; enteredEventId: number };
  /**
   * Evaluation steps one expression may take before it fails (the engine's stand-in for AWS's
   * time bound, which it cannot read a clock for).
   * @default MAX_EVALUATION_STEPS (5,000,000)
   */
  maxEvaluationSteps?: number;
}
