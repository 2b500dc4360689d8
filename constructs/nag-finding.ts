import { Stack } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * The id cdk-nag gives a wildcard-resource finding of AwsSolutions-IAM5, so that one specific
 * resource can be acknowledged (cdk-nag v3 matches finding ids exactly). cdk-nag spells
 * CloudFormation references inline: `Ref X` as `<X>`, `GetAtt X.Y` as `<X.Y>`, a Join by joining,
 * and anything else as its JSON.
 */
export function wildcardResourceFinding(scope: IConstruct, resource: string): string {
  return `AwsSolutions-IAM5[Resource::${flatten(Stack.of(scope).resolve(resource))}]`;
}

function flatten(node: unknown): string {
  if (node === undefined) return '';
  if (typeof node === 'string') return node.replace(/\$\{/g, '<').replace(/\}/g, '>');
  const o = node as Record<string, unknown>;
  if (o['Fn::Join']) {
    const [separator, parts] = o['Fn::Join'] as [string, unknown[]];
    return parts.map(flatten).join(separator);
  }
  if (o['Fn::Sub']) return flatten(o['Fn::Sub']);
  if (o['Fn::GetAtt']) {
    const [resource, attribute] = o['Fn::GetAtt'] as [unknown, unknown];
    return `<${flatten(resource)}.${flatten(attribute)}>`;
  }
  if (o.Ref) return `<${flatten(o.Ref)}>`;
  return JSON.stringify(node);
}
