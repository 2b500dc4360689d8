import { isClosed } from './closed-status';
import type { ExecutionStatus } from '../engine/execution-api';
import { inputText, type StoreWrite, type StoreWriteKind } from './store';
import { integrity } from './store-errors';
import { EVENT_ID_BITS, MAX_EVENT_ID } from './store-limits';
import type { SqliteStatements } from './sqlite-statements';
import type { EventCodec } from './sqlite-event-codec';
import { encodeExecution } from './sqlite-execution-codec';
import type { ExecutionRecord } from './records';
import type { WrittenRows } from './sqlite-written-rows';

/** The first event key of an execution; event `id` is stored at `eventKey(x) + id`. */
export const eventKey = (executionId: number): number => executionId * 2 ** EVENT_ID_BITS;

/** An execution's indexed columns, in the order both putExecution and updateExecutionDoc name them. */
type IndexedColumns = [string, string, string, number, number | null, string | null, string | null, string | null, string | null, number];

function indexedColumns(r: ExecutionRecord): IndexedColumns {
  return [
    r.arn,
    r.stateMachineArn,
    r.status,
    r.startDate,
    r.stopDate ?? null,
    r.stateMachineVersionArn ?? null,
    r.stateMachineAliasArn ?? null,
    r.mapRunArn ?? null,
    r.parent?.executionArn ?? null,
    r.redriveCount,
  ];
}

function sameColumns(a: IndexedColumns, b: IndexedColumns): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

type Appliers = { [K in StoreWriteKind]: (w: Extract<StoreWrite, { kind: K }>) => void };

/**
 * How each StoreWrite changes the SQLite tables, one entry per kind. Each throws to refuse; the
 * store then rolls back the savepoint of the `write()` call it belongs to.
 * `forget` must run before each `write()` call: the row id of the execution a call last wrote is
 * remembered within that call only (a rolled-back call may have created it).
 */
export function sqliteAppliers(s: SqliteStatements, events: EventCodec, written: WrittenRows): { appliers: Appliers; forget: () => void } {
  // Most writes of a call name one execution: its id is looked up once.
  let known: { arn: string; id: number } | undefined;
  const executionId = (kind: StoreWriteKind, arn: string): number => {
    if (known?.arn === arn) return known.id;
    const row = s.executionId.get(arn);
    if (!row) throw integrity.unknownExecution(kind, arn);
    known = { arn, id: row.id };
    return row.id;
  };
  const deleteWithTags = (arn: string, del: { run(arn: string): unknown }) => {
    del.run(arn);
    s.deleteTags.run(arn);
  };
  const appliers: Appliers = {
    putDefinition: (w) => s.putDefinition.run(w.record.revisionId, w.record.definition),
    putStateMachine: (w) => s.putStateMachine.run(w.record.arn, w.record.name, JSON.stringify(w.record)),
    deleteStateMachine: (w) => {
      s.deleteMachineVersionTags.run(w.arn);
      s.deleteMachineAliasTags.run(w.arn);
      s.deleteMachineVersions.run(w.arn);
      s.deleteMachineAliases.run(w.arn);
      deleteWithTags(w.arn, s.deleteStateMachine);
    },
    putVersion: (w) => s.putVersion.run(w.record.arn, w.record.stateMachineArn, w.record.version, JSON.stringify(w.record)),
    deleteVersion: (w) => deleteWithTags(w.arn, s.deleteVersion),
    putAlias: (w) => s.putAlias.run(w.record.arn, w.record.stateMachineArn, w.record.name, JSON.stringify(w.record)),
    deleteAlias: (w) => deleteWithTags(w.arn, s.deleteAlias),
    putActivity: (w) => s.putActivity.run(w.record.arn, w.record.name, JSON.stringify(w.record)),
    deleteActivity: (w) => {
      s.deleteQueuedActivityTasks.run(w.arn);
      deleteWithTags(w.arn, s.deleteActivity);
    },
    putExecution: ({ record: r }) => {
      const held = written.unchanged(r);
      if (held) {
        // The row is as it was: the event count is read from the events (EXECUTION_COLUMNS).
        known = { arn: r.arn, id: held.id };
        held.record.eventCount = r.eventCount;
        return;
      }
      const { doc, input, output } = encodeExecution(r);
      const columns = indexedColumns(r);
      // The doc-only UPDATE is tried unless the remembered row shows an indexed column moved (a close).
      const prior = written.held(r.arn);
      const same = prior && !sameColumns(indexedColumns(prior.record), columns) ? undefined : s.updateExecutionDoc.get(doc, input, output, ...columns);
      known = { arn: r.arn, id: same ? same.id : s.putExecution.get(...columns, doc, input, output)!.id };
      written.remember(known.id, r);
    },
    appendInputs: (w) => {
      if (w.inputs.length === 0) return;
      const id = executionId(w.kind, w.executionArn);
      let seq = written.lastSeq(id) ?? s.lastInput.get(id) ?? 0;
      for (const input of w.inputs) s.putInput.run(id, ++seq, inputText(input));
      written.appended(id, { seq });
    },
    appendEvents: (w) => {
      if (w.events.length === 0) return;
      const id = executionId(w.kind, w.executionArn);
      const base = eventKey(id);
      let expected = (written.lastEvent(id) ?? (s.lastEventKey.get(base, base + MAX_EVENT_ID) ?? base) - base) + 1;
      for (const event of w.events) {
        if (event.id !== expected) throw integrity.eventIds(w.executionArn, expected, event.id);
        if (event.id > MAX_EVENT_ID) throw integrity.eventIdTooLarge(w.executionArn, event.id, MAX_EVENT_ID);
        expected++;
      }
      events.write(base, w.events);
      written.appended(id, { event: expected - 1 });
    },
    armTimer: ({ kind, timer: t }) => s.armTimer.run(executionId(kind, t.executionArn), t.timerId, t.dueAt),
    cancelTimer: (w) => s.cancelTimer.run(w.executionArn, w.timerId),
    putToken: ({ kind, record: r }) => s.putToken.run(r.token, executionId(kind, r.executionArn), r.taskId, r.closed ? 1 : 0),
    deleteToken: (w) => s.deleteToken.run(w.token),
    putActivityTask: ({ kind, record: r }) =>
      s.putActivityTask.run(r.token, r.activityArn, executionId(kind, r.executionArn), r.taskId, r.input, r.scheduledAt, r.startedAt ?? null, r.workerName ?? null),
    deleteActivityTask: (w) => s.deleteActivityTask.run(w.token),
    putMapRun: ({ kind, record: r }) => s.putMapRun.run(r.arn, executionId(kind, r.executionArn), r.startDate, JSON.stringify(r)),
    setTags: (w) => (w.tags.length === 0 ? s.deleteTags.run(w.resourceArn) : s.putTags.run(w.resourceArn, JSON.stringify(w.tags))),
    purgeExecution: (w) => {
      known = undefined;
      const row = s.executionId.get(w.arn);
      written.forget(w.arn, row?.id);
      if (!row) return;
      if (!isClosed(row.status as ExecutionStatus)) throw integrity.purgeOpen(w.arn, row.status);
      const base = eventKey(row.id);
      s.purgeInputs.run(row.id);
      s.purgeEvents.run(base, base + MAX_EVENT_ID);
      s.purgeTimers.run(row.id);
      s.purgeTokens.run(row.id);
      s.purgeActivityTasks.run(row.id);
      s.purgeMapRunTags.run(row.id);
      s.purgeMapRuns.run(row.id);
      s.deleteTags.run(w.arn);
      s.purgeExecution.run(row.id);
    },
  };
  return {
    appliers,
    forget: () => {
      known = undefined;
    },
  };
}
