/** Inputs and outputs of the monitor activities. */

export interface MonitorInput {
  /** The URL to check. */
  url: string;
  /** Seconds between checks. @default 300 */
  intervalSeconds?: number;
}

export interface CheckHealthInput {
  url: string;
  /** @default 5000 */
  timeoutMs?: number;
}
export interface CheckHealthOutput {
  healthy: boolean;
  /** HTTP status, absent when the request failed or timed out. */
  status?: number;
  latencyMs: number;
  checkedAt: string;
  /** Why the request failed (connection refused, timed out…), when it did. */
  error?: string;
}

export interface SendAlertInput {
  url: string;
  status?: number;
  checkedAt: string;
  error?: string;
}
export interface SendAlertOutput {
  alertId: string;
}
