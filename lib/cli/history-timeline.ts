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
  return parts.join('  ');
}

/**
 * Turns a history into timeline rows. A state's name is on its Entered and Exited events only; the
 * events in between inherit it through previousEventId, as each points at what caused it.
 */
export function timeline(events: readonly HistoryEvent[]): TimelineRow[] {
  const byId = new Map(events.map((e) => [e.id!, e]));
  const stateOf = new Map<number, string | undefined>();
  const nameFor = (event: HistoryEvent, depth = 0): string | undefined => {
    if (stateOf.has(event.id!)) return stateOf.get(event.id!);
    const own = event.stateEnteredEventDetails?.name ?? event.stateExitedEventDetails?.name;
    const parent = event.previousEventId ? byId.get(event.previousEventId) : undefined;
    const name = own ?? (parent && depth < 50 && !parent.type!.startsWith('Execution') ? nameFor(parent, depth + 1) : undefined);
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
