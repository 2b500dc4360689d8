/**
 * One structured log line (JSON, as CloudWatch Logs Insights reads it). On AWS it lands in the
 * function's log group; locally, in the output of `npm start`.
 */
export function log(message: string, fields: Record<string, unknown> = {}): void {
  console.log(JSON.stringify({ level: 'INFO', message, ...fields }));
}
