/** Lambda returns at most the last 4 KB of an invocation's log. */
const TAIL_BYTES = 4096;

/**
 * The `LogType: Tail` log of one invocation, base64 as Lambda's LogResult carries it: the platform's
 * START, END and REPORT lines in Lambda's format. The handler's own console output is not captured
 * locally, so the tail holds the platform lines only; Max Memory Used is the service process's
 * resident size, capped at the function's memory, as there is no per-invocation measure.
 * @see https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html (LogResult, LogType)
 * @see https://docs.aws.amazon.com/lambda/latest/dg/nodejs-logging.html (the REPORT line's fields)
 */
export function logTail(o: { requestId: string; durationMs: number; memorySize: number }): string {
  const used = Math.min(o.memorySize, Math.ceil(process.memoryUsage.rss() / (1024 * 1024)));
  const text =
    `START RequestId: ${o.requestId} Version: $LATEST\n` +
    `END RequestId: ${o.requestId}\n` +
    `REPORT RequestId: ${o.requestId}\tDuration: ${o.durationMs.toFixed(2)} ms\tBilled Duration: ${Math.max(1, Math.ceil(o.durationMs))} ms\t` +
    `Memory Size: ${o.memorySize} MB\tMax Memory Used: ${used} MB\t\n`;
  const bytes = Buffer.from(text);
  return bytes.subarray(Math.max(0, bytes.length - TAIL_BYTES)).toString('base64');
}
