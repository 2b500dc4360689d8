import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { referenceApp } from '../../constructs/reference-app';

export const ROOT = resolve(__dirname, '../..');

/**
 * The reference app synthesized in process, without bundling the functions (template tests need
 * the template, not the code; test/local bundles for real) and without CDK's built-in schema
 * validation, which `cdk synth` runs. cdk-nag runs as in `cdk synth`: a finding fails the synth.
 */
export function synthReferenceApp(options: { approvalHttpApi?: boolean } = {}) {
  const outdir = mkdtempSync(join(tmpdir(), 'sagaflow-cdk-test-'));
  const { app, stack } = referenceApp({
    projectRoot: ROOT,
    outdir,
    builtinCloudFormationValidation: false,
    context: { 'aws:cdk:bundling-stacks': [] },
    ...options,
  });
  const assembly = app.synth();
  return { app, stack, assembly, template: Template.fromJSON(assembly.getStackByName(stack.stackName).template) };
}
