import type { Json, StateMachineDefinition } from '../../lib/asl';
import type { EngineLimits } from '../../lib/engine';
import type { TaskOutcome } from '../engine/core/engine-driver';

/**
 * One conformance case: a definition run by the pure engine under a fake clock, with scripted task
 * outcomes, and what AWS does with it. A case file holds one case or an array of them.
 */
export interface CorpusCase {
  /** What the case shows, in a sentence. */
  description: string;
  /** The AWS page (or recorded execution) the expectation follows. */
  source: string;
  definition: StateMachineDefinition;
  input: Json;
  /** Task outcomes keyed by state name or resource ARN; an array is one outcome per attempt (the last repeats). */
  tasks?: Record<string, TaskOutcome | TaskOutcome[]>;
  options?: {
    /** Stop the execution this many ms after its start. */
    stopAfterMs?: number;
    /** The error and cause StopExecution gives (default: error "Stopped", cause "by test"). */
    stopWith?: { error?: string; cause?: string };
    /** Redrive once after it closes. */
    redrive?: boolean;
    /** Tasks answer after this many ms instead of at once. */
    taskLatencyMs?: number;
    limits?: Partial<EngineLimits>;
  };
  expect: {
    status: 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';
    /** The execution's output, compared exactly. */
    output?: Json;
    error?: string;
    cause?: string;
    /** The exact sequence of history event types. */
    events?: string[];
    /**
     * The whole history as `[id, type, previousEventId]`, event by event: the compact way to pin
     * AWS's event order and its previousEventId links.
     */
    chain?: Array<[number, string, number]>;
    /** When chosen events happen, by event id: milliseconds after the execution started (the fake clock). */
    at?: Record<string, number>;
    /** Details of chosen events, by event id: each a subset of the actual event (payload texts compared as text). */
    details?: Record<string, Record<string, unknown>>;
    /**
     * The history, event by event: the same length, and each expected event a subset of the
     * actual one at its position (timestamps are left out; payload texts are compared as text).
     */
    history?: Array<Record<string, unknown>>;
  };
}
