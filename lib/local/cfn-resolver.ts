import type { CfnTemplate } from './cfn-template';

/**
 * Resolves the CloudFormation intrinsics a CDK app uses (Ref, Fn::GetAtt, Fn::Join, Fn::Sub,
 * Fn::Select, Fn::Split, Fn::FindInMap, Fn::If and the condition functions, Fn::Base64,
 * Fn::GetAZs, pseudo parameters and parameter defaults) against local values: each resource's
 * physical name and attributes are what the local service gave it.
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
  /** The template's Parameters, Mappings and Conditions, where it has them. */
  template?: Pick<CfnTemplate, 'Parameters' | 'Mappings' | 'Conditions'>;
}

export class UnresolvableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnresolvableError';
  }
}

/** `AWS::NoValue`: the property it stands in for is removed. */
const NO_VALUE = Symbol('AWS::NoValue');

const PSEUDO: Record<string, (ctx: ResolverContext) => string> = {
  'AWS::Region': (ctx) => ctx.region,
  'AWS::AccountId': (ctx) => ctx.accountId,
  'AWS::Partition': () => 'aws',
  'AWS::URLSuffix': () => 'amazonaws.com',
  'AWS::StackName': (ctx) => ctx.stackName,
  'AWS::StackId': (ctx) => `arn:aws:cloudformation:${ctx.region}:${ctx.accountId}:stack/${ctx.stackName}/00000000-0000-0000-0000-000000000000`,
};

function ref(name: string, ctx: ResolverContext): unknown {
  if (name === 'AWS::NoValue') return NO_VALUE;
  if (name in PSEUDO) return PSEUDO[name](ctx);
  const r = ctx.resources[name];
  if (r) return r.ref;
  const parameter = ctx.template?.Parameters?.[name];
  if (parameter && parameter.Default !== undefined) {
    return parameter.Type.startsWith('List<') || parameter.Type === 'CommaDelimitedList' ? String(parameter.Default).split(',') : parameter.Default;
  }
  throw new UnresolvableError(parameter ? `parameter '${name}' has no default to use locally` : `Ref to unknown resource or parameter '${name}'`);
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
    if (name in vars) return String(resolveValue(vars[name], ctx));
    if (name.includes('.')) {
      const [id, attr] = name.split('.', 2);
      return getAtt(id, attr, ctx);
    }
    return String(ref(name, ctx));
  });
}

function condition(name: string, ctx: ResolverContext): boolean {
  const definition = ctx.template?.Conditions?.[name];
  if (definition === undefined) throw new UnresolvableError(`unknown condition '${name}'`);
  return Boolean(resolveValue(definition, ctx));
}

/** Whether a resource's `Condition` (if any) holds locally. */
export function conditionHolds(name: string | undefined, ctx: ResolverContext): boolean {
  return name === undefined || condition(name, ctx);
}

type Intrinsic = (arg: unknown, ctx: ResolverContext) => unknown;

const INTRINSICS: Record<string, Intrinsic> = {
  Ref: (arg, ctx) => ref(String(arg), ctx),
  'Fn::GetAtt': (arg, ctx) => {
    const [id, attr] = Array.isArray(arg) ? arg : String(arg).split('.', 2);
    return getAtt(String(id), String(resolveValue(attr, ctx)), ctx);
  },
  'Fn::Join': (arg, ctx) => {
    const [sep, parts] = arg as [string, unknown];
    return (resolveValue(parts, ctx) as unknown[]).map(String).join(sep);
  },
  'Fn::Sub': (arg, ctx) => {
    const [tpl, vars] = Array.isArray(arg) ? (arg as [string, Record<string, unknown>]) : [String(arg), {}];
    return sub(tpl, vars, ctx);
  },
  'Fn::Select': (arg, ctx) => {
    const [index, list] = arg as [unknown, unknown];
    const items = resolveValue(list, ctx) as unknown[];
    const i = Number(resolveValue(index, ctx));
    if (!Number.isInteger(i) || i < 0 || i >= items.length) throw new UnresolvableError(`Fn::Select index ${i} is out of range for ${items.length} items`);
    return items[i];
  },
  'Fn::Split': (arg, ctx) => {
    const [sep, str] = arg as [string, unknown];
    return String(resolveValue(str, ctx)).split(sep);
  },
  'Fn::FindInMap': (arg, ctx) => {
    const [map, top, second] = (arg as unknown[]).map((a) => String(resolveValue(a, ctx)));
    const value = ctx.template?.Mappings?.[map]?.[top]?.[second];
    if (value === undefined) throw new UnresolvableError(`Fn::FindInMap found nothing at ${map}.${top}.${second}`);
    return value;
  },
  'Fn::If': (arg, ctx) => {
    const [name, whenTrue, whenFalse] = arg as [string, unknown, unknown];
    return resolveValue(condition(name, ctx) ? whenTrue : whenFalse, ctx);
  },
  'Fn::Equals': (arg, ctx) => {
    const [a, b] = (arg as unknown[]).map((v) => resolveValue(v, ctx));
    return JSON.stringify(a) === JSON.stringify(b);
  },
  'Fn::Not': (arg, ctx) => !resolveValue((arg as unknown[])[0], ctx),
  'Fn::And': (arg, ctx) => (arg as unknown[]).every((c) => resolveValue(c, ctx)),
  'Fn::Or': (arg, ctx) => (arg as unknown[]).some((c) => resolveValue(c, ctx)),
  Condition: (arg, ctx) => condition(String(arg), ctx),
  'Fn::Base64': (arg, ctx) => Buffer.from(String(resolveValue(arg, ctx)), 'utf8').toString('base64'),
  'Fn::GetAZs': (arg, ctx) => {
    const region = String(resolveValue(arg, ctx)) || ctx.region;
    return ['a', 'b', 'c'].map((zone) => `${region}${zone}`);
  },
  'Fn::ImportValue': () => {
    throw new UnresolvableError('Fn::ImportValue (cross-stack references) is not supported locally');
  },
};

function resolveValue(value: unknown, ctx: ResolverContext): unknown {
  if (Array.isArray(value)) return value.map((v) => resolveValue(v, ctx)).filter((v) => v !== NO_VALUE);
  if (value === null || typeof value !== 'object') return value;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj);
  if (keys.length === 1 && keys[0] in INTRINSICS) return INTRINSICS[keys[0]](obj[keys[0]], ctx);
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const v = resolveValue(obj[k], ctx);
    if (v !== NO_VALUE) out[k] = v;
  }
  return out;
}

/** Resolves every intrinsic inside a value; plain values are returned as they are, and `AWS::NoValue` removes what it stands in. */
export function resolve(value: unknown, ctx: ResolverContext): unknown {
  const v = resolveValue(value, ctx);
  return v === NO_VALUE ? undefined : v;
}
