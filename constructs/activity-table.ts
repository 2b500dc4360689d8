import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import type { TableSpec } from '../lambdas/shared/table-spec';

export interface ActivityTableProps {
  spec: TableSpec;
  /** @default RemovalPolicy.RETAIN (a `cdk destroy` keeps the data) */
  removalPolicy?: RemovalPolicy;
}

/**
 * A table the activities keep state in: on-demand, encrypted with the AWS managed KMS key, with
 * point-in-time recovery. Only the partition key is declared; everything else is schemaless.
 */
export class ActivityTable extends Construct {
  readonly table: Table;

  constructor(scope: Construct, id: string, props: ActivityTableProps) {
    super(scope, id);
    this.table = new Table(this, 'Table', {
      partitionKey: { name: props.spec.partitionKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      encryption: TableEncryption.AWS_MANAGED,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    });
  }
}
