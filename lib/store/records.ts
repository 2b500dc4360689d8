import type { ExecutionStatus } from '../engine/execution-api';

/**
 * What the store keeps. Records are plain data owned by the store; the runtime turns them into
 * AWS's response shapes. Times are epoch milliseconds of the service clock.
 */

export type StateMachineType = 'STANDARD' | 'EXPRESS';

/** A definition text, stored once and shared by every state machine revision and execution that runs it. */
export interface DefinitionRecord {
  /** sha256 of the text, hex: the revisionId AWS reports. */
  revisionId: string;
  definition: string;
}

export interface StateMachineRecord {
  arn: string;
  name: string;
  type: StateMachineType;
  revisionId: string;
  roleArn: string;
  description?: string;
  /** JSON of AWS's LoggingConfiguration / TracingConfiguration / EncryptionConfiguration, as given. */
  loggingConfiguration?: string;
  tracingConfiguration?: string;
  encryptionConfiguration?: string;
  creationDate: number;
  updateDate?: number;
  /** The next version number PublishStateMachineVersion hands out. */
  nextVersion: number;
}

export interface StateMachineVersionRecord {
  /** `<stateMachineArn>:<version>` */
  arn: string;
  stateMachineArn: string;
  version: number;
  revisionId: string;
  roleArn: string;
  description?: string;
  creationDate: number;
}

export interface StateMachineAliasRecord {
  /** `<stateMachineArn>:<aliasName>` */
  arn: string;
  stateMachineArn: string;
  name: string;
  description?: string;
  /** JSON of [{stateMachineVersionArn, weight}] */
  routingConfiguration: string;
  creationDate: number;
  updateDate?: number;
}

export interface ActivityRecord {
  arn: string;
  name: string;
  creationDate: number;
  /** The EncryptionConfiguration given at creation, as JSON; absent when none was. */
  encryptionConfiguration?: string;
}

/** Who started an execution, when a task of another execution did (states:startExecution, Distributed Map). */
export interface ExecutionParent {
  executionArn: string;
  taskId: string;
  /**
   * The parent's task waits for this execution to close (`.sync`), so the child is stopped when
   * that task ends. Absent for request-response and `.waitForTaskToken` starts (and in records
   * written before it was kept).
   */
  awaited?: true;
}

export interface ExecutionRecord {
  arn: string;
  name: string;
  stateMachineArn: string;
  /** The definition this execution runs, fixed at its start. */
  revisionId: string;
  type: StateMachineType;
  status: ExecutionStatus;
  roleArn: string;
  /** Set when started through a version or an alias. */
  stateMachineVersionArn?: string;
  stateMachineAliasArn?: string;
  input: string;
  output?: string;
  error?: string;
  cause?: string;
  startDate: number;
  stopDate?: number;
  redriveCount: number;
  redriveDate?: number;
  traceHeader?: string;
  /** Started by a task of another execution. */
  parent?: ExecutionParent;
  /** A child execution of a Distributed Map run. */
  mapRunArn?: string;
  /**
   * A Map Run child: the redrive of its Map Run it last ran in (absent: the run's first). One left
   * unsuccessful by an earlier run of a Map Run being redriven waits to be redriven (PENDING_REDRIVE).
   */
  mapRunRedrive?: number;
  /** Number of history events recorded (the id of the last one). */
  eventCount: number;
}

export interface TimerRecord {
  executionArn: string;
  timerId: string;
  dueAt: number;
}

/** A task token handed out for a `.waitForTaskToken` task or an activity task. */
export interface TaskTokenRecord {
  token: string;
  executionArn: string;
  taskId: string;
  /**
   * Set once the task ended (succeeded, failed, timed out, aborted). The record stays until its
   * execution is purged, so a late callback is told the task closed rather than that the token is unknown.
   */
  closed?: boolean;
}

/** An activity task waiting for a worker (GetActivityTask), or handed to one. */
export interface ActivityTaskRecord {
  activityArn: string;
  token: string;
  executionArn: string;
  taskId: string;
  input: string;
  scheduledAt: number;
  /** Set once a worker took it. */
  startedAt?: number;
  workerName?: string;
}

export interface MapRunRecord {
  arn: string;
  executionArn: string;
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'ABORTED';
  startDate: number;
  stopDate?: number;
  maxConcurrency: number;
  toleratedFailurePercentage: number;
  toleratedFailureCount: number;
  /** JSON of AWS's MapRunItemCounts / MapRunExecutionCounts. */
  itemCounts: string;
  executionCounts: string;
  /** Set once the Map Run was redriven: how often, and when last. */
  redriveCount?: number;
  redriveDate?: number;
}

export type TaggedResourceArn = string;

export interface Tag {
  key: string;
  value: string;
}

/** Keys of executions in list order: newest start first, then by ARN. */
export interface ExecutionQuery {
  stateMachineArn?: string;
  status?: ExecutionStatus;
  stateMachineVersionArn?: string;
  stateMachineAliasArn?: string;
  mapRunArn?: string;
  /** Only executions whose redrive status matches (ListExecutions redriveFilter). */
  redriven?: boolean;
}

/** A page of a list: at most `limit` items after the opaque `after` cursor. */
export interface Page<T> {
  items: T[];
  /** Cursor for the next page, when there is one. */
  next?: string;
}

export interface PageRequest {
  limit: number;
  after?: string;
}
