import { ArnFormat, Stack, Validations } from 'aws-cdk-lib';
import { Policy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { DefinitionBody, LogLevel, StateMachine, type IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import type { CompiledWorkflow } from '../lib/builder/compiled-workflow';
import type { Workflow } from '../lib/builder/workflow';
import type { TableAccess, TableSpec } from '../lambdas/shared/table-spec';
import { ActivityFunction } from './activity-function';
import { ActivityTable } from './activity-table';
import { wildcardResourceFinding } from './nag-finding';
import { taskIntegrations } from './task-integrations';

export interface WorkflowStateMachineProps {
  /** A builder workflow, e.g. `OrderSaga` from workflows/. */
  workflow: Workflow;
  /** The tables its activities keep state in, created here. @default none */
  tables?: Record<string, TableSpec>;
  /**
   * For every activity of the workflow: the tables it touches and the DynamoDB actions it calls.
   * Each function gets exactly these grants and the environment variables of exactly these tables.
   * @default every activity touches no table
   */
  access?: Record<string, TableAccess>;
  /** The state machines of the workflows this one starts with `startWorkflow()`, by workflow name. @default none */
  subWorkflows?: Record<string, IStateMachine>;
  /** Where the activities' `entry` paths and package-lock.json are. @default process.cwd() */
  projectRoot?: string;
  /** Retention of the state machine's and the functions' logs. @default one month */
  logRetention?: RetentionDays;
}

/**
 * Deploys one builder workflow: a Lambda function per activity, the DynamoDB tables they use,
 * and the state machine from the compiled ASL, its `${…}` placeholders filled through
 * DefinitionSubstitutions. The state machine's role may invoke only this workflow's functions
 * and start only the workflows it names (or itself, to continue as new); it logs every event to
 * its own log group and traces with X-Ray.
 */
export class WorkflowStateMachine extends Construct {
  readonly compiled: CompiledWorkflow;
  readonly stateMachine: StateMachine;
  readonly logGroup: LogGroup;
  /** By activity name. */
  readonly functions: Record<string, ActivityFunction> = {};
  /** By table name (the keys of `tables`). */
  readonly tables: Record<string, ActivityTable> = {};

  constructor(scope: Construct, id: string, props: WorkflowStateMachineProps) {
    super(scope, id);
    const compiled = (this.compiled = props.workflow.compile());
    const where = `WorkflowStateMachine ${this.node.path} (${compiled.name})`;
    const projectRoot = props.projectRoot ?? process.cwd();
    const logRetention = props.logRetention ?? RetentionDays.ONE_MONTH;
    const specs = props.tables ?? {};
    const access = props.access ?? {};

    const names = compiled.activities.map((a) => a.name);
    const unknown = Object.keys(access).filter((a) => !names.includes(a));
    if (unknown.length) throw new Error(`${where}: access names activities the workflow does not have: ${unknown.join(', ')} (it has ${names.join(', ')})`);

    for (const [name, spec] of Object.entries(specs)) this.tables[name] = new ActivityTable(this, `${name}Table`, { spec });
    for (const activity of compiled.activities) {
      const grants = Object.entries(access[activity.name] ?? {}) as [string, TableAccess[string]][];
      const missing = grants.filter(([table]) => !this.tables[table]).map(([table]) => table);
      if (missing.length) throw new Error(`${where}: ${activity.name} uses tables that are not declared: ${missing.join(', ')}`);
      const environment = Object.fromEntries(grants.map(([table]) => [specs[table].env, this.tables[table].table.tableName]));
      const fn = new ActivityFunction(this, activity.name, { activity, projectRoot, environment, logRetention });
      for (const [table, actions] of grants) fn.grantTable(this.tables[table].table, actions ?? []);
      this.functions[activity.name] = fn;
    }

    const substitutions: Record<string, string> = {};
    for (const a of compiled.activities) substitutions[a.placeholder] = this.functions[a.name].function.functionArn;
    for (const sub of compiled.subWorkflows) {
      const child = props.subWorkflows?.[sub.name];
      if (!child) throw new Error(`${where}: it starts the workflow ${sub.name}; pass its state machine as subWorkflows.${sub.name}`);
      substitutions[sub.placeholder] = child.stateMachineArn;
    }
    const definition = JSON.stringify(compiled.definition);
    const unfilled = [...definition.matchAll(/\$\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]).filter((p) => !(p in substitutions));
    if (unfilled.length) throw new Error(`${where}: no substitution for ${[...new Set(unfilled)].map((p) => `\${${p}}`).join(', ')}`);

    this.logGroup = new LogGroup(this, 'Logs', {
      // The /aws/vendedlogs/ prefix keeps CloudWatch Logs' resource policy small however many state machines log.
      logGroupName: `/aws/vendedlogs/states/${Stack.of(this).stackName}-${compiled.name}`,
      retention: logRetention,
    });
    this.stateMachine = new StateMachine(this, 'StateMachine', {
      definitionBody: DefinitionBody.fromString(definition),
      definitionSubstitutions: substitutions,
      comment: compiled.definition.Comment,
      tracingEnabled: true,
      // Execution data stays out of the logs: inputs carry card numbers and task tokens. The history keeps it.
      logs: { destination: this.logGroup, level: LogLevel.ALL, includeExecutionData: false },
    });
    this.grantIntegrations(where, props.subWorkflows ?? {});
    Validations.of(this.stateMachine.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'X-Ray tracing (xray:PutTraceSegments, PutTelemetryRecords, GetSamplingRules, GetSamplingTargets) and CloudWatch Logs delivery (logs:CreateLogDelivery and friends) have no resource-level permissions; AWS requires Resource "*".',
    });
  }

  private grantIntegrations(where: string, subWorkflows: Record<string, IStateMachine>): void {
    const integrations = taskIntegrations(this.compiled.definition);
    const byPlaceholder = new Map(this.compiled.activities.map((a) => [a.placeholder, a.name]));
    const byChild = new Map(this.compiled.subWorkflows.map((s) => [s.placeholder, s.name]));

    const functions = new Set<string>();
    for (const i of integrations) {
      if (i.kind !== 'lambda') continue;
      const activity = byPlaceholder.get(i.placeholder);
      if (!activity) throw new Error(`${where}: state ${i.state} invokes \${${i.placeholder}}, which is not one of its activities`);
      functions.add(activity);
    }
    if (functions.size) {
      this.stateMachine.addToRolePolicy(new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [...functions].map((a) => this.functions[a].function.functionArn) }));
    }

    const stack = Stack.of(this);
    const selfStarts = integrations.filter((i) => i.kind === 'startExecution' && i.target === 'self');
    for (const i of integrations) {
      if (i.kind !== 'startExecution' || i.target === 'self') continue;
      const childName = byChild.get(i.target.placeholder);
      const child = childName ? subWorkflows[childName] : undefined;
      if (!child) throw new Error(`${where}: state ${i.state} starts \${${i.target.placeholder}}, which is not one of its sub-workflows`);
      this.stateMachine.addToRolePolicy(new PolicyStatement({ actions: ['states:StartExecution'], resources: [child.stateMachineArn] }));
      if (i.pattern !== 'sync') continue;
      // .sync waits for the child: it reads (and on abort stops) the child's executions, through an EventBridge rule AWS manages.
      const childExecutions = stack.formatArn({ service: 'states', resource: 'execution', arnFormat: ArnFormat.COLON_RESOURCE_NAME, resourceName: `${stack.splitArn(child.stateMachineArn, ArnFormat.COLON_RESOURCE_NAME).resourceName}:*` });
      this.stateMachine.addToRolePolicy(new PolicyStatement({ actions: ['states:DescribeExecution', 'states:StopExecution'], resources: [childExecutions] }));
      this.stateMachine.addToRolePolicy(new PolicyStatement({
        actions: ['events:PutTargets', 'events:PutRule', 'events:DescribeRule'],
        resources: [stack.formatArn({ service: 'events', resource: 'rule', resourceName: 'StepFunctionsGetEventsForStepFunctionsExecutionRule' })],
      }));
      Validations.of(this.stateMachine.role).acknowledge({
        id: wildcardResourceFinding(this, childExecutions),
        reason: `Waiting for the ${childName} workflow (.sync) means describing and stopping its executions, whose names are only known at run time.`,
      });
    }
    if (selfStarts.length) {
      // Its own ARN cannot go into the role's default policy (the state machine depends on that policy), so a policy of its own.
      new Policy(this, 'ContinueAsNewPolicy', {
        roles: [this.stateMachine.role],
        statements: [new PolicyStatement({ actions: ['states:StartExecution'], resources: [this.stateMachine.stateMachineArn] })],
      });
    }
  }
}
