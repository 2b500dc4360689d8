import type { ExecutionLogEvent } from '../runtime/local-service-contract';

export type LogFormat = 'text' | 'json';

const clockTime = (at: number) => new Date(at).toISOString().slice(11, 23);
const lastPart = (arn: string) => arn.split(':').pop() ?? arn;

/**
 * One line per execution start and end: readable (`03:04:05.678  started    order-1  (OrderSaga)`)
 * or one JSON object per line. Times are the service clock's, so virtual time shows as such.
 */
export function executionLogLine(event: ExecutionLogEvent, format: LogFormat): string {
  if (format === 'json') return JSON.stringify({ time: new Date(event.at).toISOString(), ...event });
  if (event.kind === 'started') return `${clockTime(event.at)}  started    ${event.name}  (${lastPart(event.stateMachineArn)})`;
  const failure = event.error !== undefined || event.cause !== undefined ? `  ${event.error ?? ''}${event.cause ? `: ${event.cause.replace(/\s+/g, ' ').slice(0, 200)}` : ''}` : '';
  return `${clockTime(event.at)}  ${event.status.padEnd(10)} ${lastPart(event.executionArn)}${failure}`;
}

/** A line about the service itself (listening, stopping), in the same format. */
export function serviceLogLine(format: LogFormat, event: string, text: string, fields: Record<string, unknown> = {}): string {
  return format === 'json' ? JSON.stringify({ time: new Date().toISOString(), kind: event, ...fields }) : text;
}
