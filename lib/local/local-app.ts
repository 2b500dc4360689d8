import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { LambdaFunctionConfig } from '../runtime/local-service-contract';
import type { AssemblyStack } from './cloud-assembly';
import { AssemblyError } from './cloud-assembly';
import { conditionHolds, resolve, UnresolvableError, type LocalResource, type ResolverContext } from './cfn-resolver';

/**
 * A CDK app as the local service runs it: state machines with their definitions resolved to local
 * ARNs, Lambda functions run from their bundled assets, and the DynamoDB tables they use.
 * Physical names are deterministic (`<stack>-<logicalId>` where the template leaves them to
 * CloudFormation), so a restart finds the same tables and state machines instead of duplicating them.
 */

export interface LocalStateMachine {
  logicalId: string;
  stackName: string;
  name: string;
  arn: string;
  type: 'STANDARD' | 'EXPRESS';
  roleArn: string;
  definition: string;
}

export interface LocalTable {
  logicalId: string;
  name: string;
  keySchema: { AttributeName: string; KeyType: 'HASH' | 'RANGE' }[];
  attributeDefinitions: { AttributeName: string; AttributeType: 'S' | 'N' | 'B' }[];
  globalSecondaryIndexes?: unknown[];
}

export interface LocalApp {
  stateMachines: LocalStateMachine[];
  functions: (LambdaFunctionConfig & { logicalId: string; arn: string })[];
  tables: LocalTable[];
}

export interface LoadOptions {
  region: string;
  accountId: string;
}

/** A physical name CloudFormation would generate, made deterministic for local runs. */
function physicalName(stackName: string, logicalId: string, max: number): string {
  return `${stackName}-${logicalId}`.slice(0, max);
}

function literal(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * An explicit physical name, also when it is built from pseudo parameters or parameter defaults
 * (e.g. `${AWS::StackName}-orders`); names that refer to other resources are left to the default.
 */
function explicitName(value: unknown, names: ResolverContext): string | undefined {
  if (value === undefined) return undefined;
  try {
    return literal(resolve(value, names));
  } catch (err) {
    if (err instanceof UnresolvableError) return undefined;
    throw err;
  }
}

/** Whether a resource exists locally: a resource whose Condition does not hold is not created. */
function exists(r: { Condition?: string }, ctx: ResolverContext): boolean {
  return conditionHolds(r.Condition, ctx);
}

/** Names and attributes of every resource, before any property is resolved. */
function localResources(stack: AssemblyStack, o: LoadOptions): Record<string, LocalResource> {
  const out: Record<string, LocalResource> = {};
  const { region, accountId } = o;
  const names: ResolverContext = { ...o, stackName: stack.stackName, resources: {}, template: stack.template };
  for (const [id, r] of Object.entries(stack.template.Resources ?? {})) {
    if (!exists(r, names)) continue;
    const p = r.Properties ?? {};
    const nameOf = (value: unknown) => explicitName(value, names);
    switch (r.Type) {
      case 'AWS::Lambda::Function': {
        const name = nameOf(p.FunctionName) ?? physicalName(stack.stackName, id, 64);
        out[id] = { ref: name, attributes: { Arn: `arn:aws:lambda:${region}:${accountId}:function:${name}` } };
        break;
      }
      case 'AWS::DynamoDB::Table': {
        const name = nameOf(p.TableName) ?? physicalName(stack.stackName, id, 255);
        const arn = `arn:aws:dynamodb:${region}:${accountId}:table/${name}`;
        out[id] = { ref: name, attributes: { Arn: arn, StreamArn: `${arn}/stream/local` } };
        break;
      }
      case 'AWS::StepFunctions::StateMachine': {
        const name = nameOf(p.StateMachineName) ?? physicalName(stack.stackName, id, 80);
        const arn = `arn:aws:states:${region}:${accountId}:stateMachine:${name}`;
        out[id] = { ref: arn, attributes: { Arn: arn, Name: name, StateMachineRevisionId: 'local' } };
        break;
      }
      case 'AWS::IAM::Role': {
        const name = nameOf(p.RoleName) ?? physicalName(stack.stackName, id, 64);
        out[id] = { ref: name, attributes: { Arn: `arn:aws:iam::${accountId}:role/${name}`, RoleId: name } };
        break;
      }
      case 'AWS::SQS::Queue': {
        const name = nameOf(p.QueueName) ?? physicalName(stack.stackName, id, p.FifoQueue === true ? 75 : 80) + (p.FifoQueue === true ? '.fifo' : '');
        const url = `https://sqs.${region}.amazonaws.com/${accountId}/${name}`;
        out[id] = { ref: url, attributes: { Arn: `arn:aws:sqs:${region}:${accountId}:${name}`, QueueName: name, QueueUrl: url } };
        break;
      }
      case 'AWS::SNS::Topic': {
        const name = nameOf(p.TopicName) ?? physicalName(stack.stackName, id, 256);
        const arn = `arn:aws:sns:${region}:${accountId}:${name}`;
        out[id] = { ref: arn, attributes: { TopicArn: arn, TopicName: name } };
        break;
      }
      case 'AWS::S3::Bucket': {
        const name = nameOf(p.BucketName) ?? physicalName(stack.stackName, id, 63).toLowerCase();
        out[id] = { ref: name, attributes: { Arn: `arn:aws:s3:::${name}`, DomainName: `${name}.s3.amazonaws.com`, RegionalDomainName: `${name}.s3.${region}.amazonaws.com` } };
        break;
      }
      default: {
        // Resources the local service does not run still resolve, so references to them don't fail.
        const service = r.Type.split('::')[1]?.toLowerCase() ?? 'local';
        out[id] = { ref: id, attributes: { Arn: `arn:aws:${service}:${region}:${accountId}:${id}` } };
      }
    }
  }
  return out;
}

/** The module a Lambda function runs: its bundled asset folder and `file.export` handler. */
function lambdaModule(assemblyDir: string, id: string, metadata: Record<string, unknown> | undefined, handler: string): { modulePath: string; handlerName: string } {
  const assetPath = literal(metadata?.['aws:asset:path']);
  if (!assetPath) throw new AssemblyError(`Lambda function ${id} has no 'aws:asset:path' metadata; synthesize with asset metadata enabled`);
  const dot = handler.lastIndexOf('.');
  const file = handler.slice(0, dot);
  const base = join(assemblyDir, assetPath, file);
  const modulePath = ['.js', '.cjs', '.mjs'].map((ext) => base + ext).find(existsSync);
  if (!modulePath) throw new AssemblyError(`Lambda function ${id}: no module for handler '${handler}' in ${join(assemblyDir, assetPath)}`);
  return { modulePath, handlerName: handler.slice(dot + 1) };
}

function substitute(definition: string, substitutions: Record<string, unknown>): string {
  return definition.replace(/\$\{([^}]+)\}/g, (whole, key: string) => (key in substitutions ? String(substitutions[key]) : whole));
}

export function loadLocalApp(assemblyDir: string, stacks: AssemblyStack[], options: LoadOptions): LocalApp {
  const app: LocalApp = { stateMachines: [], functions: [], tables: [] };
  for (const stack of stacks) {
    const ctx: ResolverContext = { ...options, stackName: stack.stackName, resources: localResources(stack, options), template: stack.template };
    const resources = stack.template.Resources ?? {};
    /** The resources of a type that exist locally (their Condition holds), in template order. */
    const ofType = (type: string): [string, Record<string, unknown>][] =>
      Object.entries(resources).filter(([id, r]) => r.Type === type && id in ctx.resources).map(([id, r]) => [id, r.Properties ?? {}]);
    for (const [id, p] of ofType('AWS::Lambda::Function')) {
      const r = ctx.resources[id];
      const env = resolve((p.Environment as { Variables?: unknown } | undefined)?.Variables ?? {}, ctx) as Record<string, unknown>;
      app.functions.push({
        logicalId: id,
        functionName: r.ref,
        arn: r.attributes.Arn,
        ...lambdaModule(assemblyDir, id, resources[id].Metadata, String(p.Handler ?? 'index.handler')),
        timeoutSeconds: Number(p.Timeout ?? 3),
        memorySize: Number(p.MemorySize ?? 128),
        environment: Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v)])),
      });
    }
    for (const [id, p] of ofType('AWS::DynamoDB::Table')) {
      app.tables.push({
        logicalId: id,
        name: ctx.resources[id].ref,
        keySchema: p.KeySchema as LocalTable['keySchema'],
        attributeDefinitions: p.AttributeDefinitions as LocalTable['attributeDefinitions'],
        globalSecondaryIndexes: p.GlobalSecondaryIndexes as unknown[] | undefined,
      });
    }
    for (const [id, p] of ofType('AWS::StepFunctions::StateMachine')) {
      const r = ctx.resources[id];
      const raw = p.DefinitionString !== undefined ? resolve(p.DefinitionString, ctx) : JSON.stringify(resolve(p.Definition, ctx));
      const substitutions = resolve(p.DefinitionSubstitutions ?? {}, ctx) as Record<string, unknown>;
      app.stateMachines.push({
        logicalId: id,
        stackName: stack.stackName,
        name: r.attributes.Name,
        arn: r.attributes.Arn,
        type: p.StateMachineType === 'EXPRESS' ? 'EXPRESS' : 'STANDARD',
        roleArn: String(resolve(p.RoleArn, ctx) ?? `arn:aws:iam::${options.accountId}:role/sagaflow-local`),
        definition: substitute(String(raw), substitutions),
      });
    }
  }
  return app;
}
