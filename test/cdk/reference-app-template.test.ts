import { AwsSolutionsChecks } from 'cdk-nag';
import { Match } from 'aws-cdk-lib/assertions';
import { ApprovalTableAccess, ApprovalTables, ApproveTableAccess } from '../../lambdas/approval/tables';
import { MonitorTableAccess, MonitorTables } from '../../lambdas/monitor/tables';
import { OrderTableAccess, OrderTables } from '../../lambdas/order/tables';
import type { TableAccess, TableSpec } from '../../lambdas/shared/table-spec';
import { Approval, FanOut, Monitor, OrderSaga } from '../../workflows';
import type { Workflow } from '../../lib/builder/workflow';
import { synthReferenceApp } from './reference-app-fixture';

type Resource = { Type: string; Properties: Record<string, unknown>; DependsOn?: string[] };
type Statement = { Effect: string; Action: string | string[]; Resource: unknown };

const { app, template } = synthReferenceApp();
const resources = template.toJSON().Resources as Record<string, Resource>;
const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
const byPrefix = (type: string, prefix: string) => {
  const found = ofType(type).filter(([id]) => id.startsWith(prefix));
  if (found.length !== 1) throw new Error(`expected one ${type} with logical id ${prefix}…, found ${found.map(([id]) => id).join(', ') || 'none'}`);
  return found[0];
};
const arnOf = (id: string) => ({ 'Fn::GetAtt': [id, 'Arn'] });
const actions = (s: Statement) => (Array.isArray(s.Action) ? s.Action : [s.Action]);
const resourcesOf = (s: Statement) => (Array.isArray(s.Resource) ? s.Resource : [s.Resource]);

/** Every statement of every policy attached to a role, plus its inline and managed policies. */
function roleStatements(roleId: string): Statement[] {
  const role = resources[roleId];
  expect(role.Properties.ManagedPolicyArns).toBeUndefined();
  expect(role.Properties.Policies).toBeUndefined();
  return ofType('AWS::IAM::Policy')
    .filter(([, p]) => (p.Properties.Roles as unknown[]).some((r) => JSON.stringify(r) === JSON.stringify({ Ref: roleId })))
    .flatMap(([, p]) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
}
const roleOfFunction = (fnId: string) => ((resources[fnId].Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0]);
const roleOfStateMachine = (smId: string) => ((resources[smId].Properties.RoleArn as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0]);

const apps: { workflow: Workflow; tables: Record<string, TableSpec>; access: Record<string, TableAccess> }[] = [
  { workflow: OrderSaga, tables: OrderTables, access: OrderTableAccess },
  { workflow: FanOut, tables: {}, access: {} },
  { workflow: Approval, tables: ApprovalTables, access: ApprovalTableAccess },
  { workflow: Monitor, tables: MonitorTables, access: MonitorTableAccess },
];

test('the stack holds the four orchestrations, their 14 activities plus the approve helper, 6 tables and the approval API', () => {
  template.resourceCountIs('AWS::StepFunctions::StateMachine', 4);
  template.resourceCountIs('AWS::Lambda::Function', 15);
  template.resourceCountIs('AWS::DynamoDB::Table', 6);
  template.resourceCountIs('AWS::ApiGatewayV2::Api', 1);
  // Logical ids say what a resource is, so the local service's names (<stack>-<logicalId>) do too.
  for (const name of ['OrderSaga', 'FanOut', 'Approval', 'Monitor']) byPrefix('AWS::StepFunctions::StateMachine', `${name}StateMachine`);
  for (const table of ['OrderSagaInventoryTable', 'OrderSagaReservationsTable', 'OrderSagaPaymentsTable', 'OrderSagaShipmentsTable', 'ApprovalApprovalsTable', 'MonitorAlertsTable']) byPrefix('AWS::DynamoDB::Table', table);
  byPrefix('AWS::Lambda::Function', 'ApprovalEndpointApproveFunction');
});

describe.each(apps)('$workflow.name', ({ workflow, tables, access }) => {
  const compiled = workflow.compile();
  const [smId, sm] = byPrefix('AWS::StepFunctions::StateMachine', `${compiled.name}StateMachine`);
  const fnIds = Object.fromEntries(compiled.activities.map((a) => [a.name, byPrefix('AWS::Lambda::Function', `${compiled.name}${a.name}Function`)[0]]));

  test('the definition is the compiled ASL, every placeholder filled with its own function\'s ARN', () => {
    const definition = sm.Properties.DefinitionString as string;
    expect(JSON.parse(definition)).toEqual(compiled.definition);
    const placeholders = [...new Set([...definition.matchAll(/\$\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]))].sort();
    expect(placeholders).toEqual(compiled.activities.map((a) => a.placeholder).sort());
    expect(sm.Properties.DefinitionSubstitutions).toEqual(Object.fromEntries(compiled.activities.map((a) => [a.placeholder, arnOf(fnIds[a.name])])));
  });

  test('the state machine may invoke exactly its own functions (and start only itself, where it continues as new)', () => {
    const statements = roleStatements(roleOfStateMachine(smId));
    const invoke = statements.filter((s) => actions(s).some((a) => a.startsWith('lambda:')));
    expect(invoke).toEqual([{ Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: Object.values(fnIds).map(arnOf) }]);
    const start = statements.filter((s) => actions(s).some((a) => a.startsWith('states:')));
    const continuesAsNew = JSON.stringify(compiled.definition).includes('$$.StateMachine.Id');
    expect(start).toEqual(continuesAsNew ? [{ Effect: 'Allow', Action: 'states:StartExecution', Resource: { Ref: smId } }] : []);
    // Everything else is tracing and log delivery, which AWS only grants on "*".
    const rest = statements.filter((s) => !invoke.includes(s) && !start.includes(s));
    expect(rest.flatMap(actions).every((a) => a.startsWith('xray:') || a.startsWith('logs:'))).toBe(true);
    expect(rest.flatMap(resourcesOf)).toEqual(rest.map(() => '*'));
  });

  test('it logs every event (without execution data) to its own log group with a retention, and traces with X-Ray', () => {
    expect(sm.Properties.TracingConfiguration).toEqual({ Enabled: true });
    const logging = sm.Properties.LoggingConfiguration as { Level: string; IncludeExecutionData: boolean; Destinations: { CloudWatchLogsLogGroup: { LogGroupArn: { 'Fn::GetAtt': [string, string] } } }[] };
    expect(logging).toMatchObject({ Level: 'ALL', IncludeExecutionData: false });
    const logGroup = resources[logging.Destinations[0].CloudWatchLogsLogGroup.LogGroupArn['Fn::GetAtt'][0]];
    expect(logGroup.Properties).toMatchObject({ LogGroupName: `/aws/vendedlogs/states/Sagaflow-${compiled.name}`, RetentionInDays: 30 });
  });

  test.each(compiled.activities.map((a) => [a.name]))('%s runs on the newest Node.js runtime, traced, logging to its own group, with the function timeout', (name) => {
    const fn = resources[fnIds[name]];
    const activity = compiled.activities.find((a) => a.name === name)!;
    expect(fn.Properties).toMatchObject({ Runtime: 'nodejs24.x', Handler: 'index.handler', Timeout: activity.timeoutSeconds, TracingConfig: { Mode: 'Active' } });
    const logGroupId = (fn.Properties.LoggingConfig as { LogGroup: { Ref: string } }).LogGroup.Ref;
    expect(resources[logGroupId].Properties.RetentionInDays).toBe(30);
  });

  test.each(compiled.activities.map((a) => [a.name]))('%s may touch only its own tables, with only the actions it uses', (name) => {
    const statements = roleStatements(roleOfFunction(fnIds[name]));
    const logGroupId = (resources[fnIds[name]].Properties.LoggingConfig as { LogGroup: { Ref: string } }).LogGroup.Ref;
    const expected: Statement[] = [
      { Effect: 'Allow', Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], Resource: '*' },
      { Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: arnOf(logGroupId) },
      ...Object.entries(access[name] ?? {}).map(([table, acts]) => ({
        Effect: 'Allow',
        Action: acts!.length === 1 ? `dynamodb:${acts![0]}` : acts!.map((a) => `dynamodb:${a}`),
        Resource: arnOf(byPrefix('AWS::DynamoDB::Table', `${compiled.name}${table}Table`)[0]),
      })),
    ];
    expect(statements).toEqual(expect.arrayContaining(expected));
    expect(statements).toHaveLength(expected.length);
    // Exactly the environment variables of its own tables (and source maps).
    const env = (resources[fnIds[name]].Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(Object.keys(env).sort()).toEqual(['NODE_OPTIONS', ...Object.keys(access[name] ?? {}).map((t) => tables[t].env)].sort());
  });
});

test.each(apps.flatMap(({ workflow, tables }) => Object.entries(tables).map(([table, spec]) => [`${workflow.name}${table}Table`, spec] as const)))(
  'table %s is encrypted, has point-in-time recovery, and the key its handlers use',
  (logicalPrefix, spec) => {
    const [, t] = byPrefix('AWS::DynamoDB::Table', logicalPrefix);
    expect(t.Properties).toEqual({
      KeySchema: [{ AttributeName: spec.partitionKey, KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: spec.partitionKey, AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
      // SSEEnabled alone is KMS with the AWS managed key (aws/dynamodb).
      SSESpecification: { SSEEnabled: true },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    });
  },
);

describe('the approval endpoint', () => {
  const [fnId] = byPrefix('AWS::Lambda::Function', 'ApprovalEndpointApproveFunction');
  const [approvalSm] = byPrefix('AWS::StepFunctions::StateMachine', 'ApprovalStateMachine');
  const [approvals] = byPrefix('AWS::DynamoDB::Table', 'ApprovalApprovalsTable');

  test('POST /approvals/{requestId} requires IAM (SigV4) authorization and goes to the approve helper', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'POST /approvals/{requestId}', AuthorizationType: 'AWS_IAM' });
    template.resourcePropertiesCountIs('AWS::ApiGatewayV2::Route', {}, 1);
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', { IntegrationType: 'AWS_PROXY', IntegrationUri: arnOf(fnId), PayloadFormatVersion: '2.0' });
  });

  test('the stage logs every request and is throttled', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('"caller":"\\$context.identity.userArn"') },
      DefaultRouteSettings: { ThrottlingRateLimit: 10, ThrottlingBurstLimit: 20 },
    });
  });

  test('the helper may complete only the approval state machine\'s tasks, and read and update only the approvals table', () => {
    const statements = roleStatements(roleOfFunction(fnId));
    expect(statements).toEqual(expect.arrayContaining([
      { Effect: 'Allow', Action: ['states:SendTaskSuccess', 'states:SendTaskFailure'], Resource: { Ref: approvalSm } },
      { Effect: 'Allow', Action: ApproveTableAccess.Approvals!.map((a) => `dynamodb:${a}`), Resource: arnOf(approvals) },
    ]));
    expect(statements).toHaveLength(4);
    expect(resources[fnId].Properties.Environment).toEqual({ Variables: { NODE_OPTIONS: '--enable-source-maps', APPROVALS_TABLE: { Ref: approvals } } });
  });

  test('without the HTTP API (for LocalStack) the approve helper is still deployed, and the rest is unchanged', () => {
    const { template: without } = synthReferenceApp({ approvalHttpApi: false });
    without.resourceCountIs('AWS::ApiGatewayV2::Api', 0);
    without.resourceCountIs('AWS::ApiGatewayV2::Route', 0);
    without.resourceCountIs('AWS::Lambda::Function', 15);
    without.resourceCountIs('AWS::StepFunctions::StateMachine', 4);
    expect(Object.keys(without.findOutputs('*')).sort()).toEqual(Object.keys(template.findOutputs('*')).filter((k) => k !== 'ApprovalUrl').sort());
    expect(Object.keys(without.findOutputs('*'))).toContain('ApproveFunctionName');
  });
});

test('cdk-nag\'s AwsSolutions checks find nothing (every acknowledgement is justified in the constructs)', () => {
  const report = new AwsSolutionsChecks().validateScope(app);
  expect(report.violations).toEqual([]);
  expect(report.success).toBe(true);
});
