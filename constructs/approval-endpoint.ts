import { HttpApi, HttpMethod, HttpStage, LogGroupLogDestination, type HttpRoute } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpIamAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, type Grant, type IGrantable } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import type { TableAccess, TableSpec } from '../lambdas/shared/table-spec';
import { ActivityFunction } from './activity-function';

export interface ApprovalEndpointProps {
  /** The approval workflow's state machine: the only one whose tasks the helper may complete. */
  stateMachine: IStateMachine;
  /** The approvals table, by the name the helper's access list uses. */
  tables: Record<string, { table: ITable; spec: TableSpec }>;
  /** What the helper may do to which table. */
  access: TableAccess;
  /** Where `entry` and package-lock.json are. @default process.cwd() */
  projectRoot?: string;
  /** @default lambdas/approval/approve.ts */
  entry?: string;
  /** @default one month */
  logRetention?: RetentionDays;
  /**
   * The HTTP API in front of the helper. Without it the helper is still deployed, to be invoked
   * directly (LocalStack's free edition has no HTTP APIs). @default true
   */
  httpApi?: boolean;
}

/**
 * `POST /approvals/{requestId}` with `{decision: 'approve'|'reject', reason?, approver?}`: an API
 * Gateway HTTP API in front of the approve helper, which completes the waiting task by request id.
 *
 * Authorization is IAM (SigV4): approvers are people and tools that already hold AWS credentials,
 * so IAM needs no identity provider to run, the caller's ARN is recorded as the approver, and who
 * may decide is an ordinary IAM grant (`grantDecide`). A JWT authorizer would suit an app whose
 * approvers sign in through an OIDC provider; the reference app has none.
 */
export class ApprovalEndpoint extends Construct {
  readonly approve: ActivityFunction;
  /** Absent when `httpApi` is false. */
  readonly api?: HttpApi;
  readonly route?: HttpRoute;
  readonly url?: string;

  constructor(scope: Construct, id: string, props: ApprovalEndpointProps) {
    super(scope, id);
    const logRetention = props.logRetention ?? RetentionDays.ONE_MONTH;
    const grants = Object.entries(props.access) as [string, TableAccess[string]][];
    const environment = Object.fromEntries(grants.map(([name]) => [props.tables[name].spec.env, props.tables[name].table.tableName]));
    this.approve = new ActivityFunction(this, 'Approve', {
      activity: { name: 'Approve', entry: props.entry ?? 'lambdas/approval/approve.ts', handler: 'handler', timeoutSeconds: 10 },
      projectRoot: props.projectRoot ?? process.cwd(),
      environment,
      logRetention,
    });
    for (const [name, actions] of grants) this.approve.grantTable(props.tables[name].table, actions ?? []);
    // Task tokens are scoped to the state machine that issued them.
    this.approve.role.addToPrincipalPolicy(new PolicyStatement({ actions: ['states:SendTaskSuccess', 'states:SendTaskFailure'], resources: [props.stateMachine.stateMachineArn] }));
    if (props.httpApi === false) return;

    this.api = new HttpApi(this, 'Api', { description: 'Decide pending approvals by request id', createDefaultStage: false });
    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: logRetention });
    const stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: 10, burstLimit: 20 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(JSON.stringify({
          requestId: '$context.requestId',
          time: '$context.requestTime',
          caller: '$context.identity.userArn',
          sourceIp: '$context.identity.sourceIp',
          route: '$context.routeKey',
          status: '$context.status',
          integrationError: '$context.integrationErrorMessage',
        })),
      },
    });
    [this.route] = this.api.addRoutes({
      path: '/approvals/{requestId}',
      methods: [HttpMethod.POST],
      integration: new HttpLambdaIntegration('ApproveIntegration', this.approve.function),
      authorizer: new HttpIamAuthorizer(),
    });
    this.url = `${stage.url}approvals/{requestId}`;
  }

  /** Lets a principal (an approver's role or user) decide approvals through the endpoint. */
  grantDecide(grantee: IGrantable): Grant {
    if (!this.route) throw new Error(`${this.node.path} has no HTTP API (httpApi: false); grant lambda:InvokeFunction on the helper instead`);
    return this.route.grantInvoke(grantee);
  }
}
