import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resumeScaledClock } from '../../lib/runtime/clock/scaled-clock-file';
import { openFixture, type Fixture } from './service-fixture';

// `serve --clock scale=N --data DIR`: the service time goes on across a restart instead of starting
// again at the real time, which is up to N times behind what the history already holds.

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'sagaflow-scaled-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('the anchor is saved once and kept for the same factor; a new factor re-anchors where the old one had got to', () => {
  const first = resumeScaledClock(dir, 100, 1_000_000);
  expect(first).toEqual({ realStart: 1_000_000, serviceStart: 1_000_000 });
  expect(JSON.parse(readFileSync(join(dir, 'scaled-clock.json'), 'utf8'))).toEqual({ realStart: 1_000_000, serviceStart: 1_000_000, factor: 100 });
  expect(resumeScaledClock(dir, 100, 1_005_000)).toEqual(first);
  // 5 s later at 100x the service time stood 500 s ahead of the anchor.
  expect(resumeScaledClock(dir, 10, 1_005_000)).toEqual({ realStart: 1_005_000, serviceStart: 1_500_000 });
});

test('a wait armed before a restart fires at its due time, and the history never goes back in time', async () => {
  const factor = 1000;
  const open = () => openFixture({ store: { kind: 'sqlite', dir }, clock: { mode: 'scaled', factor } });
  let f: Fixture = await open();
  const arn = await f.start(await f.machine('Sleepy', { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 1500, End: true } } }));
  await new Promise((r) => setTimeout(r, 300));
  await f.close();
  f = await open();
  try {
    const before = f.service.admin.now();
    const d = await f.closed(arn);
    expect(d.status).toBe('SUCCEEDED');
    const events = await f.history(arn);
    const times = events.map((e) => e.timestamp!.getTime());
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    const entered = events.find((e) => e.type === 'WaitStateEntered')!.timestamp!.getTime();
    const exited = events.find((e) => e.type === 'WaitStateExited')!.timestamp!.getTime();
    // Due 1,500 service seconds after it was entered; the restart took some real milliseconds (x1000).
    expect(exited - entered).toBeGreaterThanOrEqual(1_500_000);
    expect(exited - entered).toBeLessThan(1_500_000 + 1000 * factor);
    expect(before).toBeGreaterThan(entered + 300 * factor * 0.9);
    const next = await f.start(await f.machine('After', { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }));
    expect((await f.ops.DescribeExecution({ executionArn: next })).startDate!.getTime()).toBeGreaterThanOrEqual(exited);
  } finally {
    await f.close();
  }
});
