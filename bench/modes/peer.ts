import { functionNameOf, type ExecutionResult, type Workload } from '../workloads';
import { loadHandlers, type Handler } from '../functions';
import type { Mode, Session } from './mode';

/**
 * The peer: the npm package aws-local-stepfunctions, in process. It swaps Task resources for local
 * handlers by state name, and has no special handling of `lambda:invoke`, so its handler plays the
 * integration (takes Payload, returns the invoke envelope) to keep the compared work the same.
 */

type Json = unknown;
type StatesMap = Record<string, { Type: string; Resource?: string; Parameters?: Record<string, Json>; ItemProcessor?: Graph; Iterator?: Graph; Branches?: Graph[] }>;
interface Graph {
  States: StatesMap;
}

function taskHandlers(graph: Graph, handlers: Record<string, Handler>, out: Record<string, Handler> = {}): Record<string, Handler> {
  for (const [name, state] of Object.entries(graph.States)) {
    if (state.Type === 'Task' && state.Resource) {
      if (state.Resource.startsWith('arn:aws:states:::lambda:invoke')) {
        const fn = handlers[functionNameOf(String(state.Parameters?.FunctionName))];
        out[name] = async (params) => ({
          ExecutedVersion: '$LATEST',
          Payload: await fn((params as { Payload: Json }).Payload),
          SdkHttpMetadata: { HttpStatusCode: 200 },
          SdkResponseMetadata: { RequestId: 'bench' },
          StatusCode: 200,
        });
      } else {
        out[name] = handlers[functionNameOf(state.Resource)];
      }
    }
    for (const sub of [state.ItemProcessor, state.Iterator, ...(state.Branches ?? [])]) if (sub) taskHandlers(sub, handlers, out);
  }
  return out;
}

let polyfilled = false;
/** aws-local-stepfunctions 3.x calls Promise.withResolvers (Node 22+) in every Task state. */
function polyfillWithResolvers(): void {
  if (polyfilled || 'withResolvers' in Promise) return;
  Object.defineProperty(Promise, 'withResolvers', {
    configurable: true,
    writable: true,
    value: function withResolvers<T>() {
      let resolve!: (v: T) => void;
      let reject!: (e: unknown) => void;
      const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
      return { promise, resolve, reject };
    },
  });
  polyfilled = true;
}

export const peerMode: Mode = {
  name: 'peer',
  unsupported(w) {
    if (w.name.startsWith('W4')) return 'aws-local-stepfunctions cannot park on .waitForTaskToken';
    return undefined;
  },
  async open(w: Workload): Promise<Session> {
    polyfillWithResolvers();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { StateMachine } = require('aws-local-stepfunctions') as typeof import('aws-local-stepfunctions');
    const sm = new StateMachine(w.definition as never, { validationOptions: { checkPaths: false, checkArn: false } });
    const overrides = { taskResourceLocalHandlers: taskHandlers(w.definition as unknown as Graph, loadHandlers(w.name)) as never };
    return {
      async run(input): Promise<ExecutionResult> {
        try {
          const output = await sm.run(input as never, { overrides }).result;
          return { status: 'SUCCEEDED', output };
        } catch (err) {
          const inner = (err as { cause?: { name?: string; message?: string } }).cause;
          return { status: 'FAILED', error: inner?.name ?? (err as Error).name, cause: inner?.message ?? (err as Error).message };
        }
      },
      async close() {},
    };
  },
};
