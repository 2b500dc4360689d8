import type { Json } from '../asl';

/**
 * What the engine asks the runtime to do. The runtime persists the decision (events and commands)
 * before carrying any command out, and reports outcomes back as EngineInputs.
 */

/** How the Task's resource is integrated, read from its ARN. */
export type TaskIntegration =
  | { service: 'lambda'; mode: 'function' } // arn:aws:lambda:...:function:NAME
  | { service: 'lambda'; mode: 'invoke' } // arn:aws:states:::lambda:invoke
  | { service: 'activity' } // arn:aws:states:...:activity:NAME
  | { service: 'states'; action: 'startExecution' }
  | { service: 'dynamodb'; action: 'getItem' | 'putItem' | 'updateItem' | 'deleteItem' }
  | { service: string; action: string }; // any other optimised or SDK integration

/** The service integration pattern. @see https://docs.aws.amazon.com/step-functions/latest/dg/connect-to-resource.html */
export type IntegrationPattern = 'request-response' | 'sync' | 'sync:2' | 'waitForTaskToken';

export type EngineCommand =
  | {
      kind: 'RunTask';
      taskId: string;
      /** The Resource ARN as written in the definition. */
      resource: string;
      integration: TaskIntegration;
      pattern: IntegrationPattern;
      /** The effective parameters (or, for a plain Lambda ARN, the effective input). */
      payload: Json;
      /** Present for `.waitForTaskToken` and for activities. */
      taskToken?: string;
      timeoutSeconds?: number;
      heartbeatSeconds?: number;
      credentials?: Json;
      /** The Task state's name (for logs and test doubles). */
      stateName?: string;
    }
  /** Abandon a task whose state was aborted, timed out or cancelled by a failing sibling. */
  | { kind: 'CancelTask'; taskId: string }
  | { kind: 'ArmTimer'; timerId: string; dueAt: number }
  | { kind: 'CancelTimer'; timerId: string }
  /**
   * A Distributed Map started a Map Run. The runtime records it (DescribeMapRun, ListMapRuns) in the
   * same commit as MapRunStarted; its items follow as StartMapRunChild commands.
   * @see https://docs.aws.amazon.com/step-functions/latest/dg/concepts-examine-map-run.html
   */
  | {
      kind: 'StartMapRun';
      mapRunArn: string;
      /** Number of items the Map Run processes. */
      itemCount: number;
      /** Number of child executions: the items, or with ItemBatcher the batches. */
      executionCount: number;
      /** As configured (0: no limit set; the engine then runs up to 10,000 children at a time). */
      maxConcurrency: number;
      toleratedFailureCount: number;
      toleratedFailurePercentage: number;
      /** The item processor as a state machine definition (JSON text): what every child runs. */
      definition: string;
    }
  /**
   * One item of a Map Run, run as a child execution of the labelled state machine. The runtime starts
   * it (or, after a restart, finds it again by its name) and reports its end for `taskId`: TaskSucceeded
   * with the child's output, TaskFailed with its error and cause. CancelTask stops it.
   */
  | {
      kind: 'StartMapRunChild';
      taskId: string;
      mapRunArn: string;
      /** `arn:aws:states:<region>:<account>:stateMachine:<stateMachineName>/<label>` */
      stateMachineArn: string;
      executionType: 'STANDARD' | 'EXPRESS';
      /** The item processor (JSON text), as in StartMapRun. */
      definition: string;
      index: number;
      /** Derived from the Map Run and the index: the same on every replay. */
      name: string;
      /** The child's input: the item after ItemSelector, or with ItemBatcher `{BatchInput?, Items}` (JSON text). */
      input: string;
    }
  /**
   * A redrive of the execution took up a Map Run that had not succeeded: it runs again (RUNNING),
   * redriven `redriveCount` times, with the settings the state reads anew, and its children that did
   * not succeed follow as StartMapRunChild commands of the same names (the runtime redrives or
   * restarts those it finds).
   * @see https://docs.aws.amazon.com/step-functions/latest/dg/redrive-map-run.html
   */
  | { kind: 'RedriveMapRun'; mapRunArn: string; redriveCount: number; maxConcurrency: number; toleratedFailureCount: number; toleratedFailurePercentage: number }
  /** A Map Run ended. One still RUNNING when its execution closes ended ABORTED with it. */
  | { kind: 'CloseMapRun'; mapRunArn: string; status: 'SUCCEEDED' | 'FAILED' | 'ABORTED'; error?: string; cause?: string }
  /** The execution reached a terminal status; the runtime releases whatever it still holds for it. */
  | { kind: 'CloseExecution'; status: 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED'; output?: string; error?: string; cause?: string };

export type EngineCommandKind = EngineCommand['kind'];
