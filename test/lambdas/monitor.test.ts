import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { handler as checkHealth } from '../../lambdas/monitor/check-health';
import { handler as sendAlert } from '../../lambdas/monitor/send-alert';
import { MonitorTableAccess, MonitorTables } from '../../lambdas/monitor/tables';
import { granted, startHandlerFixture, type HandlerFixture } from './handler-fixture';

let f: HandlerFixture;
let server: Server;
let base = '';

beforeAll(async () => {
  f = await startHandlerFixture(MonitorTables);
  jest.spyOn(console, 'log').mockImplementation(() => {});
  server = createServer((req, res) => {
    if (req.url === '/ok') res.end('ok');
    else if (req.url === '/down') { res.statusCode = 503; res.end('down'); }
    else if (req.url === '/moved') { res.statusCode = 302; res.setHeader('location', '/ok'); res.end(); }
    else if (req.url === '/slow') setTimeout(() => res.end('late'), 2000).unref();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  await f?.close();
});

const check = (event: object, remainingMs = 30_000) => checkHealth(event as never, { getRemainingTimeInMillis: () => remainingMs });

describe('check-health', () => {
  test('a 2xx answer is healthy, with its status, latency and time', async () => {
    const before = Date.now();
    const out = await check({ url: `${base}/ok` });
    expect(out).toEqual({ healthy: true, status: 200, latencyMs: expect.any(Number), checkedAt: expect.any(String) });
    expect(Date.parse(out.checkedAt)).toBeGreaterThanOrEqual(before - 1);
  });

  test('redirects are followed to the final answer', async () => {
    expect(await check({ url: `${base}/moved` })).toMatchObject({ healthy: true, status: 200 });
  });

  test('any other status is unhealthy with that status', async () => {
    expect(await check({ url: `${base}/down` })).toMatchObject({ healthy: false, status: 503 });
  });

  test('no answer within the timeout is unhealthy with no status', async () => {
    const out = await check({ url: `${base}/slow`, timeoutMs: 100 });
    expect(out).toEqual({ healthy: false, latencyMs: expect.any(Number), checkedAt: expect.any(String), error: 'no answer within 100 ms' });
    expect(out.latencyMs).toBeLessThan(1500);
  });

  test('the timeout never runs past the function\'s own deadline', async () => {
    expect(await check({ url: `${base}/slow`, timeoutMs: 60_000 }, 1200)).toMatchObject({ healthy: false, error: 'no answer within 200 ms' });
  });

  test('a refused connection is unhealthy with no status', async () => {
    // A port that was free a moment ago: nothing listens there.
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', () => r()));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((r) => probe.close(() => r()));
    const out = await check({ url: `http://127.0.0.1:${port}/health` });
    expect(out).toEqual({ healthy: false, latencyMs: expect.any(Number), checkedAt: expect.any(String), error: 'ECONNREFUSED' });
  });

  test.each([
    [{}, 'url must be a string (got nothing)'],
    [{ url: 'not a url' }, 'url is not a URL (got "not a url")'],
    [{ url: 'ftp://example.com/' }, 'url must be http or https (got ftp:)'],
    [{ url: `http://x/`, timeoutMs: 0 }, 'timeoutMs must be an integer from 1 to 60000 (got number 0)'],
  ])('bad input %j fails with InvalidInput', async (event, message) => {
    await expect(check(event)).rejects.toMatchObject({ name: 'InvalidInput', message });
  });
});

describe('send-alert', () => {
  const scanAlerts = async () => (await f.ddb.send(new ScanCommand({ TableName: f.tables.Alerts, ConsistentRead: true }))).Items ?? [];

  test('records the alert with the url; a redelivery records nothing new', async () => {
    // The workflow sends the execution input merged with the check's output.
    const event = { url: `${base}/down`, intervalSeconds: 300, healthy: false, status: 503, latencyMs: 3, checkedAt: '2025-01-01T00:00:00.000Z' };
    const first = await f.run('SendAlert', sendAlert, event);
    expect(first.alertId).toMatch(/^alert-[0-9a-f]{24}$/);
    expect(await f.run('SendAlert', sendAlert, event)).toEqual(first);
    const alerts = (await scanAlerts()).filter((a) => a.alertId.S === first.alertId);
    expect(alerts).toEqual([{ alertId: { S: first.alertId }, url: { S: event.url }, status: { N: '503' }, checkedAt: { S: event.checkedAt }, recordedAt: { S: expect.any(String) } }]);
  });

  test('a failed connection (no status) is recorded with its error; each check is its own alert', async () => {
    const url = 'http://127.0.0.1:9/health';
    await f.run('SendAlert', sendAlert, { url, checkedAt: '2025-01-01T00:05:00.000Z', error: 'ECONNREFUSED' });
    await f.run('SendAlert', sendAlert, { url, checkedAt: '2025-01-01T00:10:00.000Z', error: 'ECONNREFUSED' });
    const alerts = (await scanAlerts()).filter((a) => a.url.S === url);
    expect(alerts).toHaveLength(2);
    expect(alerts.every((a) => a.error?.S === 'ECONNREFUSED' && a.status === undefined)).toBe(true);
  });

  test('bad input fails with InvalidInput', async () => {
    await expect(f.run('SendAlert', sendAlert, { url: 'http://x/', checkedAt: 'yesterday' })).rejects.toMatchObject({ name: 'InvalidInput', message: 'checkedAt must be an ISO 8601 time (got "yesterday")' });
  });
});

test('each handler used exactly the DynamoDB actions its access list grants', () => {
  expect(f.used('SendAlert')).toEqual(granted(MonitorTableAccess.SendAlert));
  expect(f.used('(outside run)')).toEqual([]);
});
