import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadServingModules, type ServingModules } from '../../lib/cli/serving-modules';
import type { ExecutionLogEvent, LocalService, StoreOption } from '../../lib/runtime/local-service-contract';
import { functionModules } from '../functions';
import type { ExecutionResult, Workload } from '../workloads';
import type { Session } from './mode';

/**
 * Opens sagaflow's local service in process on the given store, with the workload's functions
 * registered, and runs executions through its Step Functions operations. Completion is signalled by
 * the service's execution log, so no polling distorts latency.
 */
export async function openService(w: Workload, store: 'memory' | 'durable'): Promise<{ service: LocalService; stateMachineArn: string; waitFor: (arn: string) => Promise<void>; close: () => Promise<void>; modules: ServingModules }> {
  // The service as `sagaflow serve` runs it: the runtime and the HTTP layer from their esbuild
  // bundle (tsx's per-file transform wraps every closure in a naming helper, a cost users do not pay).
  const modules = await loadServingModules();
  const { createLocalService } = modules;
  const dir = store === 'durable' ? mkdtempSync(join(tmpdir(), 'sagaflow-bench-')) : undefined;
  const storeOption: StoreOption = dir ? { kind: 'sqlite', dir } : { kind: 'memory' };
  const waiters = new Map<string, () => void>();
  const closed = new Set<string>();
  const onExecutionEvent = (e: ExecutionLogEvent) => {
    if (e.kind !== 'closed') return;
    const resolve = waiters.get(e.executionArn);
    if (resolve) (waiters.delete(e.executionArn), resolve());
    else closed.add(e.executionArn);
  };
  const service = await createLocalService({
    store: storeOption,
    clock: { mode: 'real' },
    // Inline, as the peer runs its handlers: the same work on both sides, and W4 reads the tokens the module records.
    lambdas: Object.entries(functionModules(w.name)).map(([functionName, modulePath]) => ({ functionName, modulePath, timeoutSeconds: 30, isolation: 'inline' as const })),
    // W3's inline Map of 10,000 items writes ~70,000 history events: AWS fails such an execution at
    // 25,000, but the workload expects SUCCEEDED, so the bench lifts the quota for it (the report says so).
    ...(historyQuotaLifted(w) ? { limits: { maxHistoryEvents: 10_000_000 } } : {}),
    onExecutionEvent,
  });
  const { stateMachineArn } = await service.operations.CreateStateMachine({
    name: w.name,
    definition: JSON.stringify(w.definition),
    roleArn: 'arn:aws:iam::123456789012:role/sagaflow-bench',
  });
  return {
    service,
    modules,
    stateMachineArn: stateMachineArn!,
    waitFor: (arn) =>
      closed.delete(arn) ? Promise.resolve() : new Promise<void>((resolve) => waiters.set(arn, resolve)),
    close: async () => {
      await service.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Workloads that AWS itself would fail for their history size. */
export function historyQuotaLifted(w: Workload): boolean {
  return w.name.startsWith('W3');
}

/** A DescribeExecution answer as a result; its output text is parsed when the result is checked, after the clock stops. */
export function resultOf(d: { status?: string; output?: string; error?: string; cause?: string }): ExecutionResult {
  return { status: d.status ?? 'UNKNOWN', outputText: d.output, error: d.error, cause: d.cause };
}

export async function openInProcess(w: Workload, store: 'memory' | 'durable'): Promise<Session> {
  const s = await openService(w, store);
  const ops = s.service.operations;
  return {
    async run(input) {
      const { executionArn } = await ops.StartExecution({ stateMachineArn: s.stateMachineArn, input: JSON.stringify(input) });
      await s.waitFor(executionArn!);
      return resultOf(await ops.DescribeExecution({ executionArn }));
    },
    async sendTaskSuccess(token, output) {
      await ops.SendTaskSuccess({ taskToken: token, output: JSON.stringify(output) });
    },
    close: s.close,
  };
}
