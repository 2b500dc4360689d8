import { App, Validations, type AppProps } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ReferenceAppStack } from './reference-app-stack';

export interface ReferenceAppOptions extends AppProps {
  projectRoot: string;
  /** @default "Sagaflow" */
  stackName?: string;
  /** @default true, or the context value `approvalHttpApi` (`-c approvalHttpApi=false` for LocalStack) */
  approvalHttpApi?: boolean;
}

/**
 * The reference app as `cdk synth` builds it (bin/app.ts) and as the tests build it: one stack,
 * checked by cdk-nag's AwsSolutions rules during synthesis (a finding fails the synth).
 */
export function referenceApp(options: ReferenceAppOptions): { app: App; stack: ReferenceAppStack } {
  const { projectRoot, stackName = 'Sagaflow', approvalHttpApi, ...appProps } = options;
  const app = new App(appProps);
  const fromContext = app.node.tryGetContext('approvalHttpApi');
  const stack = new ReferenceAppStack(app, stackName, {
    projectRoot,
    approvalHttpApi: approvalHttpApi ?? (fromContext === undefined ? true : String(fromContext) !== 'false'),
    description: 'sagaflow reference app: order saga, fan-out, human approval, monitor',
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}
