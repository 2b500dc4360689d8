import { randomFillSync } from 'node:crypto';

const SEED_BYTES = 32;
const SEEDS_PER_FILL = 128;

/**
 * Execution seeds (256 secret random bits each, the source of the execution's task tokens),
 * drawn from the OS a batch at a time: one system call per 128 starts instead of one per start.
 */
export class SeedPool {
  private readonly pool = Buffer.alloc(SEED_BYTES * SEEDS_PER_FILL);
  private next = SEEDS_PER_FILL;

  take(): string {
    if (this.next === SEEDS_PER_FILL) {
      randomFillSync(this.pool);
      this.next = 0;
    }
    const at = this.next++ * SEED_BYTES;
    const seed = this.pool.toString('hex', at, at + SEED_BYTES);
    this.pool.fill(0, at, at + SEED_BYTES); // a seed handed out is not kept
    return seed;
  }
}
