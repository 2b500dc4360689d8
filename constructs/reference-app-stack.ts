import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { ApprovalTableAccess, ApprovalTables, ApproveTableAccess } from '../lambdas/approval/tables';
import { MonitorTableAccess, MonitorTables } from '../lambdas/monitor/tables';
import { OrderTableAccess, OrderTables } from '../lambdas/order/tables';
import { Approval, FanOut, Monitor, OrderSaga } from '../workflows';
import { ApprovalEndpoint } from './approval-endpoint';
import { WorkflowStateMachine } from './workflow-state-machine';

export interface ReferenceAppStackProps extends StackProps {
  /** The sagaflow project (lambdas/, package-lock.json). */
  projectRoot: string;
  /** The HTTP API in front of the approve helper (the helper itself is always deployed). LocalStack's free edition has no HTTP APIs. @default true */
  approvalHttpApi?: boolean;
}

/**
 * The reference app in one stack: the four orchestrations (OrderSaga, FanOut, Approval, Monitor)
 * with their functions and tables, and the approval endpoint (the approve helper and its HTTP API). Construct ids become logical ids,
 * so resources read as e.g. `OrderSagaStateMachine…` and `OrderSagaInventoryTable…`.
 */
export class ReferenceAppStack extends Stack {
  readonly orderSaga: WorkflowStateMachine;
  readonly fanOut: WorkflowStateMachine;
  readonly approval: WorkflowStateMachine;
  readonly monitor: WorkflowStateMachine;
  readonly approvalEndpoint: ApprovalEndpoint;

  constructor(scope: Construct, id: string, props: ReferenceAppStackProps) {
    super(scope, id, props);
    const { projectRoot } = props;
    this.orderSaga = new WorkflowStateMachine(this, 'OrderSaga', { workflow: OrderSaga, tables: OrderTables, access: OrderTableAccess, projectRoot });
    this.fanOut = new WorkflowStateMachine(this, 'FanOut', { workflow: FanOut, projectRoot });
    this.approval = new WorkflowStateMachine(this, 'Approval', { workflow: Approval, tables: ApprovalTables, access: ApprovalTableAccess, projectRoot });
    this.monitor = new WorkflowStateMachine(this, 'Monitor', { workflow: Monitor, tables: MonitorTables, access: MonitorTableAccess, projectRoot });
    this.approvalEndpoint = new ApprovalEndpoint(this, 'ApprovalEndpoint', {
      stateMachine: this.approval.stateMachine,
      tables: { Approvals: { table: this.approval.tables.Approvals.table, spec: ApprovalTables.Approvals } },
      access: ApproveTableAccess,
      projectRoot,
      httpApi: props.approvalHttpApi ?? true,
    });

    for (const w of [this.orderSaga, this.fanOut, this.approval, this.monitor]) {
      new CfnOutput(this, `${w.compiled.name}StateMachineArn`, { value: w.stateMachine.stateMachineArn });
    }
    new CfnOutput(this, 'InventoryTableName', { value: this.orderSaga.tables.Inventory.table.tableName });
    new CfnOutput(this, 'ApprovalsTableName', { value: this.approval.tables.Approvals.table.tableName });
    new CfnOutput(this, 'AlertsTableName', { value: this.monitor.tables.Alerts.table.tableName });
    new CfnOutput(this, 'ApproveFunctionName', { value: this.approvalEndpoint.approve.function.functionName, description: 'Invoke with {requestId, decision, reason?, approver?}' });
    if (this.approvalEndpoint.url) new CfnOutput(this, 'ApprovalUrl', { value: this.approvalEndpoint.url, description: 'POST {decision, reason?} here, signed with SigV4 (service execute-api)' });
  }
}
