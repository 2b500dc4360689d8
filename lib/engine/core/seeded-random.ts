import { createHash } from 'node:crypto';
import type { RandomSource } from '../scope';

/**
 * The execution's only source of randomness: SHA-256 over (seed, counter). Replaying the same inputs
 * draws the same values in the same order, so tokens, jitter and UUIDs are reproducible.
 */
export class SeededRandom implements RandomSource {
  private counter = 0;
  constructor(private readonly seed: string) {}

  /** 32 fresh bytes. */
  bytes(): Buffer {
    return createHash('sha256').update(`${this.seed}:${this.counter++}`).digest();
  }

  next(): number {
    const b = this.bytes();
    // 53 random bits → [0, 1)
    const hi = b.readUInt32BE(0) >>> 5;
    const lo = b.readUInt32BE(4) >>> 6;
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  uuid(): string {
    const b = this.bytes().subarray(0, 16);
    b[6] = (b[6]! & 0x0f) | 0x40;
    b[8] = (b[8]! & 0x3f) | 0x80;
    const h = b.toString('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }

  /** A URL-safe task token carrying 384 bits. */
  token(): string {
    return tokenText(Buffer.concat([this.bytes(), this.bytes().subarray(0, 16)]));
  }

  /**
   * A task token like token(), derived from `key` instead of drawn: the values drawn after it stay
   * where they were, so an execution recorded before job-run tasks had tokens replays the same.
   */
  tokenFor(key: string): string {
    const part = (n: number) => createHash('sha256').update(`${this.seed}:token:${key}:${n}`).digest();
    return tokenText(Buffer.concat([part(0), part(1).subarray(0, 16)]));
  }
}

/**
 * A token's text: base64url after a fixed "AQ", as AWS's own tokens begin. Without it one token in
 * 64 would begin with '-', which the AWS CLI reads as an option (`--task-token -r1H…` fails).
 */
function tokenText(bytes: Buffer): string {
  return `AQ${bytes.toString('base64url')}`;
}
