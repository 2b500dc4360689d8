import { invokeEnvelope, invokeEnvelopeText } from '../../lib/runtime/lambda/invoke-envelope';

/** The members that differ between two envelopes made at the same moment: the random trace ids. */
function withoutTrace(text: string): string {
  return text.replace(/Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0;Lineage=1:[0-9a-f]{8}:0/g, 'TRACE');
}

test.each([
  ['an object', { success: true, transaction_id: 'txn-order-0001', nested: { a: [1, 2, { b: 'é"\\' }] } }],
  ['a string', 'plain "quoted" text'],
  ['null', null],
  ['a number', 1e21],
  ['an empty object', {}],
])('the envelope text for %s is the text of the envelope made from the parsed payload, member for member', (_label, value) => {
  const payloadText = JSON.stringify(value);
  const at = Date.UTC(2026, 0, 2, 3, 4, 5);
  const requestId = '0a1b2c3d-0000-4000-8000-000000000001';
  const text = invokeEnvelopeText({ payloadText, requestId, at });
  const expected = JSON.stringify(invokeEnvelope({ payload: JSON.parse(payloadText), payloadBytes: Buffer.byteLength(payloadText), requestId, at }));
  expect(withoutTrace(text)).toBe(withoutTrace(expected));
  const parsed = JSON.parse(text);
  expect(Object.keys(parsed)).toEqual(['ExecutedVersion', 'Payload', 'SdkHttpMetadata', 'SdkResponseMetadata', 'StatusCode']);
  expect(parsed.SdkHttpMetadata.HttpHeaders['Content-Length']).toBe(String(Buffer.byteLength(payloadText)));
  expect(parsed.SdkHttpMetadata.HttpHeaders['X-Amzn-Trace-Id']).toMatch(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0;Lineage=1:[0-9a-f]{8}:0$/);
});

test('trace ids drawn from the pooled randomness differ from one envelope to the next, past a refill of the pool', () => {
  const ids = new Set<string>();
  for (let i = 0; i < 300; i++) ids.add(JSON.parse(invokeEnvelopeText({ payloadText: '{}', requestId: 'r', at: 0 })).SdkHttpMetadata.HttpHeaders['X-Amzn-Trace-Id']);
  expect(ids.size).toBe(300);
});

test('with a log tail, the envelope text is the text of the envelope object, LogResult after ExecutedVersion', () => {
  const o = { requestId: '0a1b2c3d-0000-4000-8000-000000000002', at: Date.UTC(2026, 0, 2), logResult: 'U1RBUlQ=' };
  const text = invokeEnvelopeText({ ...o, payloadText: '{"a":1}' });
  expect(withoutTrace(text)).toBe(withoutTrace(JSON.stringify(invokeEnvelope({ ...o, payload: { a: 1 }, payloadBytes: 7 }))));
  expect(Object.keys(JSON.parse(text))).toEqual(['ExecutedVersion', 'LogResult', 'Payload', 'SdkHttpMetadata', 'SdkResponseMetadata', 'StatusCode']);
});

test('with another status code and a log tail, the text still matches the envelope object member for member', () => {
  const o = { requestId: '0a1b2c3d-0000-4000-8000-000000000003', at: Date.UTC(2026, 5, 30, 23, 59, 59, 999), logResult: 'U1RBUlQgUmVxdWVzdElk', statusCode: 202 };
  const payloadText = JSON.stringify({ ü: ['é', null, 1.5] });
  const text = invokeEnvelopeText({ ...o, payloadText });
  expect(withoutTrace(text)).toBe(withoutTrace(JSON.stringify(invokeEnvelope({ ...o, payload: JSON.parse(payloadText), payloadBytes: Buffer.byteLength(payloadText) }))));
  // The Date header is remembered per second: the next second writes a new one.
  const later = JSON.parse(invokeEnvelopeText({ ...o, at: o.at + 1, payloadText }));
  expect(later.SdkHttpMetadata.HttpHeaders.Date).toBe('Wed, 01 Jul 2026 00:00:00 GMT');
});
