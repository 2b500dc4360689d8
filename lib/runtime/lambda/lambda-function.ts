import { basename, extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FunctionLogLine, LambdaFunctionConfig } from '../local-service-contract';
import { createInterface } from 'node:readline';
import { DeadlineQueue } from './deadline-queue';
import { loadHandler, runInContext, type ContextFields, type HandlerOutcome, type LambdaContext, type LoadedHandler } from './handler-runner';
import { LambdaPlatformErrors } from './lambda-error';

/** One local Lambda function: runs invocations in its sandboxes, honouring its timeout. */
export interface LocalLambdaFunction {
  readonly config: Required<Pick<LambdaFunctionConfig, 'functionName' | 'modulePath' | 'handlerName' | 'timeoutSeconds' | 'memorySize'>> & LambdaFunctionConfig;
  readonly arn: string;
  invoke(event: unknown, requestId: string): Promise<HandlerOutcome>;
  close(): Promise<void>;
}

function contextFields(fn: LocalLambdaFunction, requestId: string): ContextFields {
  const name = fn.config.functionName;
  return {
    functionName: name,
    functionVersion: '$LATEST',
    invokedFunctionArn: fn.arn,
    memoryLimitInMB: String(fn.config.memorySize),
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${name}`,
    logStreamName: `local/[$LATEST]${requestId.replace(/-/g, '')}`,
  };
}

/** The handler setting as Lambda spells it: the module's file name without its extension, then the export ("index.handler"). */
function handlerLabel(config: { modulePath: string; handlerName: string }): string {
  return `${basename(config.modulePath, extname(config.modulePath))}.${config.handlerName}`;
}

function normalise(config: LambdaFunctionConfig) {
  return { ...config, handlerName: config.handlerName ?? 'handler', timeoutSeconds: config.timeoutSeconds ?? 3, memorySize: config.memorySize ?? 128 };
}

/** Races an invocation against the function's timeout. */
function withTimeout(run: Promise<HandlerOutcome>, seconds: number, requestId: string, onTimeout: () => void): Promise<HandlerOutcome> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      onTimeout();
      resolve({ ok: false, error: LambdaPlatformErrors.timedOut(requestId, seconds) });
    }, seconds * 1000);
    run.then((o) => {
      clearTimeout(timer);
      resolve(o);
    });
  });
}

/** Runs the handler in the service's own thread (no environment of its own; a timeout cannot stop it). */
class InlineFunction implements LocalLambdaFunction {
  readonly config;
  private loaded: LoadedHandler | undefined;
  private readonly deadlines = new DeadlineQueue();
  private readonly logStreamPrefix: string;
  private readonly logGroupName: string;
  private readonly memoryLimitInMB: string;
  constructor(
    config: LambdaFunctionConfig,
    readonly arn: string,
  ) {
    this.config = normalise(config);
    this.logGroupName = `/aws/lambda/${this.config.functionName}`;
    this.logStreamPrefix = 'local/[$LATEST]';
    this.memoryLimitInMB = String(this.config.memorySize);
  }
  invoke(event: unknown, requestId: string): Promise<HandlerOutcome> {
    this.loaded ??= loadHandler(this.config.modulePath, this.config.handlerName, this.label());
    const loaded = this.loaded;
    if ('error' in loaded) return Promise.resolve({ ok: false, error: loaded.error });
    const seconds = this.config.timeoutSeconds;
    const deadline = Date.now() + seconds * 1000;
    // The same members, in the same order, as contextFields() and lambdaContext() make for a sandbox.
    const context: LambdaContext = {
      functionName: this.config.functionName,
      functionVersion: '$LATEST',
      invokedFunctionArn: this.arn,
      memoryLimitInMB: this.memoryLimitInMB,
      awsRequestId: requestId,
      logGroupName: this.logGroupName,
      logStreamName: this.logStreamPrefix + requestId.replace(/-/g, ''),
      callbackWaitsForEmptyEventLoop: true,
      getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    };
    return new Promise((resolve) => {
      const settle = this.deadlines.watch(deadline, () => resolve({ ok: false, error: LambdaPlatformErrors.timedOut(requestId, seconds) }));
      void runInContext(loaded.handler, event, context).then((o) => {
        settle();
        resolve(o);
      });
    });
  }
  private label(): string {
    return handlerLabel(this.config);
  }
  async close(): Promise<void> {}
}

interface Sandbox {
  worker: Worker;
  /** The invocation it runs, if any. */
  current?: { id: number; resolve: (o: HandlerOutcome) => void; requestId: string };
}

const WORKER = join(__dirname, 'lambda-worker.js');

/**
 * A pool of worker-thread sandboxes, one invocation each at a time, as Lambda runs one event per
 * execution environment. Each sandbox sees the function's environment as `process.env`; a timeout
 * or a crash ends that sandbox, and the next invocation gets a fresh one (a cold start).
 */
class WorkerFunction implements LocalLambdaFunction {
  readonly config;
  private readonly log: (line: FunctionLogLine) => void;
  private readonly idle: Sandbox[] = [];
  private readonly busy = new Set<Sandbox>();
  private readonly waiting: Array<() => void> = [];
  private nextId = 0;
  private closed = false;

  constructor(
    config: LambdaFunctionConfig,
    readonly arn: string,
    log: ((line: FunctionLogLine) => void) | undefined,
  ) {
    this.config = normalise(config);
    const name = this.config.functionName;
    this.log = log ?? ((l) => process.stderr.write(`[${name}] ${l.text}\n`));
  }

  private spawn(): Sandbox {
    const worker = new Worker(WORKER, {
      env: { ...process.env, ...this.config.environment, AWS_LAMBDA_FUNCTION_NAME: this.config.functionName, AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(this.config.memorySize), AWS_LAMBDA_FUNCTION_VERSION: '$LATEST' },
      workerData: { modulePath: this.config.modulePath, handlerName: this.config.handlerName, handlerLabel: handlerLabel(this.config) },
      resourceLimits: { maxOldGenerationSizeMb: Math.max(64, this.config.memorySize) },
      stdout: true,
      stderr: true,
    });
    worker.unref();
    for (const stream of ['stdout', 'stderr'] as const) {
      createInterface({ input: worker[stream] }).on('line', (text) => this.log({ functionName: this.config.functionName, stream, text }));
    }
    const sandbox: Sandbox = { worker };
    worker.on('message', (m: { id: number; outcome: HandlerOutcome }) => {
      const cur = sandbox.current;
      if (!cur || cur.id !== m.id) return;
      sandbox.current = undefined;
      cur.resolve(m.outcome);
      this.release(sandbox);
    });
    const end = (code: number) => {
      const cur = sandbox.current;
      sandbox.current = undefined;
      this.drop(sandbox);
      if (cur) cur.resolve({ ok: false, error: LambdaPlatformErrors.exited(cur.requestId, code) });
    };
    worker.on('error', () => end(1));
    worker.on('exit', (code) => end(code));
    return sandbox;
  }

  private drop(sandbox: Sandbox): void {
    this.busy.delete(sandbox);
    const i = this.idle.indexOf(sandbox);
    if (i >= 0) this.idle.splice(i, 1);
    this.waiting.shift()?.();
  }

  private release(sandbox: Sandbox): void {
    this.busy.delete(sandbox);
    const next = this.waiting.shift();
    if (next) {
      this.idle.push(sandbox);
      next();
    } else this.idle.push(sandbox);
  }

  private async acquire(): Promise<Sandbox> {
    for (;;) {
      if (this.closed) throw new Error(`the local function ${this.config.functionName} is closed`);
      const sandbox = this.idle.pop();
      if (sandbox) {
        this.busy.add(sandbox);
        return sandbox;
      }
      if (this.busy.size < (this.config.maxConcurrency ?? 16)) {
        const fresh = this.spawn();
        this.busy.add(fresh);
        return fresh;
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  async invoke(event: unknown, requestId: string): Promise<HandlerOutcome> {
    const sandbox = await this.acquire();
    const id = ++this.nextId;
    const deadline = Date.now() + this.config.timeoutSeconds * 1000;
    const run = new Promise<HandlerOutcome>((resolve) => {
      sandbox.current = { id, resolve, requestId };
      sandbox.worker.postMessage({ id, event, context: contextFields(this, requestId), deadline });
    });
    return withTimeout(run, this.config.timeoutSeconds, requestId, () => {
      // Lambda ends the execution environment of an invocation that timed out.
      sandbox.current = undefined;
      this.drop(sandbox);
      void sandbox.worker.terminate();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const all = [...this.idle, ...this.busy];
    this.idle.length = 0;
    this.busy.clear();
    for (const w of this.waiting.splice(0)) w();
    await Promise.all(all.map((s) => s.worker.terminate()));
  }
}

export function createLocalFunction(config: LambdaFunctionConfig, arn: string, log?: (line: FunctionLogLine) => void): LocalLambdaFunction {
  return config.isolation === 'inline' ? new InlineFunction(config, arn) : new WorkerFunction(config, arn, log);
}
