import type { ExecutionStatus } from '../engine/execution-api';
import type { StepFunctionsOperations } from './step-functions-operations';

/**
 * The contract between the runtime (which implements the local Step Functions service) and its
 * front ends: the HTTP API, the CLI and the tests. `createLocalService` in lib/runtime implements it.
 */

export type StoreOption =
  | { kind: 'sqlite'; /** The data folder. @default ".sagaflow" */ dir: string; /** 'process': an acknowledged write survives a process kill (default); 'power': it survives power loss (fsync). */ durability?: 'process' | 'power' }
  | { kind: 'memory' };

export type ClockOption =
  | { mode: 'real' }
  /** Waits and timeouts run `factor` times faster than real time. */
  | { mode: 'scaled'; factor: number }
  /** Time moves only when advanced (admin endpoint or CLI). @default start = Date.now() at service start */
  | { mode: 'virtual'; start?: number };

/** A Lambda function the local service can run: its name/ARN and where its handler lives. */
export interface LambdaFunctionConfig {
  functionName: string;
  /** Absolute path of the module that exports the handler (JavaScript or TypeScript). */
  modulePath: string;
  /** @default "handler" */
  handlerName?: string;
  /** @default 3 (AWS's default) */
  timeoutSeconds?: number;
  environment?: Record<string, string>;
  /** @default 128 */
  memorySize?: number;
  /**
   * 'worker': each invocation runs in a worker thread of its own function's pool, with the
   * function's environment as its `process.env`; a timeout terminates that worker, as Lambda ends
   * the sandbox. 'inline': the handler runs in the service's own thread with the service's
   * environment (fast; for tests and benchmarks whose handlers need no environment).
   * @default "worker"
   */
  isolation?: 'worker' | 'inline';
  /** Concurrent sandboxes of this function; more invocations wait for a free one. @default 16 */
  maxConcurrency?: number;
}

/** A line-worthy moment in an execution's life, for the service log. */
export type ExecutionLogEvent =
  | { kind: 'started'; executionArn: string; stateMachineArn: string; name: string; at: number }
  | { kind: 'closed'; executionArn: string; status: ExecutionStatus; at: number; error?: string; cause?: string };

export interface LocalServiceOptions {
  store: StoreOption;
  clock: ClockOption;
  /** @default "us-east-1" */
  region?: string;
  /** @default "123456789012" */
  accountId?: string;
  lambdas?: LambdaFunctionConfig[];
  /** Endpoint for the optimised DynamoDB integration, e.g. http://127.0.0.1:8000. */
  dynamodbEndpoint?: string;
  /**
   * The engine's quotas. AWS's are fixed (25,000 history events, 256 KiB payloads); a workload
   * that AWS would fail can be run by raising them, knowing that AWS will not.
   * @default AWS's quotas
   */
  limits?: { maxHistoryEvents?: number; maxPayloadBytes?: number };
  /** Purge closed executions older than this many days (checked periodically). Unset: keep forever. */
  retentionDays?: number;
  onExecutionEvent?: (event: ExecutionLogEvent) => void;
  /**
   * A line a function in a worker sandbox wrote (its CloudWatch log on AWS).
   * @default written to stderr as `[functionName] line`
   */
  onFunctionLog?: (line: FunctionLogLine) => void;
}

export interface FunctionLogLine {
  functionName: string;
  stream: 'stdout' | 'stderr';
  text: string;
}

export interface PurgeOptions {
  /** Only executions that closed before this time (epoch ms, service clock). */
  closedBefore?: number;
  /** Only these statuses. @default all closed statuses */
  statuses?: Exclude<ExecutionStatus, 'RUNNING'>[];
  stateMachineArn?: string;
}

/** A task of a RUNNING execution that waits with a task token (GET /_sagaflow/waiting-tasks). */
export interface WaitingTask {
  /** Absent for an activity no worker has taken yet. */
  taskToken?: string;
  /** The Task state's name. */
  stateName: string;
  /** Its Resource, as the definition writes it. */
  resource: string;
  /** What completes it: SendTaskSuccess/SendTaskFailure from a callback, or an activity worker. */
  waitsFor: 'callback' | 'activity';
  /**
   * An activity: whether a worker took it (GetActivityTask). Until then it has no `taskToken` here,
   * as on AWS, where only GetActivityTask hands an activity's token out.
   */
  started?: boolean;
}

export interface AdminOperations {
  /** The service clock, epoch ms. */
  now(): number;
  clockMode(): ClockOption['mode'];
  /** Virtual mode only: moves time forward and fires everything that falls due, in order. */
  advanceTime(ms: number): Promise<{ now: number; fired: number }>;
  purge(options: PurgeOptions): Promise<{ purged: number }>;
  /** The tasks of an execution waiting with a task token, oldest first; none once it closed. */
  waitingTasks(executionArn: string): Promise<WaitingTask[]>;
  /** Resolves, once they are all loaded again, with how many executions were RUNNING in the data folder when the service started. */
  resumed(): Promise<number>;
  /** Registers or replaces Lambda functions at run time (used when a CDK app is loaded). */
  registerLambdas(functions: LambdaFunctionConfig[]): void;
}

export interface LocalService {
  operations: StepFunctionsOperations;
  admin: AdminOperations;
  /** Stops timers and workers, flushes and closes the store. Running executions stay RUNNING on disk and resume on the next start. */
  close(): Promise<void>;
}

export type CreateLocalService = (options: LocalServiceOptions) => Promise<LocalService>;
