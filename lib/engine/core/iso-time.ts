let isoAt = NaN;
let isoText = '';

/**
 * ISO-8601 of an instant (epoch ms). Many states are entered at the same instant within one input,
 * and an execution starts at the instant its StartExecution is applied: the last text is kept.
 */
export function isoTime(ms: number): string {
  if (ms !== isoAt) {
    isoText = new Date(ms).toISOString();
    isoAt = ms;
  }
  return isoText;
}
