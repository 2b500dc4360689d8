import { join } from 'node:path';
import { Duration, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, RuntimeFamily, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { ActivityBinding } from '../lib/builder/compiled-workflow';
import type { DynamoDbAction } from '../lambdas/shared/table-spec';

/**
 * The newest `nodejsNN.x` runtime this aws-cdk-lib knows, so an upgrade of aws-cdk-lib moves the
 * functions with it. Pinned, not NODEJS_LATEST (a "variable" runtime, for which CDK bundles the SDK).
 */
export function newestNodeRuntime(): Runtime {
  const version = (r: Runtime) => Number(/^nodejs(\d+)\.x$/.exec(r.name)?.[1] ?? 0);
  const node = Runtime.ALL.filter((r) => r.family === RuntimeFamily.NODEJS && !r.isVariable && version(r) > 0);
  return node.reduce((a, b) => (version(b) > version(a) ? b : a));
}

/** sagaflow bundles with the project's own esbuild: never with Docker, which CDK falls back to when esbuild is missing. */
function requireLocalEsbuild(projectRoot: string): void {
  try {
    require.resolve('esbuild', { paths: [projectRoot] });
  } catch {
    throw new Error(`esbuild is not installed in ${projectRoot}: sagaflow bundles Lambda functions with local esbuild, never Docker. Run \`npm install --save-dev esbuild\`.`);
  }
}

export interface ActivityFunctionProps {
  /** The handler: its module (relative to the project root), export and timeout. */
  activity: Pick<ActivityBinding, 'name' | 'entry' | 'handler' | 'timeoutSeconds'>;
  /** Where `activity.entry` and package-lock.json are. */
  projectRoot: string;
  environment?: Record<string, string>;
  logRetention: RetentionDays;
  /** @default 256 */
  memorySize?: number;
}

/**
 * One Lambda function for one handler: bundled by local esbuild, on the newest Node.js runtime,
 * with X-Ray tracing, its own log group with a retention, and its own role that starts with
 * nothing but writing to that log group; `grantTable` adds exactly the DynamoDB actions it uses.
 */
export class ActivityFunction extends Construct {
  readonly function: NodejsFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: ActivityFunctionProps) {
    super(scope, id);
    const { activity, projectRoot } = props;
    requireLocalEsbuild(projectRoot);
    this.logGroup = new LogGroup(this, 'LogGroup', { retention: props.logRetention });
    // Not the default role: that one carries the AWSLambdaBasicExecutionRole managed policy, which may write to any log group.
    this.role = new Role(this, 'Role', { assumedBy: new ServicePrincipal('lambda.amazonaws.com'), description: `The ${activity.name} function` });
    this.function = new NodejsFunction(this, 'Function', {
      entry: join(projectRoot, activity.entry),
      handler: activity.handler,
      projectRoot,
      depsLockFilePath: join(projectRoot, 'package-lock.json'),
      runtime: newestNodeRuntime(),
      architecture: Architecture.ARM_64,
      timeout: Duration.seconds(activity.timeoutSeconds),
      memorySize: props.memorySize ?? 256,
      environment: { NODE_OPTIONS: '--enable-source-maps', ...props.environment },
      role: this.role,
      logGroup: this.logGroup,
      tracing: Tracing.ACTIVE,
      // The runtime provides the AWS SDK v3 and its @smithy packages; source maps give readable stack traces.
      bundling: { format: OutputFormat.CJS, sourceMap: true, externalModules: ['@aws-sdk/*', '@smithy/*'], forceDockerBundling: false },
    });
    this.logGroup.grantWrite(this.role);
    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'Active tracing needs xray:PutTraceSegments and xray:PutTelemetryRecords, which have no resource-level permissions; AWS requires Resource "*".',
    });
  }

  /** Lets the function call exactly these DynamoDB actions on this table (not its indexes or streams). */
  grantTable(table: ITable, actions: readonly DynamoDbAction[]): void {
    if (actions.length === 0) return;
    this.role.addToPrincipalPolicy(new PolicyStatement({ actions: actions.map((a) => `dynamodb:${a}`), resources: [table.tableArn] }));
  }
}
