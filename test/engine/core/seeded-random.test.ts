import { SeededRandom } from '../../../lib/engine/core/seeded-random';

const SEED = 'ab'.repeat(16);

test('the same seed draws the same values in the same order', () => {
  const a = new SeededRandom(SEED);
  const b = new SeededRandom(SEED);
  expect([a.next(), a.uuid(), a.token()]).toEqual([b.next(), b.uuid(), b.token()]);
  expect(new SeededRandom('cd'.repeat(16)).next()).not.toBe(new SeededRandom(SEED).next());
});

test('a derived token leaves the draws after it where they were, and differs by key and seed', () => {
  const plain = new SeededRandom(SEED);
  const withDerived = new SeededRandom(SEED);
  const token = withDerived.tokenFor('7:0');
  expect(withDerived.token()).toBe(plain.token());
  expect(token).toBe(new SeededRandom(SEED).tokenFor('7:0'));
  expect(token).not.toBe(new SeededRandom(SEED).tokenFor('7:1'));
  expect(token).not.toBe(new SeededRandom('cd'.repeat(16)).tokenFor('7:0'));
  // 384 bits, URL-safe, as drawn tokens are.
  expect(token).toMatch(/^AQ[A-Za-z0-9_-]{64}$/);
});

test('no token begins with a dash, which the AWS CLI would read as an option', () => {
  for (let i = 0; i < 256; i++) {
    const r = new SeededRandom(`${i}`.padStart(64, '0'));
    expect(r.token()).toMatch(/^AQ[A-Za-z0-9_-]{64}$/);
    expect(r.tokenFor('1:0')).toMatch(/^AQ/);
  }
});
