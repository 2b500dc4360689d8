/**
 * The first `nextDouble()` of `new java.util.Random(seed)`. AWS's seeded `$random(seed)` draws from
 * java.util.Random, so the same seed must give the same number here: `$random(42)` is
 * 0.7275636800328681 on AWS (measured, floci-io/floci JsonataEvaluator).
 * @see https://docs.oracle.com/javase/8/docs/api/java/util/Random.html
 */
const MULTIPLIER = 0x5deece66dn;
const ADDEND = 0xbn;
const MASK = (1n << 48n) - 1n;

export function javaRandomFirstDouble(seed: number): number {
  let state = (BigInt.asIntN(64, BigInt(seed)) ^ MULTIPLIER) & MASK;
  const next = (bits: bigint): bigint => {
    state = (state * MULTIPLIER + ADDEND) & MASK;
    return state >> (48n - bits);
  };
  const high = next(26n);
  const low = next(27n);
  return Number((high << 27n) + low) / 2 ** 53;
}
