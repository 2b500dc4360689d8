import type { HistoryEvent } from '@aws-sdk/client-sfn';

/** One line of `sagaflow history`: where in time, which event, which state, what matters. */
export interface TimelineRow {
  offsetMs: number;
  id: number;
  type: string;
  state: string | undefined;
  details: string;
}

const PAYLOAD_CHARS = 80;

function short(text: string | undefined): string {
  if (text === undefined) return '';
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > PAYLOAD_CHARS ? `${oneLine.slice(0, PAYLOAD_CHARS - 1)}…` : oneLine;
}

/** The `…EventDetails` member of an event, whatever its type. */
function detailsOf(event: HistoryEvent): Record<string, unknown> | undefined {
  for (const [key, value] of Object.entries(event)) {
    if (key.endsWith('EventDetails') && value && typeof value === 'object') return value as Record<string, unknown>;
  }
  return undefined;
}

/** The details worth a glance: resource, error and cause, a short payload, timeouts. */
function summary(event: HistoryEvent): string {
  const d = detailsOf(event);
  if (!d) return '';
  const parts: string[] = [];
  const str = (key: string) => (typeof d[key] === 'string' ? (d[key] as string) : undefined);
  const resource = str('resource');
  if (resource) parts.push(str('resourceType') ? `${str('resourceType')}:${resource}` : resource);
  if (str('error') !== undefined) parts.push(`error ${str('error')}`);
  if (str('cause') !== undefined) parts.push(`cause ${short(str('cause'))}`);
  for (const key of ['input', 'output', 'parameters'] as const) {
    if (str(key) !== undefined) parts.push(`${key} ${short(str(key))}`);
  }
  if (typeof d.index === 'number') parts.push(`index ${d.index}`);
  if (typeof d.length === 'number') parts.push(`length ${d.length}`);
  if (typeof d.timeoutInSeconds === 'number') parts.push(`timeout ${d.timeoutInSeconds}s`);
  if (typeof d.heartbeatInSeconds === 'number') parts.push(`heartbeat ${d.heartbeatInSeconds}s`);
  if (str('mapRunArn')) parts.push(`map run ${str('mapRunArn')}`);
  if (str('workerName')) parts.push(`worker ${str('workerName')}`);
  return parts.join('  ');
}

/** The state an event names itself: Entered and Exited events, Map iterations, evaluation failures. */
function ownState(event: HistoryEvent): string | undefined {
  return (
    event.stateEnteredEventDetails?.name ??
    event.stateExitedEventDetails?.name ??
    (event.mapIterationStartedEventDetails ?? event.mapIterationSucceededEventDetails ?? event.mapIterationFailedEventDetails ?? event.mapIterationAbortedEventDetails)?.name ??
    event.evaluationFailedEventDetails?.state
  );
}

/**
 * `MapStateStarted` or `ParallelStateSucceeded` → 'Map' or 'Parallel'. A retried attempt's Started
 * points at the last event of the attempt before, and an end at the last event of a branch or
 * iteration, not at their state.
 */
const CONTAINER_EVENT = /^(Map|Parallel)State(?:Started|Succeeded|Failed|Aborted)$/;
const CONTAINER_END = /^(Map|Parallel)State(?:Succeeded|Failed|Aborted)$/;

/**
 * Turns a history into timeline rows. Events that do not name their state inherit it through
 * previousEventId, as each points at what caused it, except the Started and end events of a Map
 * or Parallel state: for them the chain is walked up to the state's Entered event (or the Started
 * of its attempt before), past nested states of the same kind, each closed by one end event and
 * opened by one Entered event whatever its attempts.
 */
export function timeline(events: readonly HistoryEvent[]): TimelineRow[] {
  const byId = new Map(events.map((e) => [e.id!, e]));
  // Only earlier events: a history from elsewhere that links forward cannot send the walk round in circles.
  const parentOf = (e: HistoryEvent) => (e.previousEventId && e.previousEventId < e.id! ? byId.get(e.previousEventId) : undefined);
  const stateOf = new Map<number, string | undefined>();
  const ownerOf = (event: HistoryEvent, kind: string): HistoryEvent | undefined => {
    let nested = 0;
    for (let e = parentOf(event); e; e = parentOf(e)) {
      if (e.type === `${kind}StateEntered` || e.type === `${kind}StateStarted`) {
        if (nested === 0) return e;
        if (e.type === `${kind}StateEntered`) nested--;
      } else if (CONTAINER_END.exec(e.type!)?.[1] === kind) nested++;
    }
    return undefined;
  };
  const nameFor = (event: HistoryEvent): string | undefined => {
    if (stateOf.has(event.id!)) return stateOf.get(event.id!);
    let name = ownState(event);
    if (name === undefined) {
      const kind = CONTAINER_EVENT.exec(event.type!)?.[1];
      const from = kind ? ownerOf(event, kind) : parentOf(event);
      if (from && !from.type!.startsWith('Execution')) name = nameFor(from);
    }
    stateOf.set(event.id!, name);
    return name;
  };
  const start = Math.min(...events.map((e) => e.timestamp!.getTime()));
  return events.map((event) => ({
    offsetMs: event.timestamp!.getTime() - start,
    id: event.id!,
    type: event.type!,
    state: event.type!.startsWith('Execution') ? undefined : nameFor(event),
    details: summary(event),
  }));
}

/** `+1.234s` from the first event. */
export function formatOffset(ms: number): string {
  return `+${(ms / 1000).toFixed(3)}s`;
}
