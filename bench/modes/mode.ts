import type { ExecutionResult, Workload } from '../workloads';

/** One way of running a workload's executions: an engine set up once, then executions through it. */
export interface Session {
  /** Starts an execution and resolves when it closes. */
  run(input: unknown): Promise<ExecutionResult>;
  /** Completes a parked task token (W4). Absent where the mode cannot park. */
  sendTaskSuccess?(token: string, output: unknown): Promise<void>;
  close(): Promise<void>;
}

export interface Mode {
  name: 'engine' | 'memory' | 'durable' | 'http' | 'peer';
  /** Why this mode cannot run the workload, or undefined when it can. */
  unsupported(w: Workload): string | undefined;
  open(w: Workload): Promise<Session>;
}
