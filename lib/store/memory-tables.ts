import type { HistoryEvent } from '../engine/history-event';
import { isClosed } from './closed-status';
import { copyExecutionRecord, plainCopy } from './plain-copy';
import type {
  ActivityRecord,
  ActivityTaskRecord,
  DefinitionRecord,
  ExecutionRecord,
  MapRunRecord,
  StateMachineAliasRecord,
  StateMachineRecord,
  StateMachineVersionRecord,
  Tag,
  TaskTokenRecord,
} from './records';
import type { StoredInput, StoreWrite, StoreWriteKind } from './store';
import { integrity } from './store-errors';
import { MAX_EVENT_ID } from './store-limits';
import { UndoLog } from './undo-log';

/** A row that lists in arming order among equals: `seq` plays SQLite's rowid. */
export interface Sequenced<T> {
  record: T;
  seq: number;
}

/** One execution and everything that belongs to it (what purgeExecution removes). */
export interface MemoryExecution {
  record: ExecutionRecord;
  /** As handed over: JSON text or the input itself (its text is written only if it is read). */
  inputs: StoredInput[];
  /** Plain copies of the events (lazy payload getters read once), id = index + 1. */
  events: HistoryEvent[];
  timers: Map<string, Sequenced<number>>;
  tokens: Set<string>;
  activityTasks: Set<string>;
  mapRuns: Set<string>;
}

/**
 * The memory store's data. Every change goes through `apply`, which undoes the whole call when
 * one of its writes is refused. Records are copied in, so later changes by the caller do not leak.
 */
export class MemoryTables {
  readonly definitions = new Map<string, DefinitionRecord>();
  readonly stateMachines = new Map<string, StateMachineRecord>();
  readonly versions = new Map<string, StateMachineVersionRecord>();
  readonly aliases = new Map<string, StateMachineAliasRecord>();
  readonly activities = new Map<string, ActivityRecord>();
  readonly executions = new Map<string, MemoryExecution>();
  readonly tokens = new Map<string, TaskTokenRecord>();
  readonly activityTasks = new Map<string, Sequenced<ActivityTaskRecord>>();
  readonly mapRuns = new Map<string, MapRunRecord>();
  readonly tags = new Map<string, Tag[]>();

  private readonly undo = new UndoLog();
  private seq = 0;

  /** Applies one `write()` call's changes, all or none. */
  apply(writes: readonly StoreWrite[]): void {
    try {
      for (const w of writes) (this.appliers[w.kind] as (w: StoreWrite) => void)(w);
      this.undo.clear();
    } catch (error) {
      this.undo.rollback();
      throw error;
    }
  }

  private execution(kind: StoreWriteKind, arn: string): MemoryExecution {
    const x = this.executions.get(arn);
    if (!x) throw integrity.unknownExecution(kind, arn);
    return x;
  }

  private deleteTags(arn: string): void {
    this.undo.delete(this.tags, arn);
  }

  private readonly appliers: { [K in StoreWriteKind]: (w: Extract<StoreWrite, { kind: K }>) => void } = {
    putDefinition: (w) => this.undo.set(this.definitions, w.record.revisionId, plainCopy(w.record)),
    putStateMachine: (w) => this.undo.set(this.stateMachines, w.record.arn, plainCopy(w.record)),
    deleteStateMachine: (w) => {
      this.undo.delete(this.stateMachines, w.arn);
      this.deleteTags(w.arn);
      for (const [arn, v] of this.versions) if (v.stateMachineArn === w.arn) (this.undo.delete(this.versions, arn), this.deleteTags(arn));
      for (const [arn, a] of this.aliases) if (a.stateMachineArn === w.arn) (this.undo.delete(this.aliases, arn), this.deleteTags(arn));
    },
    putVersion: (w) => this.undo.set(this.versions, w.record.arn, plainCopy(w.record)),
    deleteVersion: (w) => (this.undo.delete(this.versions, w.arn), this.deleteTags(w.arn)),
    putAlias: (w) => this.undo.set(this.aliases, w.record.arn, plainCopy(w.record)),
    deleteAlias: (w) => (this.undo.delete(this.aliases, w.arn), this.deleteTags(w.arn)),
    putActivity: (w) => this.undo.set(this.activities, w.record.arn, plainCopy(w.record)),
    deleteActivity: (w) => {
      this.undo.delete(this.activities, w.arn);
      this.deleteTags(w.arn);
      for (const [token, t] of this.activityTasks) {
        if (t.record.activityArn !== w.arn || t.record.startedAt !== undefined) continue;
        this.undo.delete(this.activityTasks, token);
        const x = this.executions.get(t.record.executionArn);
        if (x) this.undo.remove(x.activityTasks, token);
      }
    },
    putExecution: (w) => {
      const record = copyExecutionRecord(w.record);
      const x = this.executions.get(record.arn);
      if (x) {
        this.undo.assign(x, 'record', record);
      } else {
        this.undo.set(this.executions, record.arn, {
          record,
          inputs: [],
          events: [],
          timers: new Map(),
          tokens: new Set<string>(),
          activityTasks: new Set<string>(),
          mapRuns: new Set<string>(),
        });
      }
    },
    appendInputs: (w) => this.undo.push(this.execution(w.kind, w.executionArn).inputs, w.inputs),
    appendEvents: (w) => {
      const x = this.execution(w.kind, w.executionArn);
      let expected = x.events.length + 1;
      const copies: HistoryEvent[] = [];
      for (const event of w.events) {
        if (event.id !== expected) throw integrity.eventIds(w.executionArn, expected, event.id);
        if (event.id > MAX_EVENT_ID) throw integrity.eventIdTooLarge(w.executionArn, event.id, MAX_EVENT_ID);
        // Kept as handed over: engine events are immutable and carry their payload texts lazily;
        // reads copy them (and so build the texts) only when someone asks for the history.
        copies.push(event);
        expected++;
      }
      this.undo.push(x.events, copies);
    },
    armTimer: (w) => {
      const x = this.execution(w.kind, w.timer.executionArn);
      const before = x.timers.get(w.timer.timerId);
      this.undo.set(x.timers, w.timer.timerId, { record: w.timer.dueAt, seq: before?.seq ?? ++this.seq });
    },
    cancelTimer: (w) => {
      const x = this.executions.get(w.executionArn);
      if (x) this.undo.delete(x.timers, w.timerId);
    },
    putToken: (w) => {
      const x = this.execution(w.kind, w.record.executionArn);
      this.forgetToken(w.record.token);
      this.undo.set(this.tokens, w.record.token, plainCopy(w.record));
      this.undo.add(x.tokens, w.record.token);
    },
    deleteToken: (w) => this.forgetToken(w.token),
    putActivityTask: (w) => {
      const x = this.execution(w.kind, w.record.executionArn);
      const before = this.activityTasks.get(w.record.token);
      this.forgetActivityTask(w.record.token);
      this.undo.set(this.activityTasks, w.record.token, { record: plainCopy(w.record), seq: before?.seq ?? ++this.seq });
      this.undo.add(x.activityTasks, w.record.token);
    },
    deleteActivityTask: (w) => this.forgetActivityTask(w.token),
    putMapRun: (w) => {
      const x = this.execution(w.kind, w.record.executionArn);
      const before = this.mapRuns.get(w.record.arn);
      if (before && before.executionArn !== w.record.executionArn) {
        const previous = this.executions.get(before.executionArn);
        if (previous) this.undo.remove(previous.mapRuns, w.record.arn);
      }
      this.undo.set(this.mapRuns, w.record.arn, plainCopy(w.record));
      this.undo.add(x.mapRuns, w.record.arn);
    },
    setTags: (w) => (w.tags.length === 0 ? this.deleteTags(w.resourceArn) : this.undo.set(this.tags, w.resourceArn, plainCopy(w.tags))),
    purgeExecution: (w) => {
      const x = this.executions.get(w.arn);
      if (!x) return;
      if (!isClosed(x.record.status)) throw integrity.purgeOpen(w.arn, x.record.status);
      for (const token of x.tokens) this.undo.delete(this.tokens, token);
      for (const token of x.activityTasks) this.undo.delete(this.activityTasks, token);
      for (const arn of x.mapRuns) (this.undo.delete(this.mapRuns, arn), this.deleteTags(arn));
      this.deleteTags(w.arn);
      this.undo.delete(this.executions, w.arn);
    },
  };

  /** Removes a token from the global map and from the execution that held it. */
  private forgetToken(token: string): void {
    const before = this.tokens.get(token);
    if (!before) return;
    this.undo.delete(this.tokens, token);
    const x = this.executions.get(before.executionArn);
    if (x) this.undo.remove(x.tokens, token);
  }

  private forgetActivityTask(token: string): void {
    const before = this.activityTasks.get(token);
    if (!before) return;
    this.undo.delete(this.activityTasks, token);
    const x = this.executions.get(before.record.executionArn);
    if (x) this.undo.remove(x.activityTasks, token);
  }
}
