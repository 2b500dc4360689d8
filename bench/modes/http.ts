import type { Workload } from '../workloads';
import type { Session } from './mode';

/** The local service behind its HTTP API, driven through @aws-sdk/client-sfn. */
export async function openOverHttp(_w: Workload): Promise<Session> {
  throw new Error('http mode: the HTTP server is not wired into the bench yet');
}
