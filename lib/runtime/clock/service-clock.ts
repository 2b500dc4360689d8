import type { ClockOption } from '../local-service-contract';

/**
 * The service's time, in epoch milliseconds. The engine never reads a clock: every input the
 * runtime feeds it carries `now()`. Timers are due at service times; the clock decides how long
 * that is in real time (real: the same; scaled: `factor` times shorter; virtual: only when advanced).
 */
export interface ServiceClock {
  readonly mode: ClockOption['mode'];
  now(): number;
  /** Real milliseconds until the service time `at` comes, or undefined if it never comes by itself (virtual). */
  realDelayUntil(at: number): number | undefined;
}

class RealClock implements ServiceClock {
  readonly mode = 'real' as const;
  now(): number {
    return Date.now();
  }
  realDelayUntil(at: number): number {
    return Math.max(0, at - Date.now());
  }
}

/** A real instant and the service time it stands for, from which a scaled clock counts. */
export interface ScaledAnchor {
  realStart: number;
  serviceStart: number;
}

/** Service time runs `factor` times faster than real time, from its anchor (by default: the moment the service started). */
class ScaledClock implements ServiceClock {
  readonly mode = 'scaled' as const;
  private readonly anchor: ScaledAnchor;
  constructor(
    private readonly factor: number,
    anchor?: ScaledAnchor,
  ) {
    const now = Date.now();
    this.anchor = anchor ?? { realStart: now, serviceStart: now };
  }
  now(): number {
    return Math.floor(this.anchor.serviceStart + (Date.now() - this.anchor.realStart) * this.factor);
  }
  realDelayUntil(at: number): number {
    return Math.max(0, (at - this.now()) / this.factor);
  }
}

/** Time moves only through `set`, which the runtime calls while it advances and fires due timers in order. */
export class VirtualClock implements ServiceClock {
  readonly mode = 'virtual' as const;
  constructor(private current: number) {}
  now(): number {
    return this.current;
  }
  set(at: number): void {
    if (at > this.current) this.current = at;
  }
  realDelayUntil(): undefined {
    return undefined;
  }
}

/** `scaledAnchor`: where a scaled clock resumes (see scaled-clock-file.ts). */
export function createClock(option: ClockOption, scaledAnchor?: ScaledAnchor): ServiceClock {
  switch (option.mode) {
    case 'real':
      return new RealClock();
    case 'scaled':
      if (!(option.factor > 0)) throw new Error(`a scaled clock needs a factor above 0 (got ${option.factor})`);
      return new ScaledClock(option.factor, scaledAnchor);
    case 'virtual':
      return new VirtualClock(option.start ?? Date.now());
  }
}
