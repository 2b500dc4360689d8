import { fn, openFixture, type Fixture } from './service-fixture';

/**
 * AWS's time and size conditions on redriving an unsuccessful Standard execution (API_RedriveExecution):
 * "has not exceeded the redrivable period of 14 days … This period starts from the day a state machine
 * completes its execution", "has not exceeded the maximum open time of one year", "The execution event
 * history count is less than 24,999". DescribeExecution is NOT_REDRIVABLE exactly when RedriveExecution
 * answers ExecutionNotRedrivable, with the reasons API_DescribeExecution lists ("Execution history event
 * limit exceeded", "Execution has exceeded the max execution time", "Execution redrivable period exceeded").
 * "Now" is the service clock, virtual here.
 */

const MS_PER_DAY = 24 * 3600 * 1000;
const YEAR = 365 * MS_PER_DAY;
const PERIOD = 14 * MS_PER_DAY;

let f: Fixture;
beforeEach(async () => void (f = await openFixture()));
afterEach(() => f.close());

const failing = (waitSeconds?: number) => ({
  StartAt: waitSeconds === undefined ? 'T' : 'W',
  States: {
    ...(waitSeconds === undefined ? {} : { W: { Type: 'Wait', Seconds: waitSeconds, Next: 'T' } }),
    T: { Type: 'Task', Resource: fn('fail'), End: true },
  },
});

async function redriveView(executionArn: string) {
  const d = await f.ops.DescribeExecution({ executionArn });
  return { redriveStatus: d.redriveStatus, redriveStatusReason: d.redriveStatusReason };
}

async function expectNotRedrivable(executionArn: string, reason: string) {
  expect(await redriveView(executionArn)).toEqual({ redriveStatus: 'NOT_REDRIVABLE', redriveStatusReason: reason });
  await expect(f.ops.RedriveExecution({ executionArn })).rejects.toMatchObject({ code: 'ExecutionNotRedrivable', message: expect.stringContaining(reason) });
  expect((await f.ops.DescribeExecution({ executionArn })).redriveCount).toBe(0);
}

const REDRIVABLE = { redriveStatus: 'REDRIVABLE', redriveStatusReason: undefined };

test('the redrivable period is 14 days from the stop: redrivable at exactly 14 days, not a millisecond later', async () => {
  const arn = await f.start(await f.machine('FailsAtOnce', failing()));
  expect((await f.closed(arn)).status).toBe('FAILED');
  await f.service.admin.advanceTime(PERIOD);
  expect(await redriveView(arn)).toEqual(REDRIVABLE);
  await f.service.admin.advanceTime(1);
  await expectNotRedrivable(arn, 'Execution redrivable period exceeded');
});

test('the redrivable period counts from the stop, not the start: failing after a 10-day Wait, it is still redrivable 14 days later', async () => {
  const arn = await f.start(await f.machine('FailsLate', failing(10 * 24 * 3600)));
  await f.service.admin.advanceTime(10 * MS_PER_DAY);
  const d = await f.closed(arn);
  expect(d.status).toBe('FAILED');
  expect(d.stopDate!.getTime() - d.startDate!.getTime()).toBe(10 * MS_PER_DAY);
  await f.service.admin.advanceTime(PERIOD);
  expect(await redriveView(arn)).toEqual(REDRIVABLE);
  await f.service.admin.advanceTime(1);
  expect((await redriveView(arn)).redriveStatusReason).toBe('Execution redrivable period exceeded');
});

test('a redrive that fails again opens a new redrivable period from its own stop', async () => {
  const arn = await f.start(await f.machine('FailsAgain', failing()));
  await f.closed(arn);
  await f.service.admin.advanceTime(13 * MS_PER_DAY);
  await f.ops.RedriveExecution({ executionArn: arn });
  const again = await f.closed(arn);
  expect(again).toMatchObject({ status: 'FAILED', redriveCount: 1 });
  await f.service.admin.advanceTime(PERIOD);
  expect(await redriveView(arn)).toEqual(REDRIVABLE);
  await f.service.admin.advanceTime(1);
  expect((await redriveView(arn)).redriveStatusReason).toBe('Execution redrivable period exceeded');
});

test('the maximum open time is one year from the start: failing after 360 days, it is redrivable until the year is up, then not', async () => {
  const arn = await f.start(await f.machine('FailsAfter360Days', failing(360 * 24 * 3600)));
  await f.service.admin.advanceTime(360 * MS_PER_DAY);
  expect((await f.closed(arn)).status).toBe('FAILED');
  await f.service.admin.advanceTime(5 * MS_PER_DAY - 1);
  expect(await redriveView(arn)).toEqual(REDRIVABLE);
  await f.service.admin.advanceTime(1);
  await expectNotRedrivable(arn, 'Execution has exceeded the max execution time');
});

test('an execution the 1-year maximum timed out is not redrivable: it has exceeded the max execution time', async () => {
  const arn = await f.start(await f.machine('WaitsPastTheYear', { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 400 * 24 * 3600, End: true } } }));
  await f.service.admin.advanceTime(YEAR);
  expect((await f.closed(arn)).status).toBe('TIMED_OUT');
  await expectNotRedrivable(arn, 'Execution has exceeded the max execution time');
});

/** Loops `iterations` times through a Pass and a Choice (4 events each), optionally after a successful Task (5), then fails at a Task (5 with ExecutionFailed). */
const looping = (iterations: number, taskFirst: boolean) => ({
  StartAt: taskFirst ? 'E' : 'P',
  States: {
    ...(taskFirst ? { E: { Type: 'Task', Resource: fn('echo'), ResultPath: null, Next: 'P' } } : {}),
    P: { Type: 'Pass', Parameters: { 'i.$': 'States.MathAdd($.i, 1)' }, Next: 'C' },
    C: { Type: 'Choice', Choices: [{ Variable: '$.i', NumericLessThan: iterations, Next: 'P' }], Default: 'T' },
    T: { Type: 'Task', Resource: fn('fail'), End: true },
  },
});

async function failedWithEvents(name: string, iterations: number, taskFirst: boolean, events: number): Promise<string> {
  const arn = await f.start(await f.machine(name, looping(iterations, taskFirst)), { i: 0 });
  expect((await f.closed(arn)).status).toBe('FAILED');
  const history = await f.history(arn);
  expect(history).toHaveLength(events);
  expect(history.at(-1)!.type).toBe('ExecutionFailed');
  return arn;
}

test('a history of 24,998 events is redrivable; one of 24,999 is not: the history event limit is exceeded', async () => {
  const under = await failedWithEvents('Events24998', 6248, false, 24_998);
  expect(await redriveView(under)).toEqual(REDRIVABLE);
  const at = await failedWithEvents('Events24999', 6247, true, 24_999);
  await expectNotRedrivable(at, 'Execution history event limit exceeded');
  await f.ops.RedriveExecution({ executionArn: under });
  expect((await f.ops.DescribeExecution({ executionArn: under })).redriveCount).toBe(1);
}, 60_000);
