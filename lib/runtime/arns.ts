import { ServiceError } from './step-functions-operations';

/**
 * The ARNs of the local service, in AWS's formats, for the configured region and account.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/concepts-statemachines.html
 */
export class Arns {
  constructor(
    readonly region: string,
    readonly accountId: string,
  ) {}

  private base(type: string): string {
    return `arn:aws:states:${this.region}:${this.accountId}:${type}`;
  }

  stateMachine(name: string): string {
    return `${this.base('stateMachine')}:${name}`;
  }
  activity(name: string): string {
    return `${this.base('activity')}:${name}`;
  }
  execution(stateMachineName: string, name: string): string {
    return `${this.base('execution')}:${stateMachineName}:${name}`;
  }
  /** EXPRESS executions carry a uuid after their name. */
  expressExecution(stateMachineName: string, name: string, uuid: string): string {
    return `${this.base('express')}:${stateMachineName}:${name}:${uuid}`;
  }
  mapRun(stateMachineName: string, label: string, uuid: string): string {
    return `${this.base('mapRun')}:${stateMachineName}/${label}:${uuid}`;
  }
}

/** A state machine ARN and what it points at: the machine itself, one of its versions, or an alias. */
export type StateMachineTarget =
  | { kind: 'stateMachine'; stateMachineArn: string; name: string }
  | { kind: 'version'; stateMachineArn: string; name: string; version: number; arn: string }
  | { kind: 'alias'; stateMachineArn: string; name: string; alias: string; arn: string };

interface ParsedArn {
  region: string;
  accountId: string;
  resourceType: string;
  /** The resource parts after the type, split on ':'. */
  parts: string[];
}

const ARN = /^arn:aws[a-z-]*:states:([a-z0-9-]+):(\d{12}):([A-Za-z]+):(.+)$/;

export function parseStatesArn(arn: string): ParsedArn | undefined {
  const m = ARN.exec(arn);
  if (!m) return undefined;
  return { region: m[1]!, accountId: m[2]!, resourceType: m[3]!, parts: m[4]!.split(':') };
}

/**
 * AWS's InvalidArn: a value that is no Step Functions ARN is an invalid prefix; an ARN of the
 * wrong kind names only its resource type (`Resource type not valid in this context: execution`).
 */
export function invalidArn(arn: string): ServiceError {
  const p = parseStatesArn(arn);
  if (!p) return new ServiceError('InvalidArn', `Invalid Arn: 'Invalid ARN prefix: ${arn}'`);
  return new ServiceError('InvalidArn', `Invalid Arn: 'Resource type not valid in this context: ${p.resourceType}'`);
}

/** Reads a stateMachine ARN, qualified (`:3` for a version, `:prod` for an alias) or not. */
export function parseStateMachineArn(arn: string): StateMachineTarget {
  const p = parseStatesArn(arn);
  if (!p || p.resourceType !== 'stateMachine' || p.parts.length < 1 || p.parts.length > 2 || !p.parts[0]) throw invalidArn(arn);
  const name = p.parts[0];
  const stateMachineArn = arn.split(':').slice(0, 7).join(':');
  if (p.parts.length === 1) return { kind: 'stateMachine', stateMachineArn, name };
  const qualifier = p.parts[1]!;
  if (/^\d+$/.test(qualifier)) return { kind: 'version', stateMachineArn, name, version: Number(qualifier), arn };
  return { kind: 'alias', stateMachineArn, name, alias: qualifier, arn };
}

/** Checks an ARN is of the given resource type, or throws InvalidArn. */
export function requireArnType(arn: string, type: 'execution' | 'express' | 'activity' | 'mapRun' | 'stateMachine', parts?: number): ParsedArn {
  const p = parseStatesArn(arn);
  if (!p || p.resourceType !== type || (parts !== undefined && p.parts.length !== parts)) throw invalidArn(arn);
  return p;
}

/**
 * A state machine's role: an IAM role ARN. Anything else is InvalidArn "Invalid Role Arn: '<value>'"
 * (CreateStateMachine's answer quoted from AWS in aws/amazon-sagemaker-examples#2432).
 */
export function requireRoleArn(roleArn: string): void {
  if (!/^arn:aws[a-z-]*:iam::\d{12}:role\/\S+$/.test(roleArn)) throw new ServiceError('InvalidArn', `Invalid Role Arn: '${roleArn}'`);
}
