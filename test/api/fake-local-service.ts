import type * as sfn from '@aws-sdk/client-sfn';
import { randomUUID } from 'node:crypto';
import type { AdminOperations, ClockOption, LocalService, PurgeOptions } from '../../lib/runtime/local-service-contract';
import { ServiceError, type OperationName, type StepFunctionsOperations } from '../../lib/runtime/step-functions-operations';

/**
 * A small in-memory stand-in for the runtime, for driving the HTTP layer and the CLI. Executions of
 * a state machine whose definition starts with a Task state ending in `.waitForTaskToken` park on a
 * task token, one that starts with an activity Task waits for a worker that never comes; any other
 * execution succeeds at once with its input as output. Every call is
 * recorded, and `failWith` makes the next call of an operation throw.
 */

type Out<K extends OperationName> = ReturnType<StepFunctionsOperations[K]>;
type Event = sfn.HistoryEvent;

interface Machine {
  arn: string;
  name: string;
  definition: string;
  roleArn: string;
  type: sfn.StateMachineType;
  creationDate: Date;
}

interface Execution {
  arn: string;
  name: string;
  machine: Machine;
  status: sfn.ExecutionStatus;
  input: string;
  output?: string;
  error?: string;
  cause?: string;
  startDate: Date;
  stopDate?: Date;
  events: Event[];
  token?: string;
  /** Parked on an activity no worker has taken. */
  activity?: boolean;
}

export interface FakeOptions {
  clock?: ClockOption['mode'];
  /** Service clock start, epoch ms. */
  now?: number;
}

const REGION = 'us-east-1';
const ACCOUNT = '123456789012';
const arn = (type: string, ...parts: string[]) => ['arn:aws:states', REGION, ACCOUNT, type, ...parts].join(':');

export class FakeLocalService implements LocalService {
  readonly calls: Array<{ operation: OperationName; input: unknown }> = [];
  readonly machines = new Map<string, Machine>();
  readonly executions = new Map<string, Execution>();
  readonly purges: PurgeOptions[] = [];
  readonly advances: number[] = [];
  closed = false;
  private readonly failures = new Map<OperationName, unknown>();
  private clockMs: number;
  private readonly mode: ClockOption['mode'];
  /** Timers the fake pretends are armed: due times (epoch ms). */
  timers: number[] = [];

  constructor(options: FakeOptions = {}) {
    this.mode = options.clock ?? 'virtual';
    this.clockMs = options.now ?? Date.UTC(2024, 0, 2, 3, 4, 5, 678);
  }

  /** The next call of `operation` throws `error` (a ServiceError, or anything else for a crash). */
  failWith(operation: OperationName, error: unknown): void {
    this.failures.set(operation, error);
  }

  private enter<K extends OperationName>(operation: K, input: unknown): void {
    this.calls.push({ operation, input });
    if (this.failures.has(operation)) {
      const error = this.failures.get(operation);
      this.failures.delete(operation);
      throw error;
    }
  }

  private now(): Date {
    return new Date(this.clockMs);
  }

  private machine(stateMachineArn: string): Machine {
    const m = [...this.machines.values()].find((x) => x.arn === stateMachineArn);
    if (!m) throw new ServiceError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${stateMachineArn}'`);
    return m;
  }

  private execution(executionArn: string): Execution {
    const e = this.executions.get(executionArn);
    if (!e) throw new ServiceError('ExecutionDoesNotExist', `Execution Does Not Exist: '${executionArn}'`);
    return e;
  }

  private event(e: Execution, type: sfn.HistoryEventType, details: Partial<Event>, atMs = 0): void {
    const id = e.events.length + 1;
    e.events.push({ id, previousEventId: id - 1, type, timestamp: new Date(e.startDate.getTime() + atMs), ...details });
  }

  /** Finishes a parked execution as the runtime would. */
  private finish(e: Execution, status: sfn.ExecutionStatus, detail: { output?: string; error?: string; cause?: string }): void {
    e.status = status;
    e.stopDate = new Date(e.startDate.getTime() + 1500);
    Object.assign(e, detail);
    e.token = undefined;
  }

  readonly admin: AdminOperations = {
    now: () => this.clockMs,
    clockMode: () => this.mode,
    advanceTime: async (ms) => {
      this.advances.push(ms);
      this.clockMs += ms;
      const fired = this.timers.filter((t) => t <= this.clockMs).length;
      this.timers = this.timers.filter((t) => t > this.clockMs);
      return { now: this.clockMs, fired };
    },
    purge: async (options) => {
      this.purges.push(options);
      let purged = 0;
      for (const [key, e] of this.executions) {
        if (e.status === 'RUNNING') continue;
        if (options.statuses && !options.statuses.includes(e.status as Exclude<sfn.ExecutionStatus, 'RUNNING'>)) continue;
        if (options.stateMachineArn && e.machine.arn !== options.stateMachineArn) continue;
        if (options.closedBefore !== undefined && e.stopDate!.getTime() >= options.closedBefore) continue;
        this.executions.delete(key);
        purged++;
      }
      return { purged };
    },
    waitingTasks: async (executionArn) => {
      const e = this.executions.get(executionArn);
      if (!e) throw new ServiceError('ExecutionDoesNotExist', `Execution Does Not Exist: '${executionArn}'`);
      const definition = JSON.parse(e.machine.definition) as { StartAt: string; States: Record<string, { Resource: string }> };
      if (e.activity && e.status === 'RUNNING') return [{ stateName: definition.StartAt, resource: definition.States[definition.StartAt].Resource, waitsFor: 'activity', started: false }];
      if (e.token === undefined) return [];
      return [{ taskToken: e.token, stateName: definition.StartAt, resource: definition.States[definition.StartAt].Resource, waitsFor: 'callback' }];
    },
    resumed: async () => 0,
    registerLambdas: () => {},
  };

  async close(): Promise<void> {
    this.closed = true;
  }

  readonly operations: StepFunctionsOperations = {
    CreateStateMachine: async (input): Out<'CreateStateMachine'> => {
      this.enter('CreateStateMachine', input);
      const name = input.name!;
      if (this.machines.has(name)) throw new ServiceError('StateMachineAlreadyExists', `State Machine Already Exists: '${arn('stateMachine', name)}'`);
      const m: Machine = { arn: arn('stateMachine', name), name, definition: input.definition!, roleArn: input.roleArn!, type: input.type ?? 'STANDARD', creationDate: this.now() };
      this.machines.set(name, m);
      return { stateMachineArn: m.arn, creationDate: m.creationDate };
    },
    DescribeStateMachine: async (input): Out<'DescribeStateMachine'> => {
      this.enter('DescribeStateMachine', input);
      const m = this.machine(input.stateMachineArn!);
      return { stateMachineArn: m.arn, name: m.name, status: 'ACTIVE', definition: m.definition, roleArn: m.roleArn, type: m.type, creationDate: m.creationDate, loggingConfiguration: { level: 'OFF', includeExecutionData: false }, tracingConfiguration: { enabled: false } };
    },
    ListStateMachines: async (input): Out<'ListStateMachines'> => {
      this.enter('ListStateMachines', input);
      return { stateMachines: [...this.machines.values()].map((m) => ({ stateMachineArn: m.arn, name: m.name, type: m.type, creationDate: m.creationDate })) };
    },
    DeleteStateMachine: async (input): Out<'DeleteStateMachine'> => {
      this.enter('DeleteStateMachine', input);
      for (const [k, m] of this.machines) if (m.arn === input.stateMachineArn) this.machines.delete(k);
      return {};
    },
    UpdateStateMachine: async (input): Out<'UpdateStateMachine'> => {
      this.enter('UpdateStateMachine', input);
      const m = this.machine(input.stateMachineArn!);
      if (input.definition) m.definition = input.definition;
      return { updateDate: this.now(), revisionId: randomUUID() };
    },
    StartExecution: async (input): Out<'StartExecution'> => {
      this.enter('StartExecution', input);
      const m = this.machine(input.stateMachineArn!);
      const name = input.name ?? randomUUID();
      const executionArn = arn('execution', m.name, name);
      const existing = this.executions.get(executionArn);
      if (existing) {
        if (existing.status === 'RUNNING' && existing.input === (input.input ?? '{}')) return { executionArn, startDate: existing.startDate };
        throw new ServiceError('ExecutionAlreadyExists', `Execution Already Exists: '${executionArn}'`);
      }
      const e: Execution = { arn: executionArn, name, machine: m, status: 'RUNNING', input: input.input ?? '{}', startDate: this.now(), events: [] };
      this.executions.set(executionArn, e);
      this.event(e, 'ExecutionStarted', { executionStartedEventDetails: { input: e.input, inputDetails: { truncated: false }, roleArn: m.roleArn } });
      const definition = JSON.parse(m.definition) as { StartAt: string; States: Record<string, { Type: string; Resource?: string }> };
      const first = definition.States[definition.StartAt];
      if (first?.Type === 'Task' && first.Resource?.endsWith('.waitForTaskToken')) {
        e.token = `token-${randomUUID()}`;
        this.event(e, 'TaskStateEntered', { stateEnteredEventDetails: { name: definition.StartAt, input: e.input, inputDetails: { truncated: false } } }, 12);
        this.event(e, 'TaskScheduled', { taskScheduledEventDetails: { resourceType: 'lambda', resource: 'invoke.waitForTaskToken', region: REGION, parameters: JSON.stringify({ FunctionName: 'approver', Payload: { token: e.token } }), heartbeatInSeconds: 3600, timeoutInSeconds: 86400 } }, 15);
        this.event(e, 'TaskStarted', { taskStartedEventDetails: { resourceType: 'lambda', resource: 'invoke.waitForTaskToken' } }, 40);
        this.event(e, 'TaskSubmitted', { taskSubmittedEventDetails: { resourceType: 'lambda', resource: 'invoke.waitForTaskToken', output: '{"StatusCode":200}', outputDetails: { truncated: false } } }, 90);
        return { executionArn, startDate: e.startDate };
      }
      if (first?.Type === 'Task' && first.Resource?.includes(':activity:')) {
        e.activity = true;
        this.event(e, 'TaskStateEntered', { stateEnteredEventDetails: { name: definition.StartAt, input: e.input, inputDetails: { truncated: false } } }, 12);
        this.event(e, 'ActivityScheduled', { activityScheduledEventDetails: { resource: first.Resource, input: e.input, inputDetails: { truncated: false } } }, 15);
        return { executionArn, startDate: e.startDate };
      }
      this.event(e, 'PassStateEntered', { stateEnteredEventDetails: { name: definition.StartAt, input: e.input, inputDetails: { truncated: false } } }, 3);
      this.event(e, 'PassStateExited', { stateExitedEventDetails: { name: definition.StartAt, output: e.input, outputDetails: { truncated: false } } }, 5);
      this.event(e, 'ExecutionSucceeded', { executionSucceededEventDetails: { output: e.input, outputDetails: { truncated: false } } }, 6);
      this.finish(e, 'SUCCEEDED', { output: e.input });
      return { executionArn, startDate: e.startDate };
    },
    StartSyncExecution: async (input): Out<'StartSyncExecution'> => {
      this.enter('StartSyncExecution', input);
      const m = this.machine(input.stateMachineArn!);
      if (m.type !== 'EXPRESS') throw new ServiceError('StateMachineTypeNotSupported', 'This operation is not supported by this type of state machine');
      const start = this.now();
      return { executionArn: arn('express', m.name, input.name ?? 'x', randomUUID()), stateMachineArn: m.arn, name: input.name, startDate: start, stopDate: start, status: 'SUCCEEDED', input: input.input ?? '{}', output: input.input ?? '{}' };
    },
    DescribeExecution: async (input): Out<'DescribeExecution'> => {
      this.enter('DescribeExecution', input);
      const e = this.execution(input.executionArn!);
      return {
        executionArn: e.arn,
        stateMachineArn: e.machine.arn,
        name: e.name,
        status: e.status,
        startDate: e.startDate,
        stopDate: e.stopDate,
        input: e.input,
        inputDetails: { included: true },
        output: e.output,
        outputDetails: e.output === undefined ? undefined : { included: true },
        error: e.error,
        cause: e.cause,
        redriveCount: 0,
      };
    },
    DescribeStateMachineForExecution: async (input): Out<'DescribeStateMachineForExecution'> => {
      this.enter('DescribeStateMachineForExecution', input);
      const e = this.execution(input.executionArn!);
      return { stateMachineArn: e.machine.arn, name: e.machine.name, definition: e.machine.definition, roleArn: e.machine.roleArn, updateDate: e.machine.creationDate };
    },
    ListExecutions: async (input): Out<'ListExecutions'> => {
      this.enter('ListExecutions', input);
      if (input.stateMachineArn && this.machine(input.stateMachineArn).type === 'EXPRESS') {
        throw new ServiceError('StateMachineTypeNotSupported', 'This operation is not supported by this type of state machine');
      }
      const all = [...this.executions.values()]
        .filter((e) => !input.stateMachineArn || e.machine.arn === input.stateMachineArn)
        .filter((e) => !input.statusFilter || e.status === input.statusFilter)
        .sort((a, b) => b.startDate.getTime() - a.startDate.getTime() || (a.arn < b.arn ? -1 : 1));
      const from = input.nextToken ? Number(input.nextToken) : 0;
      if (!Number.isInteger(from)) throw new ServiceError('InvalidToken', "Invalid Token: 'Invalid token'");
      const size = input.maxResults || 100;
      const page = all.slice(from, from + size);
      return {
        executions: page.map((e) => ({ executionArn: e.arn, stateMachineArn: e.machine.arn, name: e.name, status: e.status, startDate: e.startDate, stopDate: e.stopDate })),
        nextToken: from + size < all.length ? String(from + size) : undefined,
      };
    },
    GetExecutionHistory: async (input): Out<'GetExecutionHistory'> => {
      this.enter('GetExecutionHistory', input);
      const e = this.execution(input.executionArn!);
      const all = input.reverseOrder ? [...e.events].reverse() : e.events;
      const from = input.nextToken ? Number(input.nextToken) : 0;
      const size = input.maxResults || 1000;
      return { events: all.slice(from, from + size), nextToken: from + size < all.length ? String(from + size) : undefined };
    },
    StopExecution: async (input): Out<'StopExecution'> => {
      this.enter('StopExecution', input);
      const e = this.execution(input.executionArn!);
      if (e.status === 'RUNNING') {
        this.event(e, 'ExecutionAborted', { executionAbortedEventDetails: { error: input.error, cause: input.cause } }, 1500);
        this.finish(e, 'ABORTED', { error: input.error, cause: input.cause });
      }
      return { stopDate: e.stopDate ?? this.now() };
    },
    RedriveExecution: async (input): Out<'RedriveExecution'> => {
      this.enter('RedriveExecution', input);
      this.execution(input.executionArn!);
      throw new ServiceError('ExecutionNotRedrivable', `Execution is SUCCEEDED and cannot be redriven`);
    },
    SendTaskSuccess: async (input): Out<'SendTaskSuccess'> => {
      this.enter('SendTaskSuccess', input);
      const e = this.byToken(input.taskToken!);
      this.event(e, 'TaskSucceeded', { taskSucceededEventDetails: { resourceType: 'lambda', resource: 'invoke.waitForTaskToken', output: input.output, outputDetails: { truncated: false } } }, 1400);
      this.event(e, 'TaskStateExited', { stateExitedEventDetails: { name: 'Approve', output: input.output, outputDetails: { truncated: false } } }, 1450);
      this.event(e, 'ExecutionSucceeded', { executionSucceededEventDetails: { output: input.output, outputDetails: { truncated: false } } }, 1500);
      this.finish(e, 'SUCCEEDED', { output: input.output });
      return {};
    },
    SendTaskFailure: async (input): Out<'SendTaskFailure'> => {
      this.enter('SendTaskFailure', input);
      const e = this.byToken(input.taskToken!);
      this.event(e, 'TaskFailed', { taskFailedEventDetails: { resourceType: 'lambda', resource: 'invoke.waitForTaskToken', error: input.error, cause: input.cause } }, 1400);
      this.event(e, 'ExecutionFailed', { executionFailedEventDetails: { error: input.error, cause: input.cause } }, 1500);
      this.finish(e, 'FAILED', { error: input.error, cause: input.cause });
      return {};
    },
    SendTaskHeartbeat: async (input): Out<'SendTaskHeartbeat'> => {
      this.enter('SendTaskHeartbeat', input);
      this.byToken(input.taskToken!);
      return {};
    },
    CreateActivity: async (input): Out<'CreateActivity'> => {
      this.enter('CreateActivity', input);
      return { activityArn: arn('activity', input.name!), creationDate: this.now() };
    },
    DescribeActivity: async (input): Out<'DescribeActivity'> => {
      this.enter('DescribeActivity', input);
      throw new ServiceError('ActivityDoesNotExist', `Activity Does Not Exist: '${input.activityArn}'`);
    },
    DeleteActivity: async (input): Out<'DeleteActivity'> => (this.enter('DeleteActivity', input), {}),
    ListActivities: async (input): Out<'ListActivities'> => (this.enter('ListActivities', input), { activities: [] }),
    GetActivityTask: async (input): Out<'GetActivityTask'> => (this.enter('GetActivityTask', input), {}),
    CreateStateMachineAlias: async (input): Out<'CreateStateMachineAlias'> => (this.enter('CreateStateMachineAlias', input), { stateMachineAliasArn: `${arn('stateMachine', 'm')}:${input.name}`, creationDate: this.now() }),
    DescribeStateMachineAlias: async (input): Out<'DescribeStateMachineAlias'> => {
      this.enter('DescribeStateMachineAlias', input);
      throw new ServiceError('ResourceNotFound', `Resource not found: '${input.stateMachineAliasArn}'`);
    },
    UpdateStateMachineAlias: async (input): Out<'UpdateStateMachineAlias'> => (this.enter('UpdateStateMachineAlias', input), { updateDate: this.now() }),
    DeleteStateMachineAlias: async (input): Out<'DeleteStateMachineAlias'> => (this.enter('DeleteStateMachineAlias', input), {}),
    ListStateMachineAliases: async (input): Out<'ListStateMachineAliases'> => (this.enter('ListStateMachineAliases', input), { stateMachineAliases: [] }),
    PublishStateMachineVersion: async (input): Out<'PublishStateMachineVersion'> => (this.enter('PublishStateMachineVersion', input), { stateMachineVersionArn: `${input.stateMachineArn}:1`, creationDate: this.now() }),
    ListStateMachineVersions: async (input): Out<'ListStateMachineVersions'> => (this.enter('ListStateMachineVersions', input), { stateMachineVersions: [] }),
    DeleteStateMachineVersion: async (input): Out<'DeleteStateMachineVersion'> => (this.enter('DeleteStateMachineVersion', input), {}),
    ValidateStateMachineDefinition: async (input): Out<'ValidateStateMachineDefinition'> => (this.enter('ValidateStateMachineDefinition', input), { result: 'OK', diagnostics: [], truncated: false }),
    TestState: async (input): Out<'TestState'> => (this.enter('TestState', input), { output: input.input ?? '{}', status: 'SUCCEEDED' }),
    DescribeMapRun: async (input): Out<'DescribeMapRun'> => {
      this.enter('DescribeMapRun', input);
      throw new ServiceError('ResourceNotFound', `Resource not found: '${input.mapRunArn}'`);
    },
    ListMapRuns: async (input): Out<'ListMapRuns'> => (this.enter('ListMapRuns', input), { mapRuns: [] }),
    UpdateMapRun: async (input): Out<'UpdateMapRun'> => (this.enter('UpdateMapRun', input), {}),
    TagResource: async (input): Out<'TagResource'> => (this.enter('TagResource', input), {}),
    UntagResource: async (input): Out<'UntagResource'> => (this.enter('UntagResource', input), {}),
    ListTagsForResource: async (input): Out<'ListTagsForResource'> => (this.enter('ListTagsForResource', input), { tags: [] }),
  };

  private byToken(token: string): Execution {
    const e = [...this.executions.values()].find((x) => x.token === token);
    if (!e) throw new ServiceError('TaskDoesNotExist', 'Task Does Not Exist');
    return e;
  }
}
