import type { ExecutionStatus } from '../engine/execution-api';
import type { HistoryEvent } from '../engine/history-event';
import type {
  ActivityRecord,
  ActivityTaskRecord,
  DefinitionRecord,
  ExecutionQuery,
  ExecutionRecord,
  MapRunRecord,
  Page,
  PageRequest,
  StateMachineAliasRecord,
  StateMachineRecord,
  StateMachineVersionRecord,
  Tag,
  TaskTokenRecord,
  TimerRecord,
} from './records';

/**
 * One change to the store. The runtime hands the store every change of one engine decision
 * together, so that they commit atomically: the inputs the engine folded, the events it appended,
 * the timers, tokens and activity tasks it started or ended, and the execution's new summary.
 */
export type StoreWrite =
  | { kind: 'putDefinition'; record: DefinitionRecord }
  | { kind: 'putStateMachine'; record: StateMachineRecord }
  /** Also deletes the state machine's versions, aliases and tags; its executions stay. */
  | { kind: 'deleteStateMachine'; arn: string }
  | { kind: 'putVersion'; record: StateMachineVersionRecord }
  | { kind: 'deleteVersion'; arn: string }
  | { kind: 'putAlias'; record: StateMachineAliasRecord }
  | { kind: 'deleteAlias'; arn: string }
  | { kind: 'putActivity'; record: ActivityRecord }
  /** Also deletes the activity's queued tasks and tags. */
  | { kind: 'deleteActivity'; arn: string }
  /**
   * Creates the execution or replaces its summary. Its `eventCount` must be the id of the last
   * event appended to it (by this write or before): the SQLite store reads the count back from the
   * events rather than rewriting the row at every decision.
   */
  | { kind: 'putExecution'; record: ExecutionRecord }
  /**
   * Engine inputs, appended in order after those already stored: each as JSON text, or as the
   * plain value itself, which the store takes over (the writer must not change it afterwards):
   * SQLite writes its JSON text, the memory store keeps it and writes the text only if it is read.
   */
  | { kind: 'appendInputs'; executionArn: string; inputs: StoredInput[] }
  /**
   * History events, ids contiguous with those already stored. The store takes them over: the
   * writer must not change them afterwards (the memory store keeps them as they are, so that
   * payload texts the engine builds lazily are built only if the history is read).
   */
  | { kind: 'appendEvents'; executionArn: string; events: HistoryEvent[] }
  | { kind: 'armTimer'; timer: TimerRecord }
  | { kind: 'cancelTimer'; executionArn: string; timerId: string }
  | { kind: 'putToken'; record: TaskTokenRecord }
  | { kind: 'deleteToken'; token: string }
  | { kind: 'putActivityTask'; record: ActivityTaskRecord }
  | { kind: 'deleteActivityTask'; token: string }
  | { kind: 'putMapRun'; record: MapRunRecord }
  /** Replaces the resource's tags with these. */
  | { kind: 'setTags'; resourceArn: string; tags: Tag[] }
  /** Deletes a closed execution with its inputs, events, timers, tokens, activity tasks, map runs and tags. */
  | { kind: 'purgeExecution'; arn: string };

/** An engine input as the store is handed it: its JSON text, or the plain JSON value. */
export type StoredInput = string | object;

/** The JSON text of a stored input. */
export function inputText(input: StoredInput): string {
  return typeof input === 'string' ? input : JSON.stringify(input);
}

export type StoreWriteKind = StoreWrite['kind'];

export interface EventQuery {
  /** Only events with an id above this one (below it when `reverse`). */
  after?: number;
  limit: number;
  /** Newest first. */
  reverse?: boolean;
}

export interface PurgeQuery {
  /** Only executions that closed before this time (epoch ms). */
  closedBefore?: number;
  /** @default every closed status */
  statuses?: Exclude<ExecutionStatus, 'RUNNING'>[];
  stateMachineArn?: string;
}

/**
 * The event log and the records around it. Reads are synchronous and see every write handed to
 * `write`, committed or not; `write` resolves once its changes are durable. Writes handed over in
 * the same tick are grouped into one transaction (group commit).
 */
export interface Store {
  readonly kind: 'sqlite' | 'memory';
  /** The data folder (sqlite). */
  readonly dir?: string;

  /**
   * Applies the writes before it returns (records are copied or encoded then, so the caller may
   * change them afterwards; appended events and inputs are taken over as they are).
   */
  write(writes: StoreWrite[]): Promise<void>;
  /** Resolves once every write handed over so far is durable. */
  flush(): Promise<void>;
  /** Flushes and closes; later calls fail. */
  close(): Promise<void>;

  getDefinition(revisionId: string): DefinitionRecord | undefined;

  getStateMachine(arn: string): StateMachineRecord | undefined;
  /** By name, A→Z. */
  listStateMachines(page: PageRequest): Page<StateMachineRecord>;
  getVersion(arn: string): StateMachineVersionRecord | undefined;
  /** Newest version first. */
  listVersions(stateMachineArn: string, page: PageRequest): Page<StateMachineVersionRecord>;
  getAlias(arn: string): StateMachineAliasRecord | undefined;
  /** By name, A→Z. */
  listAliases(stateMachineArn: string, page: PageRequest): Page<StateMachineAliasRecord>;

  getActivity(arn: string): ActivityRecord | undefined;
  /** By name, A→Z. */
  listActivities(page: PageRequest): Page<ActivityRecord>;

  getExecution(arn: string): ExecutionRecord | undefined;
  /** Newest start first. */
  listExecutions(query: ExecutionQuery, page: PageRequest): Page<ExecutionRecord>;
  /** ARNs of every RUNNING execution, oldest start first: what recovery resumes. */
  runningExecutions(): string[];
  /** Executions started by a task of this one. */
  childExecutions(parentArn: string): ExecutionRecord[];
  /** Closed executions that match, oldest close first. */
  purgeCandidates(query: PurgeQuery): string[];

  /** The execution's engine inputs in order (JSON text). */
  readInputs(executionArn: string): string[];
  readEvents(executionArn: string, query: EventQuery): HistoryEvent[];

  /** Every armed timer, soonest first. */
  timers(): TimerRecord[];
  getToken(token: string): TaskTokenRecord | undefined;
  /** Activity tasks not yet taken by a worker, oldest first. */
  queuedActivityTasks(activityArn: string, limit: number): ActivityTaskRecord[];
  getActivityTask(token: string): ActivityTaskRecord | undefined;

  getMapRun(arn: string): MapRunRecord | undefined;
  listMapRuns(executionArn: string, page: PageRequest): Page<MapRunRecord>;

  getTags(resourceArn: string): Tag[];
}
