/**
 * `java.util.Random`, bit for bit. AWS's seeded `$random(seed)` and `States.MathRandom(start, end,
 * seed)` draw from it, so the same seed must give the same number here: `$random(42)` is
 * 0.7275636800328681 on AWS (measured, floci-io/floci JsonataEvaluator).
 * @see https://docs.oracle.com/javase/8/docs/api/java/util/Random.html
 */
const MULTIPLIER = 0x5deece66dn;
const ADDEND = 0xbn;
const MASK = (1n << 48n) - 1n;

export class JavaRandom {
  private state: bigint;

  /** `new Random(seed)`: the seed is read as a Java long. */
  constructor(seed: number) {
    this.state = (BigInt.asIntN(64, BigInt(Math.trunc(seed))) ^ MULTIPLIER) & MASK;
  }

  private next(bits: number): number {
    this.state = (this.state * MULTIPLIER + ADDEND) & MASK;
    return Number(BigInt.asIntN(32, this.state >> BigInt(48 - bits)));
  }

  nextDouble(): number {
    const high = BigInt(this.next(26));
    const low = BigInt(this.next(27));
    return Number((high << 27n) + low) / 2 ** 53;
  }

  /** `nextInt(bound)` for a positive int bound, with Java's rejection of the biased tail. */
  nextInt(bound: number): number {
    let r = this.next(31);
    const m = bound - 1;
    if ((bound & m) === 0) return Number((BigInt(bound) * BigInt(r)) >> 31n);
    for (let u = r; u - (r = u % bound) + m > 0x7fffffff || u - r + m < 0; u = this.next(31)) {
      // Java loops while `u - r + m` overflows an int; in exact arithmetic that is > 2^31 - 1.
    }
    return r;
  }
}

/** The first `nextDouble()` of `new java.util.Random(seed)`. */
export function javaRandomFirstDouble(seed: number): number {
  return new JavaRandom(seed).nextDouble();
}
