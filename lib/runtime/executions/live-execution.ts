import type { EngineInput, Execution } from '../../engine';
import type { ExecutionRecord } from '../../store/records';
import type { RunTaskCommand } from '../dispatch/task-run';

type WithoutAt<T> = T extends unknown ? Omit<T, 'at'> : never;
/** An input as a caller hands it over; the runtime stamps it with the service time when it is applied. */
export type PendingInput = WithoutAt<EngineInput>;

/** A task the engine asked for and has not seen the end of. */
export interface OpenTask {
  command: RunTaskCommand;
  started: boolean;
}

interface QueuedInput {
  input: PendingInput;
  resolve: () => void;
  reject: (err: unknown) => void;
}

/**
 * One execution held in memory: its interpreter, its summary, what it has in motion, and a queue
 * so that inputs are applied one at a time, in arrival order. The store holds everything needed to
 * rebuild it, so an idle execution can be dropped from memory and replayed when it is needed again.
 */
export class LiveExecution {
  readonly queue: QueuedInput[] = [];
  /** Set while the queue is being applied. */
  applying = false;
  /** The inputs the drain took from the queue, and how far it got (a reset rejects the rest). */
  draining: { items: QueuedInput[]; next: number } | undefined;
  readonly tasks = new Map<string, OpenTask>();
  readonly timers = new Set<string>();
  /** Integrations of this execution still working in this process. */
  inflight = 0;
  /** Decisions handed to the store and not yet committed. */
  committing = 0;
  /** Time of the last applied input: inputs never go back in time. */
  lastAt = 0;
  /** Forgotten after a failed write: its in-memory state is no longer the store's. */
  dropped = false;
  /** A decision applied so far started a Map Run (so the store may hold runs of this execution). */
  startedMapRun = false;

  constructor(
    public record: ExecutionRecord,
    readonly engine: Execution,
  ) {}

  get arn(): string {
    return this.record.arn;
  }

  /** Nothing queued, applying or in flight: safe to drop from memory. */
  get idle(): boolean {
    return !this.applying && this.queue.length === 0 && this.inflight === 0 && this.committing === 0;
  }

  enqueue(input: PendingInput): Promise<void> {
    return new Promise((resolve, reject) => this.queue.push({ input, resolve, reject }));
  }
}
