import { join } from 'node:path';
import type { HistoryEvent } from '@aws-sdk/client-sfn';
import { createLocalService } from '../../lib/runtime';
import type { InternalOptions } from '../../lib/runtime/create-local-service';
import type { LambdaFunctionConfig, LocalService, LocalServiceOptions } from '../../lib/runtime/local-service-contract';

export const ROLE = 'arn:aws:iam::123456789012:role/test';
export const START = Date.UTC(2026, 0, 1);
export const fn = (name: string) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;

/** The fixture functions, inline unless a test asks for workers. */
export function fixtureLambdas(isolation: 'inline' | 'worker' = 'inline'): LambdaFunctionConfig[] {
  const at = (file: string) => join(__dirname, 'fixtures', file);
  return [
    { functionName: 'echo', modulePath: at('echo.ts'), isolation, environment: { TABLE_NAME: 'orders' } },
    { functionName: 'fail', modulePath: at('fail.ts'), isolation },
    { functionName: 'slow', modulePath: at('slow.ts'), isolation, timeoutSeconds: 1 },
    { functionName: 'flaky', modulePath: at('flaky.ts'), isolation },
    { functionName: 'tokens', modulePath: at('tokens.ts'), isolation },
  ];
}

export interface Fixture {
  service: LocalService;
  ops: LocalService['operations'];
  machine(name: string, definition: object, type?: 'STANDARD' | 'EXPRESS'): Promise<string>;
  start(stateMachineArn: string, input?: unknown, name?: string): Promise<string>;
  /** Resolves when the execution closes, with its description. */
  closed(executionArn: string): Promise<Awaited<ReturnType<LocalService['operations']['DescribeExecution']>>>;
  history(executionArn: string): Promise<HistoryEvent[]>;
  close(): Promise<void>;
}

/**
 * One fixture for the calling test file: opened before its first test and closed after its last
 * (beforeAll/afterAll). Members are read through to the open fixture, so the file uses it as one.
 */
export function fileFixture(options: Partial<LocalServiceOptions & InternalOptions> = {}): Fixture {
  let open: Fixture | undefined;
  beforeAll(async () => void (open = await openFixture(options)));
  afterAll(async () => open?.close());
  return new Proxy({} as Fixture, {
    get(_, key) {
      if (!open) throw new Error('the file fixture is used outside its tests');
      return open[key as keyof Fixture];
    },
  });
}

export async function openFixture(options: Partial<LocalServiceOptions & InternalOptions> = {}): Promise<Fixture> {
  const service = await createLocalService({
    store: { kind: 'memory' },
    clock: { mode: 'virtual', start: START },
    lambdas: fixtureLambdas(),
    activityPollMs: 200,
    ...options,
  });
  const ops = service.operations;
  return {
    service,
    ops,
    async machine(name, definition, type = 'STANDARD') {
      return (await ops.CreateStateMachine({ name, definition: JSON.stringify(definition), roleArn: ROLE, type })).stateMachineArn!;
    },
    async start(stateMachineArn, input = {}, name) {
      return (await ops.StartExecution({ stateMachineArn, input: JSON.stringify(input), ...(name ? { name } : {}) })).executionArn!;
    },
    async closed(executionArn) {
      const until = Date.now() + 15_000;
      for (;;) {
        const d = await ops.DescribeExecution({ executionArn });
        if (d.status !== 'RUNNING') return d;
        if (Date.now() > until) throw new Error(`${executionArn} is still RUNNING`);
        await new Promise((r) => setTimeout(r, 5));
      }
    },
    async history(executionArn) {
      const events: HistoryEvent[] = [];
      let nextToken: string | undefined;
      do {
        const page = await ops.GetExecutionHistory({ executionArn, maxResults: 1000, nextToken });
        events.push(...(page.events ?? []));
        nextToken = page.nextToken;
      } while (nextToken);
      return events;
    },
    close: () => service.close(),
  };
}

export const types = (events: HistoryEvent[]) => events.map((e) => e.type);
