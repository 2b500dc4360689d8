import type { Json, JsonObject, StateMachineDefinition } from '../asl';
import type { EngineCommand } from './engine-command';
import type { EngineInput } from './engine-input';
import type { HistoryEvent } from './history-event';

/** AWS's execution statuses. */
export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED' | 'PENDING_REDRIVE';

/** One step's outcome: the history events to append and the commands to carry out, in order. */
export interface Decision {
  events: HistoryEvent[];
  commands: EngineCommand[];
}

export interface EngineLimits {
  /** @default 262144 (256 KiB) */
  maxPayloadBytes: number;
  /** @default 25000 */
  maxHistoryEvents: number;
}

/** The stages of a state's data flow that TestState's inspectionData reports. */
export type InspectionStage = 'afterInputPath' | 'afterParameters' | 'afterArguments' | 'result' | 'afterResultSelector' | 'afterResultPath' | 'assigned';

export interface EngineOptions {
  limits?: Partial<EngineLimits>;
  /**
   * Told each stage of a state's data flow as it is computed (TestState's DEBUG inspection). The
   * engine only reports values; the observer must not change them.
   */
  inspect?: (stateName: string, stage: InspectionStage, value: Json) => void;
  /**
   * TestState's `context`: the context object every state sees, exactly as given (AWS adds
   * nothing to it, not even fields it leaves out; localstack's test_state_context_object snapshot).
   */
  context?: JsonObject;
  /** TestState's `$$.Execution`, which has other members, in another order, than an execution's. */
  executionContext?: JsonObject;
  /**
   * Whether AWS's maximum execution time (1 year, EXPRESS 5 minutes) ends the execution. TestState
   * runs one state, not an execution, and turns it off. @default true
   */
  executionTimeLimit?: boolean;
}

/**
 * One execution's interpreter. It owns its state and nothing else: no clock, no I/O, no randomness
 * beyond the seed in StartExecution. Inputs must be applied one at a time, in order.
 */
export interface Execution {
  readonly status: ExecutionStatus;
  /** Number of history events produced so far (the id of the last one). */
  readonly eventCount: number;
  apply(input: EngineInput): Promise<Decision>;
  /**
   * What must be in motion for this execution right now: tasks in flight (to dispatch again after a
   * restart; Lambda is at-least-once), Map Run children not yet reported (StartMapRunChild, found
   * again by name) and armed timers with their original due times.
   */
  outstanding(): EngineCommand[];
}

export type CreateExecution = (definition: StateMachineDefinition, options?: EngineOptions) => Execution;
