import { withTextMemo } from '../engine/core/composed-text';
import { lazyText, lazyTextFields } from '../engine/core/json-text';
import type { HistoryEvent } from '../engine/history-event';
import { jsonLifting, PLACEHOLDER, restoreLifted } from './json-lift';
import type { EventQuery } from './store';
import { MAX_EVENT_ID } from './store-limits';
import { MAX_EVENTS_PER_INSERT, type EventParam, type EventRow, type SqliteStatements } from './sqlite-statements';

/** Writes and reads the history events of one execution, whose keys start at `base`. */
export interface EventCodec {
  write(base: number, events: readonly HistoryEvent[]): void;
  read(base: number, query: EventQuery, limit: number): HistoryEvent[];
}

/** The details fields that carry state data, in the order a payload is looked for. */
const PAYLOAD_FIELDS = ['input', 'output', 'parameters', 'cause'] as const;
/** Shorter texts stay inline: lifting them saves less than the extra column costs. */
const MIN_LIFTED = 64;

type Details = Record<string, unknown>;

/** The event's details object (the one object-valued field AWS's HistoryEvent has). */
function detailsOf(event: object): Details | undefined {
  for (const key in event) {
    const v = (event as Record<string, unknown>)[key];
    if (v !== null && typeof v === 'object') return v as Details;
  }
  return undefined;
}

/**
 * Events as rows `(k, body, payload, payload_from)`. The event's payload text (the first of
 * input/output/parameters/cause, when long) is lifted out of `body` into `payload`; when it is the
 * same text as the payload of the event just before it in the same append (a state's input is
 * usually the previous state's output), the row stores no copy and `payload_from` names the row
 * that holds it. Rows without a lifted payload (payload_from NULL) are the event's plain JSON, as
 * schema version 1 wrote every event.
 */
export function eventCodec(s: SqliteStatements): EventCodec {
  return {
    // One memo for the whole append: consecutive payloads share most of their parts (composed-text.ts).
    write: (base, events) => withTextMemo(() => writeEvents(s, base, events)),
    read(base, query, limit) {
      const sqlLimit = limit === Infinity ? -1 : limit;
      const rows = query.reverse
        ? s.readEventsReverse.all(base + 1, base + Math.min((query.after ?? MAX_EVENT_ID + 1) - 1, MAX_EVENT_ID), sqlLimit)
        : s.readEvents.all(base + Math.max(query.after ?? 0, 0) + 1, base + MAX_EVENT_ID, sqlLimit);
      const owned = new Map<number, string>();
      for (const row of rows) if (row.payload !== null) owned.set(row.k, row.payload);
      return rows.map((row) => decode(row, owned, s));
    },
  };
}

function decode(row: EventRow, owned: Map<number, string>, s: SqliteStatements): HistoryEvent {
  const event = JSON.parse(row.body) as HistoryEvent;
  if (row.payload_from === null) return event;
  let text = owned.get(row.payload_from);
  if (text === undefined) {
    text = s.eventPayload.get(row.payload_from) ?? undefined;
    if (text === undefined) throw new Error(`event row ${row.k} refers to the payload of row ${row.payload_from}, which is missing`);
    owned.set(row.payload_from, text);
  }
  const details = detailsOf(event)!;
  const field = PAYLOAD_FIELDS.find((f) => details[f] === PLACEHOLDER)!;
  restoreLifted(details, field, text);
  return event;
}

function writeEvents(s: SqliteStatements, base: number, events: readonly HistoryEvent[]): void {
  let lastText: string | undefined;
  let lastKey = 0;
  // Rows are bound in chunks of up to MAX_EVENTS_PER_INSERT, one INSERT statement each.
  const params: EventParam[] = [];
  let rows = 0;
  const flush = () => {
    s.putEvents[rows - 1]!.run(...params);
    params.length = 0;
    rows = 0;
  };
  for (const event of events) {
    const k = base + event.id;
    const details = detailsOf(event);
    let field: string | undefined;
    let text: string | undefined;
    if (details) {
      const own = lazyTextFields(details);
      for (const f of PAYLOAD_FIELDS) {
        const v = lazyText(own[f]);
        if (typeof v === 'string') {
          if (v.length >= MIN_LIFTED) (field = f), (text = v);
          break;
        }
      }
    }
    if (field === undefined || text === undefined) params.push(k, JSON.stringify(event), null, null);
    else {
      const body = jsonLifting(event, details!, [field]);
      if (text === lastText) params.push(k, body, null, lastKey);
      else {
        params.push(k, body, text, k);
        lastText = text;
        lastKey = k;
      }
    }
    if (++rows === MAX_EVENTS_PER_INSERT) flush();
  }
  if (rows > 0) flush();
}
