import { startHarness, PASS_DEFINITION, ROLE, type Harness } from './api-harness';

// The local service's own endpoints under /_sagaflow/.

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ clock: 'virtual', now: Date.UTC(2024, 0, 2, 3, 4, 5, 678) });
});
afterEach(() => h.close());

const post = (path: string, body?: unknown) => h.raw({ path, headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });

test('GET /_sagaflow/health', async () => {
  const reply = await h.raw({ method: 'GET', path: '/_sagaflow/health' });
  expect(reply.status).toBe(200);
  expect(reply.headers.get('content-type')).toBe('application/json');
  expect(reply.json()).toEqual({ status: 'ok' });
});

test('GET /_sagaflow/clock', async () => {
  const reply = await h.raw({ method: 'GET', path: '/_sagaflow/clock' });
  expect(reply.json()).toEqual({ mode: 'virtual', now: Date.UTC(2024, 0, 2, 3, 4, 5, 678), iso: '2024-01-02T03:04:05.678Z' });
});

describe('POST /_sagaflow/clock/advance', () => {
  test('moves virtual time and reports what fired', async () => {
    h.fake.timers = [Date.UTC(2024, 0, 2, 3, 5), Date.UTC(2024, 0, 3)];
    const reply = await post('/_sagaflow/clock/advance', { ms: 90_000 });
    expect(reply.status).toBe(200);
    expect(reply.json()).toEqual({ now: Date.UTC(2024, 0, 2, 3, 5, 35, 678), fired: 1 });
    expect(h.fake.advances).toEqual([90_000]);
    const clock = await h.raw({ method: 'GET', path: '/_sagaflow/clock' });
    expect(clock.json().now).toBe(Date.UTC(2024, 0, 2, 3, 5, 35, 678));
  });

  test.each([[{ ms: 0 }], [{ ms: -5 }], [{ ms: 1.5 }], [{ ms: '100' }], [{}], [[]], ['x']])('refuses %j with a clear 400', async (body) => {
    const reply = await post('/_sagaflow/clock/advance', body);
    expect(reply.status).toBe(400);
    expect(reply.json().error).toBe('InvalidRequest');
    expect(String(reply.json().message)).toMatch(/ms|JSON object/);
    expect(h.fake.advances).toEqual([]);
  });

  test('refuses when the clock is not virtual', async () => {
    const real = await startHarness({ clock: 'real' });
    try {
      const reply = await real.raw({ path: '/_sagaflow/clock/advance', headers: { 'Content-Type': 'application/json' }, body: '{"ms":1000}' });
      expect(reply.status).toBe(400);
      expect(reply.json()).toEqual({ error: 'ClockNotVirtual', message: "The service clock is 'real'; only a virtual clock can be advanced (start the service with --clock virtual)." });
      expect(real.fake.advances).toEqual([]);
    } finally {
      await real.close();
    }
  });

  test('a body that is not JSON', async () => {
    const reply = await h.raw({ path: '/_sagaflow/clock/advance', body: '{ms:1' });
    expect(reply.status).toBe(400);
    expect(reply.json()).toEqual({ error: 'InvalidRequest', message: 'The body is not JSON.' });
  });
});

describe('POST /_sagaflow/purge', () => {
  async function seed(): Promise<string> {
    const created = await h.call('CreateStateMachine', { name: 'm', definition: PASS_DEFINITION, roleArn: ROLE });
    const arn = String(created.json().stateMachineArn);
    await h.call('StartExecution', { stateMachineArn: arn, name: 'one', input: '{}' });
    await h.call('StartExecution', { stateMachineArn: arn, name: 'two', input: '{}' });
    return arn;
  }

  test('passes the options to the service and answers the count', async () => {
    const arn = await seed();
    const reply = await post('/_sagaflow/purge', { statuses: ['SUCCEEDED', 'FAILED'], stateMachineArn: arn, closedBefore: Date.UTC(2030, 0, 1) });
    expect(reply.json()).toEqual({ purged: 2 });
    expect(h.fake.purges).toEqual([{ statuses: ['SUCCEEDED', 'FAILED'], stateMachineArn: arn, closedBefore: Date.UTC(2030, 0, 1) }]);
  });

  test('olderThanMs is counted back from the service clock', async () => {
    await seed();
    await post('/_sagaflow/purge', { olderThanMs: 86_400_000 });
    expect(h.fake.purges).toEqual([{ closedBefore: Date.UTC(2024, 0, 1, 3, 4, 5, 678) }]);
  });

  test('no body purges every closed execution', async () => {
    await seed();
    expect((await post('/_sagaflow/purge')).json()).toEqual({ purged: 2 });
    expect(h.fake.purges).toEqual([{}]);
  });

  test.each([
    [{ statuses: ['RUNNING'] }, 'statuses'],
    [{ statuses: [] }, 'statuses'],
    [{ statuses: 'FAILED' }, 'statuses'],
    [{ closedBefore: 'yesterday' }, 'closedBefore'],
    [{ olderThanMs: -1 }, 'olderThanMs'],
    [{ closedBefore: 1, olderThanMs: 1 }, 'not both'],
    [{ stateMachineArn: 'm' }, 'stateMachineArn'],
  ])('refuses %j', async (body, mention) => {
    const reply = await post('/_sagaflow/purge', body);
    expect(reply.status).toBe(400);
    expect(reply.json().error).toBe('InvalidRequest');
    expect(String(reply.json().message)).toContain(mention);
    expect(h.fake.purges).toEqual([]);
  });
});

test('unknown admin paths answer 404, wrong methods 405 with Allow', async () => {
  const missing = await h.raw({ method: 'GET', path: '/_sagaflow/nope' });
  expect(missing.status).toBe(404);
  expect(missing.json().error).toBe('NotFound');
  const wrong = await h.raw({ method: 'GET', path: '/_sagaflow/purge' });
  expect(wrong.status).toBe(405);
  expect(wrong.headers.get('allow')).toBe('POST');
  const alsoWrong = await post('/_sagaflow/health');
  expect(alsoWrong.status).toBe(405);
  expect(alsoWrong.headers.get('allow')).toBe('GET');
});

test('an admin failure inside the service answers 500 and the server keeps serving', async () => {
  h.fake.admin.purge = async () => {
    throw new Error('disk on fire');
  };
  const reply = await post('/_sagaflow/purge', {});
  expect(reply.status).toBe(500);
  expect(h.logs.some((line) => line.includes('disk on fire'))).toBe(true);
  expect((await h.raw({ method: 'GET', path: '/_sagaflow/health' })).status).toBe(200);
});
