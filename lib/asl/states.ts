import type { Json } from './json';
import type { QueryLanguage } from './query-language';
import type { Catcher, Retrier } from './retry-catch';
import type { JsonataChoiceRule, JsonPathChoiceRule } from './choice-rule';

/**
 * The ASL model as it appears on the wire: one interface per state type, discriminated by `Type`.
 * Fields of both query languages are present; which are legal depends on the state's effective
 * QueryLanguage, and definition validation enforces that.
 * @see https://states-language.net/spec.html
 */
export type StateType = 'Pass' | 'Task' | 'Choice' | 'Wait' | 'Succeed' | 'Fail' | 'Parallel' | 'Map';

interface StateBase<T extends StateType> {
  Type: T;
  Comment?: string;
  QueryLanguage?: QueryLanguage;
}

/** Transition fields: exactly one of Next or End. */
interface Transition {
  Next?: string;
  End?: boolean;
}

/** JSONPath input/output filters (all states but Fail in JSONPath mode). */
interface PathFilters {
  InputPath?: string | null;
  OutputPath?: string | null;
}

/** JSONata output and variable assignment. */
interface OutputAndAssign {
  Output?: Json;
  Assign?: Record<string, Json>;
}

export interface PassState extends StateBase<'Pass'>, Transition, PathFilters, OutputAndAssign {
  Parameters?: Json;
  Result?: Json;
  ResultPath?: string | null;
}

export interface TaskState extends StateBase<'Task'>, Transition, PathFilters, OutputAndAssign {
  Resource: string;
  Parameters?: Json;
  Arguments?: Json;
  ResultSelector?: Json;
  ResultPath?: string | null;
  Retry?: Retrier[];
  Catch?: Catcher[];
  TimeoutSeconds?: number | string;
  TimeoutSecondsPath?: string;
  HeartbeatSeconds?: number | string;
  HeartbeatSecondsPath?: string;
  Credentials?: Json;
}

export interface ChoiceState extends StateBase<'Choice'>, PathFilters, OutputAndAssign {
  Choices: Array<JsonPathChoiceRule | JsonataChoiceRule>;
  Default?: string;
}

export interface WaitState extends StateBase<'Wait'>, Transition, PathFilters, OutputAndAssign {
  Seconds?: number | string;
  Timestamp?: string;
  SecondsPath?: string;
  TimestampPath?: string;
}

export interface SucceedState extends StateBase<'Succeed'>, PathFilters {
  Output?: Json;
}

export interface FailState extends StateBase<'Fail'> {
  Error?: string;
  ErrorPath?: string;
  Cause?: string;
  CausePath?: string;
}

/** A nested state machine: the body of a Parallel branch or a Map's ItemProcessor. */
export interface StateGraph {
  StartAt: string;
  States: Record<string, State>;
  Comment?: string;
  QueryLanguage?: QueryLanguage;
}

export interface ParallelState extends StateBase<'Parallel'>, Transition, PathFilters, OutputAndAssign {
  Branches: StateGraph[];
  Parameters?: Json;
  Arguments?: Json;
  ResultSelector?: Json;
  ResultPath?: string | null;
  Retry?: Retrier[];
  Catch?: Catcher[];
}

export interface ProcessorConfig {
  Mode?: 'INLINE' | 'DISTRIBUTED';
  ExecutionType?: 'STANDARD' | 'EXPRESS';
}

export interface ItemProcessor extends StateGraph {
  ProcessorConfig?: ProcessorConfig;
}

export interface MapState extends StateBase<'Map'>, Transition, PathFilters, OutputAndAssign {
  ItemProcessor?: ItemProcessor;
  /** Deprecated spelling of ItemProcessor (inline mode only). */
  Iterator?: StateGraph;
  ItemsPath?: string;
  Items?: Json;
  ItemSelector?: Json;
  /** Deprecated spelling of ItemSelector. */
  Parameters?: Json;
  ItemReader?: Json;
  ItemBatcher?: Json;
  ResultWriter?: Json;
  ResultSelector?: Json;
  ResultPath?: string | null;
  MaxConcurrency?: number | string;
  MaxConcurrencyPath?: string;
  ToleratedFailureCount?: number | string;
  ToleratedFailureCountPath?: string;
  ToleratedFailurePercentage?: number | string;
  ToleratedFailurePercentagePath?: string;
  Label?: string;
  Retry?: Retrier[];
  Catch?: Catcher[];
}

export type State = PassState | TaskState | ChoiceState | WaitState | SucceedState | FailState | ParallelState | MapState;

/** Narrows `State` to the variant of a given type. */
export type StateOfType<T extends StateType> = Extract<State, { Type: T }>;

/** A whole state machine definition. */
export interface StateMachineDefinition extends StateGraph {
  Version?: string;
  TimeoutSeconds?: number;
}
