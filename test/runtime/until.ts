/** How long `until` polls: `attempts` checks, `intervalMs` apart. */
export interface Polling {
  attempts: number;
  intervalMs: number;
}

/** Polls `check` until it returns a value, and fails naming `what` when the attempts run out. */
export async function pollUntil<T>(what: string, check: () => T | undefined | Promise<T | undefined>, polling: Polling): Promise<T> {
  for (let i = 0; i < polling.attempts; i++) {
    const v = await check();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, polling.intervalMs));
  }
  throw new Error(`timed out waiting for ${what}`);
}
