import { createServer } from 'node:net';
import { startApiServer } from '../../lib/api';
import { FakeLocalService } from './fake-local-service';

test('defaults: loopback, and the URL names the bound port', async () => {
  const server = await startApiServer({ service: new FakeLocalService(), port: 0, log: () => {} });
  try {
    expect(server.host).toBe('127.0.0.1');
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
  } finally {
    await server.close();
  }
});

test('a port in use is a startup error, not a crash later', async () => {
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const port = (blocker.address() as { port: number }).port;
  try {
    await expect(startApiServer({ service: new FakeLocalService(), port, log: () => {} })).rejects.toMatchObject({ code: 'EADDRINUSE' });
  } finally {
    blocker.close();
  }
});

test('close() ends keep-alive connections at once and a request in flight within a second', async () => {
  const fake = new FakeLocalService();
  // A long poll that never answers, as GetActivityTask may wait 60 s.
  fake.operations.GetActivityTask = () => new Promise(() => {});
  const server = await startApiServer({ service: fake, port: 0, log: () => {} });
  const headers = { 'Content-Type': 'application/x-amz-json-1.0' };
  await fetch(server.url, { method: 'POST', headers: { ...headers, 'X-Amz-Target': 'AWSStepFunctions.ListActivities' }, body: '{}' });
  const hanging = fetch(server.url, { method: 'POST', headers: { ...headers, 'X-Amz-Target': 'AWSStepFunctions.GetActivityTask' }, body: '{"activityArn":"arn:aws:states:us-east-1:123456789012:activity:a"}' }).then(
    () => 'answered',
    () => 'cut',
  );
  await new Promise((r) => setTimeout(r, 50));
  const started = Date.now();
  await server.close();
  expect(Date.now() - started).toBeLessThan(2500);
  expect(await hanging).toBe('cut');
  await expect(fetch(server.url)).rejects.toThrow();
  // Closing twice is harmless.
  await server.close();
});
