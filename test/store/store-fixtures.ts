import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HistoryEvent } from '../../lib/engine';
import { LazyJson, withLazyTexts } from '../../lib/engine/core/json-text';
import { MemoryStore, SqliteStore, type ExecutionRecord, type Store } from '../../lib/store';

export const REGION_ACCOUNT = 'us-east-1:123456789012';
export const machineArn = (name: string) => `arn:aws:states:${REGION_ACCOUNT}:stateMachine:${name}`;
export const executionArn = (machine: string, name: string) => `arn:aws:states:${REGION_ACCOUNT}:execution:${machine}:${name}`;
export const activityArn = (name: string) => `arn:aws:states:${REGION_ACCOUNT}:activity:${name}`;

export function execution(machine: string, name: string, overrides: Partial<ExecutionRecord> = {}): ExecutionRecord {
  return {
    arn: executionArn(machine, name),
    name,
    stateMachineArn: machineArn(machine),
    revisionId: 'rev-1',
    type: 'STANDARD',
    status: 'RUNNING',
    roleArn: 'arn:aws:iam::123456789012:role/test',
    input: JSON.stringify({ name, note: 'an input long enough to be kept in a column of its own by SQLite' }),
    startDate: 1_700_000_000_000,
    redriveCount: 0,
    eventCount: 0,
    ...overrides,
  };
}

/** The executions the crash test's child process writes, numbered from 0. */
export function childExecution(n: number): ExecutionRecord {
  return execution('Crash', `n${n}`, { startDate: 1_700_000_000_000 + n });
}

/** A closed execution, as the runtime records it when it ends. */
export function closed(record: ExecutionRecord, status: ExecutionRecord['status'], stopDate: number): ExecutionRecord {
  return { ...record, status, stopDate, output: status === 'SUCCEEDED' ? '{"ok":true}' : undefined };
}

/** A state payload of about `size` characters, distinct per `seed`. */
export function payload(seed: string, size = 300): string {
  return JSON.stringify({ seed, filler: 'x'.repeat(size), quote: 'say "hi"', unicode: 'é ✓ 😀' });
}

/**
 * A chain of Pass states as the engine records it: ExecutionStarted, then per state Entered (input)
 * and Exited (output, which the next state enters with), then ExecutionSucceeded. Payloads are
 * lazy texts, as in engine events, and an Exited output is the same text as the next input.
 */
export function passChain(states: number, options: { firstId?: number; at?: number; lazy?: boolean } = {}): HistoryEvent[] {
  const firstId = options.firstId ?? 1;
  const at = options.at ?? 1_700_000_000_000;
  const lazy = options.lazy ?? true;
  const events: HistoryEvent[] = [];
  // Each payload text is given as a lazy LazyJson member, as the engine hands events over (withLazyTexts).
  const text = <T extends Record<string, unknown>>(details: T, key: keyof T & string, value: string): T =>
    lazy ? withLazyTexts<T>({ ...details, [key]: new LazyJson(JSON.parse(value)) }) : { ...details, [key]: value };
  let id = firstId;
  const started = text({ input: '', inputDetails: { truncated: false }, roleArn: 'arn:aws:iam::123456789012:role/test' }, 'input', payload('s0'));
  events.push({ timestamp: at, type: 'ExecutionStarted', id, previousEventId: 0, executionStartedEventDetails: started });
  for (let s = 0; s < states; s++) {
    const entered = text({ name: `Step${s}`, input: '', inputDetails: { truncated: false } }, 'input', payload(`s${s}`));
    events.push({ timestamp: at + s, type: 'PassStateEntered', id: ++id, previousEventId: id - 1, stateEnteredEventDetails: entered });
    const exited = text({ name: `Step${s}`, output: '', outputDetails: { truncated: false } }, 'output', payload(`s${s + 1}`));
    events.push({ timestamp: at + s, type: 'PassStateExited', id: ++id, previousEventId: id - 1, stateExitedEventDetails: exited });
  }
  const succeeded = text({ output: '', outputDetails: { truncated: false } }, 'output', payload(`s${states}`));
  events.push({ timestamp: at + states, type: 'ExecutionSucceeded', id: ++id, previousEventId: id - 1, executionSucceededEventDetails: succeeded });
  return events;
}

/** What `JSON.stringify` makes of events: the form GetExecutionHistory sends, key order included. */
export const wire = (events: readonly HistoryEvent[]) => events.map((e) => JSON.stringify(e));

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'sagaflow-store-test-'));
}

export interface Backend {
  name: 'memory' | 'sqlite';
  open(): Store;
  /** Removes what open() created. */
  cleanup(): void;
}

export function memoryBackend(): Backend {
  return { name: 'memory', open: () => new MemoryStore(), cleanup: () => undefined };
}

export function sqliteBackend(): Backend {
  const dirs: string[] = [];
  return {
    name: 'sqlite',
    open: () => {
      const dir = tempDir();
      dirs.push(dir);
      return new SqliteStore({ dir });
    },
    cleanup: () => {
      for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Both backends, for describe.each. */
export const backends: [string, () => Backend][] = [
  ['memory', memoryBackend],
  ['sqlite', sqliteBackend],
];

/** A child process running test/store/store-child.ts, with its stdout as lines. */
export interface StoreChild {
  child: ChildProcess;
  /** Resolves with the first line that matches, or rejects when the child says `error …` or exits. */
  waitFor(pattern: RegExp): Promise<string>;
  lines: string[];
  exited: Promise<NodeJS.Signals | number | null>;
}

export function spawnStoreChild(mode: 'writer' | 'hold', dir: string): StoreChild {
  const root = join(__dirname, '../..');
  const child = spawn(process.execPath, [join(root, 'bin/run-ts.js'), join(__dirname, 'store-child.ts'), mode, dir], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const waiters: { pattern: RegExp; resolve: (line: string) => void; reject: (e: Error) => void }[] = [];
  let stderr = '';
  let buffer = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      lines.push(line);
      for (const w of [...waiters]) {
        if (line.startsWith('error ')) w.reject(new Error(`child: ${line}`));
        else if (w.pattern.test(line)) (waiters.splice(waiters.indexOf(w), 1), w.resolve(line));
      }
    }
  });
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.on('exit', (code, signal) => {
      for (const w of waiters.splice(0)) w.reject(new Error(`child exited (${signal ?? code}) before printing ${w.pattern}: ${lines.join(' | ')} ${stderr}`));
      resolve(signal ?? code);
    }),
  );
  return {
    child,
    lines,
    exited,
    waitFor: (pattern) => {
      const found = lines.find((l) => pattern.test(l));
      if (found) return Promise.resolve(found);
      const error = lines.find((l) => l.startsWith('error '));
      if (error) return Promise.reject(new Error(`child: ${error}`));
      return new Promise((resolve, reject) => waiters.push({ pattern, resolve, reject }));
    },
  };
}

/** Resolves after the current tick's setImmediate callbacks (the SQLite group commit) ran. */
export const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));
