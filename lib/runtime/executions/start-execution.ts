import { randomUUID } from 'node:crypto';
import type { ExecutionParent, ExecutionRecord } from '../../store/records';
import { parseStateMachineArn } from '../arns';
import { requireValidName } from '../names';
import type { RuntimeContext } from '../runtime-context';
import { ServiceError } from '../step-functions-operations';
import type { ExecutionHost } from './execution-host';
import { SeedPool } from './seed-pool';
import { unreadableJson } from '../../engine/core/json-nesting';

export interface StartRequest {
  /** A state machine ARN, or one of its version or alias ARNs. */
  stateMachineArn: string;
  name?: string;
  /** JSON text. @default "{}" */
  input?: string;
  traceHeader?: string;
  parent?: ExecutionParent;
  /** StartSyncExecution's start: the execution's context object has no RedriveCount (recorded on AWS). */
  synchronous?: boolean;
}

export interface StartResult {
  record: ExecutionRecord;
  /** The call named a RUNNING execution with the same input: StartExecution is idempotent for those. */
  existing: boolean;
}

/** What a version or alias ARN runs: a revision, its role, and the ARNs recorded on the execution. */
function resolveTarget(ctx: RuntimeContext, arn: string) {
  const target = parseStateMachineArn(arn);
  const sm = ctx.store.getStateMachine(target.stateMachineArn);
  if (!sm) throw new ServiceError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${target.kind === 'stateMachine' ? arn : target.stateMachineArn}'`);
  if (target.kind === 'stateMachine') return { sm, revisionId: sm.revisionId, roleArn: sm.roleArn };
  if (target.kind === 'version') {
    const v = ctx.store.getVersion(target.arn);
    if (!v) throw new ServiceError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${target.arn}'`);
    return { sm, revisionId: v.revisionId, roleArn: v.roleArn, stateMachineVersionArn: v.arn };
  }
  const alias = ctx.store.getAlias(target.arn);
  if (!alias) throw new ServiceError('ResourceNotFound', `Resource not found: '${target.arn}'`);
  const routes = JSON.parse(alias.routingConfiguration) as Array<{ stateMachineVersionArn: string; weight: number }>;
  // An alias splits its traffic between versions by weight (the only randomness outside an execution).
  let pick = Math.random() * routes.reduce((sum, r) => sum + r.weight, 0);
  const route = routes.find((r) => (pick -= r.weight) < 0) ?? routes[0]!;
  const v = ctx.store.getVersion(route.stateMachineVersionArn);
  if (!v) throw new ServiceError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${route.stateMachineVersionArn}'`);
  return { sm, revisionId: v.revisionId, roleArn: v.roleArn, stateMachineVersionArn: v.arn, stateMachineAliasArn: alias.arn };
}

function checkInput(input: string): void {
  const problem = unreadableJson(input);
  if (problem !== undefined) throw new ServiceError('InvalidExecutionInput', `Invalid State Machine Execution Input: '${problem}'`);
}

/**
 * Starts executions for StartExecution, StartSyncExecution and `states:startExecution` tasks.
 * A STANDARD start that names a RUNNING execution with the same input returns that execution;
 * any other reuse of a name fails with ExecutionAlreadyExists.
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_StartExecution.html
 */
export class ExecutionStarter {
  /** Starts under way, by ARN: a second start of the same name waits for the first. */
  private readonly starting = new Map<string, Promise<StartResult>>();
  private readonly seeds = new SeedPool();

  constructor(
    private readonly ctx: RuntimeContext,
    private readonly host: ExecutionHost,
  ) {}

  async start(req: StartRequest): Promise<StartResult> {
    const t = resolveTarget(this.ctx, req.stateMachineArn);
    const name = req.name ?? randomUUID();
    requireValidName(name);
    const input = req.input ?? '{}';
    checkInput(input);
    const express = t.sm.type === 'EXPRESS';
    const arn = express ? this.ctx.arns.expressExecution(t.sm.name, name, randomUUID()) : this.ctx.arns.execution(t.sm.name, name);
    const pending = this.starting.get(arn);
    if (pending) await pending.catch(() => undefined);
    const existing = this.ctx.store.getExecution(arn);
    if (existing) {
      if (existing.status === 'RUNNING' && existing.input === input) return { record: existing, existing: true };
      throw new ServiceError('ExecutionAlreadyExists', `Execution Already Exists: '${arn}'`);
    }
    const record: ExecutionRecord = {
      arn,
      name,
      stateMachineArn: t.sm.arn,
      revisionId: t.revisionId,
      type: t.sm.type,
      status: 'RUNNING',
      roleArn: t.roleArn,
      input,
      startDate: this.ctx.clock.now(),
      redriveCount: 0,
      eventCount: 0,
    };
    if (t.stateMachineVersionArn) record.stateMachineVersionArn = t.stateMachineVersionArn;
    if (t.stateMachineAliasArn) record.stateMachineAliasArn = t.stateMachineAliasArn;
    if (req.traceHeader !== undefined) record.traceHeader = req.traceHeader;
    if (req.parent) record.parent = req.parent;
    // What callers read of a started execution (its ARN and start date) does not move: no re-read.
    const started = this.host.start(record, this.seeds.take(), req.synchronous === true).then(() => ({ record, existing: false }));
    this.starting.set(arn, started);
    try {
      return await started;
    } finally {
      this.starting.delete(arn);
    }
  }
}
