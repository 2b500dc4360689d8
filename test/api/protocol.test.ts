import { connect } from 'node:net';
import { startHarness, PASS_DEFINITION, ROLE, type Harness } from './api-harness';

// The wire answers for requests that never reach an operation, as AWS's front end (Coral) gives them.

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const JSON_10 = 'application/x-amz-json-1.0';

/** The server is still serving: a real call answers. */
async function expectAlive(): Promise<void> {
  const reply = await h.call('ListStateMachines', {});
  expect(reply.status).toBe(200);
  expect(reply.json()).toHaveProperty('stateMachines');
}

describe('a good call', () => {
  test('answers 200 with the JSON 1.0 content type, a request id and a Content-Length', async () => {
    const reply = await h.call('ListStateMachines', {});
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe(JSON_10);
    expect(reply.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number(reply.headers.get('content-length'))).toBe(Buffer.byteLength(reply.text));
  });

  test('every answer gets its own request id', async () => {
    const [a, b] = await Promise.all([h.call('ListStateMachines', {}), h.call('ListStateMachines', {})]);
    expect(a.headers.get('x-amzn-requestid')).not.toBe(b.headers.get('x-amzn-requestid'));
  });

  test('dates go out as epoch seconds written as Java doubles, as Step Functions writes them', async () => {
    h.fake.machines.clear();
    const created = await h.call('CreateStateMachine', { name: 'dates', definition: PASS_DEFINITION, roleArn: ROLE });
    expect(created.text).toMatch(/"creationDate":1\.704164645678E9\}$/);
    const started = await h.call('StartExecution', { stateMachineArn: created.json().stateMachineArn, input: '{}' });
    expect(started.text).toContain('"startDate":1.704164645678E9');
  });

  test('application/json is accepted too and answered in kind', async () => {
    const reply = await h.raw({ headers: { 'Content-Type': 'application/json', 'X-Amz-Target': 'AWSStepFunctions.ListActivities' }, body: '{}' });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('application/json');
  });

  test('members Coral does not know are ignored, and null counts as absent', async () => {
    const reply = await h.call('ListStateMachines', { maxResults: null, somethingElse: 1 });
    expect(reply.status).toBe(200);
    expect(h.fake.calls.at(-1)).toEqual({ operation: 'ListStateMachines', input: {} });
  });

  test('SigV4 is not checked: any credentials, or none, are accepted', async () => {
    const reply = await h.raw({ headers: { 'Content-Type': JSON_10, 'X-Amz-Target': 'AWSStepFunctions.ListActivities', Authorization: 'AWS4-HMAC-SHA256 Credential=nobody/20240101/us-east-1/states/aws4_request, SignedHeaders=host, Signature=0' }, body: '{}' });
    expect(reply.status).toBe(200);
  });
});

describe('requests that are not JSON-protocol calls', () => {
  test.each(['GET', 'PUT', 'DELETE'])('%s / answers 404 <UnknownOperationException/>', async (method) => {
    const reply = await h.raw({ method, headers: { 'X-Amz-Target': 'AWSStepFunctions.ListActivities' } });
    expect(reply.status).toBe(404);
    expect(reply.text).toBe('<UnknownOperationException/>\n');
    await expectAlive();
  });

  test('a body with another content type answers 404 <UnknownOperationException/>', async () => {
    const reply = await h.raw({ headers: { 'Content-Type': 'text/plain', 'X-Amz-Target': 'AWSStepFunctions.ListActivities' }, body: '{}' });
    expect(reply.status).toBe(404);
    expect(reply.text).toBe('<UnknownOperationException/>\n');
    await expectAlive();
  });
});

describe('X-Amz-Target', () => {
  test.each([
    ['missing', undefined],
    ['empty', ''],
    ['another service', 'DynamoDB_20120810.ListTables'],
    ['no operation', 'AWSStepFunctions.'],
    ['an unknown operation', 'AWSStepFunctions.LaunchRocket'],
    ['wrong case', 'AWSStepFunctions.listActivities'],
    ['an inherited property name', 'AWSStepFunctions.toString'],
  ])('%s: 400 UnknownOperationException', async (_case, target) => {
    const headers: Record<string, string> = { 'Content-Type': JSON_10 };
    if (target !== undefined) headers['X-Amz-Target'] = target;
    const reply = await h.raw({ headers, body: '{}' });
    expect(reply.status).toBe(400);
    expect(reply.json()).toEqual({ __type: 'com.amazon.coral.service#UnknownOperationException' });
    expect(reply.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
    expect(reply.headers.get('x-amzn-requestid')).toBeTruthy();
    await expectAlive();
  });
});

describe('bodies', () => {
  test.each([['{'], ['{"a":'], ['not json'], ["{'a': 1}"], ['{"a":1}}']])('malformed JSON %p: 400 SerializationException', async (body) => {
    const reply = await h.call('ListActivities', body);
    expect(reply.status).toBe(400);
    expect(reply.json()).toEqual({ __type: 'com.amazon.coral.service#SerializationException' });
    expect(reply.headers.get('x-amzn-errortype')).toBe('SerializationException');
    await expectAlive();
  });

  test('malformed JSON is found before the operation name is looked at', async () => {
    const reply = await h.raw({ headers: { 'Content-Type': JSON_10, 'X-Amz-Target': 'AWSStepFunctions.Nope' }, body: '{' });
    expect(reply.json().__type).toBe('com.amazon.coral.service#SerializationException');
  });

  test('an empty body: 400 SerializationException', async () => {
    const reply = await h.call('ListActivities', '');
    expect(reply.status).toBe(400);
    expect(reply.json()).toEqual({ __type: 'com.amazon.coral.service#SerializationException' });
  });

  test.each([
    ['an array', '[]', 'Unrecognized collection type class com.amazonaws.swf.service.v2.model.ListActivitiesInput'],
    ['a string', '"x"', 'Unexpected field type'],
    ['a number', '1', 'Unexpected field type'],
  ])('%s instead of an object: SerializationException', async (_case, body, message) => {
    const reply = await h.call('ListActivities', body);
    expect(reply.status).toBe(400);
    expect(reply.json()).toEqual({ __type: 'com.amazon.coral.service#SerializationException', Message: message });
  });
});

describe('bodies over the limit', () => {
  const LIMIT = 1049600;
  const big = JSON.stringify({ stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:m', input: JSON.stringify('x'.repeat(LIMIT)) });

  test('the limit is AWS\'s: a body of exactly 1049600 bytes is read, one byte more is refused with 413', async () => {
    const exact = JSON.stringify({ maxResults: 5, pad: 'x'.repeat(LIMIT - 25) });
    expect(Buffer.byteLength(exact)).toBe(LIMIT);
    expect((await h.call('ListActivities', exact)).status).toBe(200);
    const over = JSON.stringify({ maxResults: 5, pad: 'x'.repeat(LIMIT - 24) });
    const reply = await h.call('ListActivities', over);
    expect(reply.status).toBe(413);
    expect(reply.text).toBe('HTTP content length exceeded 1049600 bytes.');
    expect(reply.headers.get('content-type')).toBe('text; charset=utf-8');
    expect(reply.headers.get('connection')).toBe('close');
    await expectAlive();
  });

  test('an announced Content-Length over the limit is refused before the body is read', async () => {
    // Announce 10 MB and send nothing: the answer comes at once, without waiting for the body.
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(h.server.port, '127.0.0.1', () => {
        socket.write(`POST / HTTP/1.1\r\nHost: x\r\nContent-Type: ${JSON_10}\r\nX-Amz-Target: AWSStepFunctions.StartExecution\r\nContent-Length: 10000000\r\n\r\n`);
      });
      let text = '';
      socket.on('data', (chunk) => {
        text += chunk.toString();
        if (text.includes('exceeded')) {
          socket.destroy();
          resolve(text);
        }
      });
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer).toContain('HTTP content length exceeded 1049600 bytes.');
    await expectAlive();
  });

  test('a chunked body is counted as it streams and refused when it passes the limit', async () => {
    const chunks = (async function* () {
      for (let i = 0; i < 40; i++) yield new TextEncoder().encode('x'.repeat(64 * 1024));
    })();
    const res = await fetch(h.server.url, { method: 'POST', headers: { 'Content-Type': JSON_10, 'X-Amz-Target': 'AWSStepFunctions.StartExecution' }, body: ReadableStream.from(chunks), duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
    expect(await res.text()).toBe('HTTP content length exceeded 1049600 bytes.');
    await expectAlive();
  });

  test('the limit is configurable', async () => {
    const small = await startHarness({ maxBodyBytes: 100 });
    try {
      const reply = await small.call('ListActivities', JSON.stringify({ pad: 'x'.repeat(200) }));
      expect(reply.status).toBe(413);
      expect(reply.text).toBe('HTTP content length exceeded 100 bytes.');
      expect((await small.call('ListActivities', {})).status).toBe(200);
    } finally {
      await small.close();
    }
  });

  test('an oversized StartExecution is refused before its members are looked at', async () => {
    h.fake.machines.clear();
    await h.call('CreateStateMachine', { name: 'm', definition: PASS_DEFINITION, roleArn: ROLE });
    const reply = await h.call('StartExecution', big);
    expect(reply.status).toBe(413);
  });
});

describe('failures inside an operation', () => {
  test('an unexpected exception answers 500 InternalFailure, is logged, and the server keeps serving', async () => {
    h.fake.failWith('ListActivities', new TypeError('boom in the runtime'));
    const reply = await h.call('ListActivities', {});
    expect(reply.status).toBe(500);
    expect(reply.json()).toEqual({ __type: 'com.amazon.coral.service#InternalFailure' });
    expect(reply.headers.get('x-amzn-errortype')).toBe('InternalFailure');
    expect(h.logs.some((line) => line.includes('AWSStepFunctions.ListActivities') && line.includes('boom in the runtime'))).toBe(true);
    await expectAlive();
  });

  test('a thrown non-Error is handled the same way', async () => {
    h.fake.failWith('ListActivities', 'a string');
    expect((await h.call('ListActivities', {})).status).toBe(500);
    await expectAlive();
  });

  test('a ServiceError becomes the Step Functions error it names', async () => {
    const reply = await h.call('DescribeExecution', { executionArn: 'arn:aws:states:us-east-1:123456789012:execution:m:missing' });
    expect(reply.status).toBe(400);
    expect(reply.json()).toEqual({
      __type: 'com.amazonaws.swf.service.v2.model#ExecutionDoesNotExist',
      message: "Execution Does Not Exist: 'arn:aws:states:us-east-1:123456789012:execution:m:missing'",
    });
    expect(reply.headers.get('x-amzn-errortype')).toBe('ExecutionDoesNotExist');
  });
});

describe('a request HTTP cannot parse', () => {
  test('gets a plain 400 and the server keeps serving', async () => {
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(h.server.port, '127.0.0.1', () => socket.write('THIS IS NOT HTTP\r\n\r\n'));
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    await expectAlive();
  });
});
