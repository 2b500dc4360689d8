import type { Json } from '../asl';

/**
 * What drives an execution forward. The engine folds these in order; a replay of the same inputs
 * rebuilds the same state and yields the same events. Every input carries the time it happened
 * (`at`, epoch milliseconds) so that the engine never reads a clock.
 */

/** Static facts about an execution that feed the context object `$$` and ExecutionStarted. */
export interface ExecutionInfo {
  executionArn: string;
  name: string;
  roleArn: string;
  stateMachineArn: string;
  stateMachineName: string;
  stateMachineVersionArn?: string;
  stateMachineAliasArn?: string;
  region: string;
  accountId: string;
  redriveCount: number;
  /** The execution's start time, epoch milliseconds. */
  startTime: number;
  /** Started by StartSyncExecution: its `$$.Execution` has no RedriveCount. */
  synchronous?: boolean;
}

/**
 * Where a task failed before it ran: `schedule` (the resource could not be scheduled, e.g. an activity
 * that does not exist), `start` (it could not be started, e.g. a Lambda function that does not exist)
 * or `submit` (a `.sync` or `.waitForTaskToken` request could not be submitted, e.g. a child execution
 * that could not start).
 */
export type TaskFailurePhase = 'schedule' | 'start' | 'submit';

/**
 * Facts the runtime looked up as it applied an input, recorded with it so that a replay decides
 * the same. `missingActivities`: activities of the definition that do not exist; a Task state
 * entered on one fails with States.Runtime before anything is scheduled, as on AWS.
 */
export interface InputFacts {
  missingActivities?: string[];
}

export type EngineInput = InputFacts &
  (
    /** `input` is the raw JSON text the caller gave; `seed` is secret randomness (≥128 bits, hex) for tokens, jitter, UUIDs. */
    /** `variables`: what the execution starts with (TestState's `variables`; an execution starts with none). */
    | { kind: 'StartExecution'; at: number; input: string; execution: ExecutionInfo; seed: string; variables?: Record<string, Json> }
    /** The integration accepted the work (Lambda started, an activity worker picked it up). */
    | { kind: 'TaskStarted'; at: number; taskId: string; workerName?: string }
    /** A `.sync` integration's submit step finished (e.g. the child execution was started). `output` is JSON text. */
    | { kind: 'TaskSubmitted'; at: number; taskId: string; output: string }
    /** `output` is the JSON text the integration returned. */
    | { kind: 'TaskSucceeded'; at: number; taskId: string; output: string }
    /**
     * `phase`: the integration could not schedule, start or submit the task (no phase: the task itself failed).
     * `unnamed`: SendTaskFailure gave no error (`error` is then ''); its events carry none.
     */
    | { kind: 'TaskFailed'; at: number; taskId: string; error: string; cause?: string; phase?: TaskFailurePhase; unnamed?: boolean }
    | { kind: 'TaskHeartbeat'; at: number; taskId: string }
    | { kind: 'TimerFired'; at: number; timerId: string }
    | { kind: 'StopExecution'; at: number; error?: string; cause?: string }
    | { kind: 'RedriveExecution'; at: number }
    /** UpdateMapRun: new settings for a running Map Run of this execution (absent fields stay as they are). */
    | { kind: 'UpdateMapRun'; at: number; mapRunArn: string; maxConcurrency?: number; toleratedFailureCount?: number; toleratedFailurePercentage?: number }
  );

export type EngineInputKind = EngineInput['kind'];
export type EngineInputOf<K extends EngineInputKind> = Extract<EngineInput, { kind: K }>;
