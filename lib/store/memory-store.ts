import type { HistoryEvent } from '../engine/history-event';
import { purgeStatuses } from './closed-status';
import { MemoryTables, type MemoryExecution } from './memory-tables';
import { checkLimit, decodeCursor, pageOf } from './page-cursor';
import { copyExecutionRecord, plainCopy } from './plain-copy';
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
import { inputText, type EventQuery, type PurgeQuery, type Store, type StoreWrite } from './store';
import { StoreClosedError } from './store-errors';
import { emptyStats, type StoreStats } from './store-stats';
import { compareText } from './text-order';

type Named = { name: string; arn: string };
type Started = { startDate: number; arn: string };

const byName = (a: Named, b: Named) => compareText(a.name, b.name) || compareText(a.arn, b.arn);
const newestFirst = (a: Started, b: Started) => b.startDate - a.startDate || compareText(a.arn, b.arn);
const oldestFirst = (a: Started, b: Started) => a.startDate - b.startDate || compareText(a.arn, b.arn);

/** Items after a (name, arn) cursor in name order. */
function afterName<T extends Named>(items: T[], list: 'stateMachines' | 'activities' | 'aliases', after: string | undefined): T[] {
  if (after === undefined) return items;
  const [name, arn] = decodeCursor(list, after);
  return items.filter((i) => compareText(i.name, name) > 0 || (i.name === name && compareText(i.arn, arn) > 0));
}

/** Items after a (startDate, arn) cursor in newest-first order. */
function afterStart<T extends Started>(items: T[], list: 'executions' | 'mapRuns', after: string | undefined): T[] {
  if (after === undefined) return items;
  const [startDate, arn] = decodeCursor(list, after);
  return items.filter((i) => i.startDate < startDate || (i.startDate === startDate && compareText(i.arn, arn) > 0));
}

/**
 * The event log in Maps, for tests and `--memory`. A `write()` applies at once (all of it or, when
 * one of its changes is refused, none) and resolves on a microtask; the writes of one synchronous
 * run share that microtask, which `stats.transactions` counts as one group, as SQLite's group
 * commit does. Reads hand out copies, so a caller mutating a result never changes the store.
 */
export class MemoryStore implements Store {
  readonly kind = 'memory' as const;
  readonly dir = undefined;
  readonly stats: StoreStats = emptyStats();

  private readonly t = new MemoryTables();
  private group: Promise<void> | undefined;
  private closed = false;

  write(writes: StoreWrite[]): Promise<void> {
    if (this.closed) return Promise.reject(new StoreClosedError('the memory store'));
    try {
      this.t.apply(writes);
    } catch (error) {
      this.stats.failedWrites++;
      return Promise.reject(error);
    }
    this.stats.writes++;
    if (!this.group) {
      this.group = Promise.resolve().then(() => {
        this.group = undefined;
        this.stats.transactions++;
      });
    }
    return this.group;
  }

  flush(): Promise<void> {
    if (this.closed) return Promise.reject(new StoreClosedError('the memory store'));
    return this.group ?? Promise.resolve();
  }

  /** Idempotent: closing a closed store resolves. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.group;
    this.closed = true;
  }

  private get tables(): MemoryTables {
    if (this.closed) throw new StoreClosedError('the memory store');
    return this.t;
  }

  getDefinition(revisionId: string): DefinitionRecord | undefined {
    return plainCopy(this.tables.definitions.get(revisionId));
  }

  getStateMachine(arn: string): StateMachineRecord | undefined {
    return plainCopy(this.tables.stateMachines.get(arn));
  }

  listStateMachines(page: PageRequest): Page<StateMachineRecord> {
    const limit = checkLimit(page.limit);
    const all = afterName([...this.tables.stateMachines.values()].sort(byName), 'stateMachines', page.after);
    return pageOf(all.slice(0, limit + 1).map(plainCopy), limit, 'stateMachines', (r) => [r.name, r.arn]);
  }

  getVersion(arn: string): StateMachineVersionRecord | undefined {
    return plainCopy(this.tables.versions.get(arn));
  }

  listVersions(stateMachineArn: string, page: PageRequest): Page<StateMachineVersionRecord> {
    const limit = checkLimit(page.limit);
    let all = [...this.tables.versions.values()].filter((v) => v.stateMachineArn === stateMachineArn).sort((a, b) => b.version - a.version);
    if (page.after !== undefined) {
      const [version] = decodeCursor('versions', page.after);
      all = all.filter((v) => v.version < version);
    }
    return pageOf(all.slice(0, limit + 1).map(plainCopy), limit, 'versions', (r) => [r.version]);
  }

  getAlias(arn: string): StateMachineAliasRecord | undefined {
    return plainCopy(this.tables.aliases.get(arn));
  }

  listAliases(stateMachineArn: string, page: PageRequest): Page<StateMachineAliasRecord> {
    const limit = checkLimit(page.limit);
    const mine = [...this.tables.aliases.values()].filter((a) => a.stateMachineArn === stateMachineArn).sort(byName);
    return pageOf(afterName(mine, 'aliases', page.after).slice(0, limit + 1).map(plainCopy), limit, 'aliases', (r) => [r.name, r.arn]);
  }

  getActivity(arn: string): ActivityRecord | undefined {
    return plainCopy(this.tables.activities.get(arn));
  }

  listActivities(page: PageRequest): Page<ActivityRecord> {
    const limit = checkLimit(page.limit);
    const all = afterName([...this.tables.activities.values()].sort(byName), 'activities', page.after);
    return pageOf(all.slice(0, limit + 1).map(plainCopy), limit, 'activities', (r) => [r.name, r.arn]);
  }

  getExecution(arn: string): ExecutionRecord | undefined {
    const record = this.tables.executions.get(arn)?.record;
    return record && copyExecutionRecord(record);
  }

  listExecutions(query: ExecutionQuery, page: PageRequest): Page<ExecutionRecord> {
    const limit = checkLimit(page.limit);
    const matches = (r: ExecutionRecord) =>
      (query.stateMachineArn === undefined || r.stateMachineArn === query.stateMachineArn) &&
      (query.status === undefined || r.status === query.status) &&
      (query.stateMachineVersionArn === undefined || r.stateMachineVersionArn === query.stateMachineVersionArn) &&
      (query.stateMachineAliasArn === undefined || r.stateMachineAliasArn === query.stateMachineAliasArn) &&
      (query.mapRunArn === undefined || r.mapRunArn === query.mapRunArn) &&
      (query.redriven === undefined || r.redriveCount > 0 === query.redriven);
    const all = afterStart(this.records().filter(matches).sort(newestFirst), 'executions', page.after);
    return pageOf(all.slice(0, limit + 1).map((r) => copyExecutionRecord(r)), limit, 'executions', (r) => [r.startDate, r.arn]);
  }

  runningExecutions(): string[] {
    return this.records()
      .filter((r) => r.status === 'RUNNING')
      .sort(oldestFirst)
      .map((r) => r.arn);
  }

  childExecutions(parentArn: string): ExecutionRecord[] {
    return this.records()
      .filter((r) => r.parent?.executionArn === parentArn)
      .sort(oldestFirst)
      .map(plainCopy);
  }

  purgeCandidates(query: PurgeQuery): string[] {
    const statuses: readonly string[] = purgeStatuses(query.statuses);
    return this.records()
      .filter(
        (r): r is ExecutionRecord & { stopDate: number } =>
          statuses.includes(r.status) &&
          r.stopDate !== undefined &&
          (query.closedBefore === undefined || r.stopDate < query.closedBefore) &&
          (query.stateMachineArn === undefined || r.stateMachineArn === query.stateMachineArn),
      )
      .sort((a, b) => a.stopDate - b.stopDate || compareText(a.arn, b.arn))
      .map((r) => r.arn);
  }

  readInputs(executionArn: string): string[] {
    return (this.tables.executions.get(executionArn)?.inputs ?? []).map(inputText);
  }

  readEvents(executionArn: string, query: EventQuery): HistoryEvent[] {
    const limit = checkLimit(query.limit);
    const events = this.tables.executions.get(executionArn)?.events ?? [];
    const out: HistoryEvent[] = [];
    if (query.reverse) {
      const start = Math.min(query.after === undefined ? events.length : query.after - 1, events.length);
      for (let id = start; id >= 1 && out.length < limit; id--) out.push(plainCopy(events[id - 1]));
    } else {
      for (let id = Math.max(query.after ?? 0, 0) + 1; id <= events.length && out.length < limit; id++) out.push(plainCopy(events[id - 1]));
    }
    return out;
  }

  timers(): TimerRecord[] {
    const all: { record: TimerRecord; seq: number }[] = [];
    for (const x of this.tables.executions.values()) {
      for (const [timerId, t] of x.timers) all.push({ record: { executionArn: x.record.arn, timerId, dueAt: t.record }, seq: t.seq });
    }
    return all.sort((a, b) => a.record.dueAt - b.record.dueAt || a.seq - b.seq).map((t) => t.record);
  }

  getToken(token: string): TaskTokenRecord | undefined {
    return plainCopy(this.tables.tokens.get(token));
  }

  queuedActivityTasks(activityArn: string, limit: number): ActivityTaskRecord[] {
    checkLimit(limit);
    return [...this.tables.activityTasks.values()]
      .filter((t) => t.record.activityArn === activityArn && t.record.startedAt === undefined)
      .sort((a, b) => a.record.scheduledAt - b.record.scheduledAt || a.seq - b.seq)
      .slice(0, limit)
      .map((t) => plainCopy(t.record));
  }

  getActivityTask(token: string): ActivityTaskRecord | undefined {
    return plainCopy(this.tables.activityTasks.get(token)?.record);
  }

  getMapRun(arn: string): MapRunRecord | undefined {
    return plainCopy(this.tables.mapRuns.get(arn));
  }

  listMapRuns(executionArn: string, page: PageRequest): Page<MapRunRecord> {
    const limit = checkLimit(page.limit);
    const x: MemoryExecution | undefined = this.tables.executions.get(executionArn);
    const runs = [...(x?.mapRuns ?? [])].map((arn) => this.t.mapRuns.get(arn)!).sort(newestFirst);
    return pageOf(afterStart(runs, 'mapRuns', page.after).slice(0, limit + 1).map(plainCopy), limit, 'mapRuns', (r) => [r.startDate, r.arn]);
  }

  getTags(resourceArn: string): Tag[] {
    return plainCopy(this.tables.tags.get(resourceArn)) ?? [];
  }

  private records(): ExecutionRecord[] {
    return [...this.tables.executions.values()].map((x) => x.record);
  }
}
