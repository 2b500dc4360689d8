import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CfnTemplate } from './cfn-template';

/** A stack of a synthesized CDK app (`cdk.out`): its name and template. */
export interface AssemblyStack {
  stackName: string;
  template: CfnTemplate;
}

interface Manifest {
  artifacts?: Record<string, { type: string; properties?: { templateFile?: string; stackName?: string } }>;
}

export class AssemblyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AssemblyError';
  }
}

/** Reads every CloudFormation stack of a cloud assembly folder. */
export function readCloudAssembly(dir: string): AssemblyStack[] {
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new AssemblyError(`${dir} is not a CDK cloud assembly (no manifest.json); run \`npx cdk synth\` first`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  const stacks: AssemblyStack[] = [];
  for (const [id, artifact] of Object.entries(manifest.artifacts ?? {})) {
    if (artifact.type !== 'aws:cloudformation:stack' || !artifact.properties?.templateFile) continue;
    const template = JSON.parse(readFileSync(join(dir, artifact.properties.templateFile), 'utf8')) as CfnTemplate;
    stacks.push({ stackName: artifact.properties.stackName ?? id, template });
  }
  if (stacks.length === 0) throw new AssemblyError(`${dir} holds no CloudFormation stacks`);
  return stacks;
}
