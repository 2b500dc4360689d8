/**
 * RedriveExecution's idempotency: "The API will return idempotent responses for the last 10 client
 * tokens used to successfully redrive the execution. These client tokens are valid for up to 15
 * minutes after they are first used" (API reference). Kept in memory: a token outlives neither its
 * 15 minutes nor the service.
 */
const KEPT_PER_EXECUTION = 10;
const VALID_MS = 15 * 60 * 1000;

interface Used {
  token: string;
  firstUsed: number;
  redriveDate: number;
}

export class RedriveClientTokens {
  private readonly byExecution = new Map<string, Used[]>();

  /** The redrive date a token already bought, if it is one of the execution's last ten and still valid. */
  answered(executionArn: string, token: string | undefined, now: number): number | undefined {
    if (token === undefined) return undefined;
    const used = this.byExecution.get(executionArn)?.find((u) => u.token === token);
    return used && now - used.firstUsed <= VALID_MS ? used.redriveDate : undefined;
  }

  remember(executionArn: string, token: string | undefined, now: number, redriveDate: number): void {
    if (token === undefined) return;
    const used = (this.byExecution.get(executionArn) ?? []).filter((u) => now - u.firstUsed <= VALID_MS);
    used.push({ token, firstUsed: now, redriveDate });
    this.byExecution.set(executionArn, used.slice(-KEPT_PER_EXECUTION));
  }
}
