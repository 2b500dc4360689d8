import type { CfnTemplate } from './cfn-template';

/**
 * Resolves the CloudFormation intrinsics a CDK app uses (Ref, Fn::GetAtt, Fn::Join, Fn::Sub,
 * Fn::Select, Fn::Split, pseudo parameters) against local values: each resource's physical name
 * and attributes are what the local service gave it.
 */

export interface LocalResource {
  /** What `Ref` returns for the resource. */
  ref: string;
  /** What `Fn::GetAtt` returns, by attribute name. */
  attributes: Record<string, string>;
}

export interface ResolverContext {
  region: string;
  accountId: string;
  stackName: string;
  resources: Record<string, LocalResource>;
}

export class UnresolvableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnresolvableError';
  }
}

function pseudo(name: string, ctx: ResolverContext): string | undefined {
  switch (name) {
    case 'AWS::Region':
      return ctx.region;
    case 'AWS::AccountId':
      return ctx.accountId;
    case 'AWS::Partition':
      return 'aws';
    case 'AWS::URLSuffix':
      return 'amazonaws.com';
    case 'AWS::StackName':
      return ctx.stackName;
    case 'AWS::StackId':
      return `arn:aws:cloudformation:${ctx.region}:${ctx.accountId}:stack/${ctx.stackName}/00000000-0000-0000-0000-000000000000`;
    case 'AWS::NoValue':
      return undefined;
    default:
      return undefined;
  }
}

function ref(name: string, ctx: ResolverContext): string {
  const p = pseudo(name, ctx);
  if (p !== undefined) return p;
  const r = ctx.resources[name];
  if (!r) throw new UnresolvableError(`Ref to unknown resource or parameter '${name}'`);
  return r.ref;
}

function getAtt(logicalId: string, attribute: string, ctx: ResolverContext): string {
  const r = ctx.resources[logicalId];
  if (!r) throw new UnresolvableError(`Fn::GetAtt on unknown resource '${logicalId}'`);
  const v = r.attributes[attribute];
  if (v === undefined) throw new UnresolvableError(`Fn::GetAtt ${logicalId}.${attribute} is not known locally`);
  return v;
}

function sub(template: string, vars: Record<string, unknown>, ctx: ResolverContext): string {
  return template.replace(/\$\{([^}!][^}]*)\}/g, (_, name: string) => {
    if (name in vars) return String(resolve(vars[name], ctx));
    if (name.includes('.')) {
      const [id, attr] = name.split('.', 2);
      return getAtt(id, attr, ctx);
    }
    return ref(name, ctx);
  });
}

/** Resolves every intrinsic inside a value; plain values are returned as they are. */
export function resolve(value: unknown, ctx: ResolverContext): unknown {
  if (Array.isArray(value)) return value.map((v) => resolve(v, ctx));
  if (value === null || typeof value !== 'object') return value;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj);
  if (keys.length === 1) {
    const [k] = keys;
    const arg = obj[k];
    switch (k) {
      case 'Ref':
        return ref(String(arg), ctx);
      case 'Fn::GetAtt': {
        const [id, attr] = Array.isArray(arg) ? arg : String(arg).split('.', 2);
        return getAtt(String(id), String(resolve(attr, ctx)), ctx);
      }
      case 'Fn::Join': {
        const [sep, parts] = arg as [string, unknown[]];
        return (resolve(parts, ctx) as unknown[]).map(String).join(sep);
      }
      case 'Fn::Sub': {
        const [tpl, vars] = Array.isArray(arg) ? (arg as [string, Record<string, unknown>]) : [String(arg), {}];
        return sub(tpl, vars, ctx);
      }
      case 'Fn::Select': {
        const [index, list] = arg as [unknown, unknown];
        return (resolve(list, ctx) as unknown[])[Number(resolve(index, ctx))];
      }
      case 'Fn::Split': {
        const [sep, str] = arg as [string, unknown];
        return String(resolve(str, ctx)).split(sep);
      }
      case 'Fn::ImportValue':
        throw new UnresolvableError('Fn::ImportValue (cross-stack references) is not supported locally');
    }
  }
  return Object.fromEntries(keys.map((k) => [k, resolve(obj[k], ctx)]));
}

/** Logical ids of every resource of a type, in template order. */
export function resourcesOfType(template: CfnTemplate, type: string): [string, Record<string, unknown>][] {
  return Object.entries(template.Resources ?? {})
    .filter(([, r]) => r.Type === type)
    .map(([id, r]) => [id, r.Properties ?? {}]);
}
