import { openStore } from '../store/open-store';
import { ActivityQueue } from './activities/activity-queue';
import { Arns } from './arns';
import { createClock, VirtualClock, type ServiceClock } from './clock/service-clock';
import { resumeScaledClock } from './clock/scaled-clock-file';
import { virtualTimeFile } from './clock/virtual-time-file';
import { activityTasks } from './dispatch/activity-task';
import { dynamodbTasks } from './dispatch/dynamodb-task';
import { lambdaTasks } from './dispatch/lambda-task';
import { mapRunChildTasks } from './dispatch/map-run-child-task';
import { startExecutionTasks } from './dispatch/start-execution-task';
import type { TaskHandler, TaskKind } from './dispatch/task-run';
import { unsupportedTasks } from './dispatch/unsupported-task';
import { ExecutionHost } from './executions/execution-host';
import { ExecutionStarter } from './executions/start-execution';
import { LambdaRegistry } from './lambda/lambda-registry';
import type { CreateLocalService, LocalService, LocalServiceOptions, PurgeOptions } from './local-service-contract';
import { serviceOperations } from './operations/service-operations';
import type { Runtime } from './runtime';
import type { RuntimeContext } from './runtime-context';
import { ServiceError } from './step-functions-operations';

const DAY = 24 * 60 * 60 * 1000;

export interface InternalOptions {
  /** How long GetActivityTask waits for a task (tests shorten it). @default 60000 */
  activityPollMs?: number;
  /** Idle executions kept in memory. @default 256 */
  maxLiveExecutions?: number;
}

/**
 * The local Step Functions service: the store, the clock, the execution host with its
 * integrations, and the operations. Executions that were RUNNING when the data folder was last
 * used resume in the background once the service is up.
 */
export const createLocalService: CreateLocalService = async (options: LocalServiceOptions & InternalOptions): Promise<LocalService> => {
  const region = options.region ?? 'us-east-1';
  const accountId = options.accountId ?? '123456789012';
  const store = openStore(options.store);
  const timeFile = options.store.kind === 'sqlite' && options.clock.mode === 'virtual' ? virtualTimeFile(options.store.dir) : undefined;
  const scaledAnchor = options.store.kind === 'sqlite' && options.clock.mode === 'scaled' && options.clock.factor > 0 ? resumeScaledClock(options.store.dir, options.clock.factor, Date.now()) : undefined;
  let clock: ServiceClock = createClock(options.clock, scaledAnchor);
  if (timeFile && options.clock.mode === 'virtual') clock = new VirtualClock(Math.max(timeFile.read() ?? 0, options.clock.start ?? Date.now()));

  const lambdas = new LambdaRegistry(region, accountId, options.onFunctionLog);
  if (options.lambdas) lambdas.register(options.lambdas);
  const ctx: RuntimeContext = {
    store,
    clock,
    arns: new Arns(region, accountId),
    region,
    accountId,
    lambdas,
    ...(options.dynamodbEndpoint ? { dynamodbEndpoint: options.dynamodbEndpoint } : {}),
    ...(options.onExecutionEvent ? { onExecutionEvent: options.onExecutionEvent } : {}),
    logError: (message, err) => console.error(`sagaflow: ${message}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`),
  };
  const host = new ExecutionHost(ctx, { maxLiveExecutions: options.maxLiveExecutions, ...(options.limits ? { engine: { limits: options.limits } } : {}) });
  const starter = new ExecutionStarter(ctx, host);
  const activities = new ActivityQueue(ctx, host);
  const dynamodb = dynamodbTasks(ctx);
  const handlers: Record<TaskKind, TaskHandler> = {
    lambdaFunction: lambdaTasks(ctx, 'function'),
    lambdaInvoke: lambdaTasks(ctx, 'invoke'),
    activity: activityTasks(ctx, activities),
    startExecution: startExecutionTasks(ctx, host, starter),
    dynamodb,
    mapRunChild: mapRunChildTasks(ctx, host),
    unsupported: unsupportedTasks(ctx),
  };
  host.setHandlers(handlers);
  const rt: Runtime = { ctx, host, starter, activities, handlers };
  const operations = serviceOperations(rt, { activityPollMs: options.activityPollMs });

  const purge = async (o: PurgeOptions) => {
    const arns = store.purgeCandidates(o);
    for (let i = 0; i < arns.length; i += 500) await store.write(arns.slice(i, i + 500).map((arn) => ({ kind: 'purgeExecution' as const, arn })));
    return { purged: arns.length };
  };

  let retention: NodeJS.Timeout | undefined;
  if (options.retentionDays !== undefined) {
    const days = options.retentionDays;
    const sweep = () => void purge({ closedBefore: clock.now() - days * DAY }).catch((err: unknown) => ctx.logError('retention purge', err));
    retention = setInterval(sweep, 60 * 60 * 1000);
    retention.unref();
    setImmediate(sweep);
  }

  const recovered = host.recover().catch((err: unknown) => {
    ctx.logError('recovery', err);
    return 0;
  });

  let closed = false;
  return {
    operations,
    admin: {
      now: () => clock.now(),
      clockMode: () => clock.mode,
      async advanceTime(ms: number) {
        if (!(clock instanceof VirtualClock)) throw new ServiceError('ValidationException', `Time can only be advanced on a virtual clock; this service runs on a ${clock.mode} clock (start it with --clock virtual)`);
        if (!Number.isInteger(ms) || ms <= 0) throw new ServiceError('ValidationException', `The time to advance must be a positive whole number of milliseconds (got ${ms})`);
        await recovered;
        const result = await host.advance(ms);
        timeFile?.write(result.now);
        return result;
      },
      purge,
      async waitingTasks(executionArn: string) {
        await recovered;
        return host.waitingTasks(executionArn);
      },
      resumed: () => recovered,
      registerLambdas: (functions) => lambdas.register(functions),
    },
    async close() {
      if (closed) return;
      closed = true;
      if (retention) clearInterval(retention);
      await host.close();
      activities.close();
      dynamodb.close();
      await lambdas.close();
      await recovered;
      await store.close();
    },
  };
};
