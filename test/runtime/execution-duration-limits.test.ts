import type { ExecutionLogEvent } from '../../lib/runtime';
import { openFixture, type Fixture } from './service-fixture';

// AWS's maximum execution time, a hard quota: "5 minutes. If an execution runs for more than the
// 5-minute maximum, it will fail with a States.Timeout error and emit a ExecutionsTimedOut
// CloudWatch metric" for Express, 1 year for Standard
// (https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html#service-limits-state-machine-executions;
// "Express Workflows: Synchronous and Asynchronous | Maximum duration | 5 minutes",
// https://docs.aws.amazon.com/step-functions/latest/dg/concepts-standard-vs-express.html).
// StartSyncExecution's status is one of SUCCEEDED, FAILED and TIMED_OUT (API reference).

const FIVE_MINUTES = 300_000;
const YEAR = 365 * 24 * 3600 * 1000;

let f: Fixture;
let events: ExecutionLogEvent[];
/** Resolves with the ARN of the next execution to start, once its first decision is under way. */
let nextStart: Promise<string>;
let onStart: (arn: string) => void;

beforeEach(async () => {
  events = [];
  nextStart = new Promise((r) => (onStart = r));
  f = await openFixture({
    onExecutionEvent: (e) => {
      events.push(e);
      if (e.kind === 'started') onStart(e.executionArn);
    },
  });
});
afterEach(() => f.close());

const waiting = (seconds: number, timeoutSeconds?: number) => ({
  StartAt: 'W',
  ...(timeoutSeconds !== undefined ? { TimeoutSeconds: timeoutSeconds } : {}),
  States: { W: { Type: 'Wait', Seconds: seconds, End: true } },
});

test.each([
  ['no TimeoutSeconds', undefined, FIVE_MINUTES],
  ['a TimeoutSeconds of an hour', 3600, FIVE_MINUTES],
  ['a TimeoutSeconds of 10 s (below the maximum, it still rules)', 10, 10_000],
])('StartSyncExecution of an Express machine with %s waiting 10 minutes answers TIMED_OUT at min(TimeoutSeconds, 5 minutes)', async (_name, timeoutSeconds, endsAfterMs) => {
  const sm = await f.machine('ExpressWait', waiting(600, timeoutSeconds), 'EXPRESS');
  let answered = false;
  const sync = f.ops.StartSyncExecution({ stateMachineArn: sm, input: '{"a":1}' }).finally(() => (answered = true));
  await nextStart;
  await f.service.admin.advanceTime(endsAfterMs - 1);
  expect(answered).toBe(false);
  await f.service.admin.advanceTime(1);
  const r = await sync;
  expect(r).toMatchObject({ status: 'TIMED_OUT', input: '{"a":1}' });
  expect(r.stopDate!.getTime() - r.startDate!.getTime()).toBe(endsAfterMs);
  expect(r).not.toHaveProperty('output');
});

test('an Express execution started by StartExecution (asynchronous) is ended by the 5-minute maximum too: TIMED_OUT with ExecutionTimedOut (States.Timeout) linked to 0', async () => {
  const sm = await f.machine('ExpressAsync', waiting(600), 'EXPRESS');
  const arn = await f.start(sm);
  expect(arn).toContain(':express:');
  await f.service.admin.advanceTime(FIVE_MINUTES - 1);
  expect(events.filter((e) => e.kind === 'closed')).toEqual([]);
  await f.service.admin.advanceTime(1);
  const d = await f.closed(arn);
  expect(d.status).toBe('TIMED_OUT');
  expect(d.stopDate!.getTime() - d.startDate!.getTime()).toBe(FIVE_MINUTES);
  const history = await f.history(arn);
  expect(history.map((e) => [e.id, e.type, e.previousEventId])).toEqual([
    [1, 'ExecutionStarted', 0],
    [2, 'WaitStateEntered', 0],
    [3, 'ExecutionTimedOut', 0],
  ]);
  expect(history[2]!.executionTimedOutEventDetails).toEqual({ error: 'States.Timeout' });
});

test('a Standard execution is not held to the Express maximum: a 10-minute Wait succeeds; with no TimeoutSeconds it times out only at 1 year', async () => {
  const short = await f.start(await f.machine('StandardWait', waiting(600)));
  await f.service.admin.advanceTime(600_000);
  expect((await f.closed(short)).status).toBe('SUCCEEDED');

  const long = await f.start(await f.machine('StandardYear', waiting(99_999_999)));
  await f.service.admin.advanceTime(YEAR - 1);
  expect((await f.ops.DescribeExecution({ executionArn: long })).status).toBe('RUNNING');
  await f.service.admin.advanceTime(1);
  const d = await f.closed(long);
  expect(d.status).toBe('TIMED_OUT');
  expect(d.stopDate!.getTime() - d.startDate!.getTime()).toBe(YEAR);
  // As when TimeoutSeconds ends it: States.Timeout lives only in the history (floci-io/floci#2733, measured).
  for (const absent of ['error', 'cause', 'output']) expect(d).not.toHaveProperty(absent);
  expect((await f.history(long)).at(-1)).toMatchObject({ type: 'ExecutionTimedOut', previousEventId: 0, executionTimedOutEventDetails: { error: 'States.Timeout' } });
});
