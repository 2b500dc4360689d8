import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCloudAssembly, AssemblyError } from '../../lib/local/cloud-assembly';
import { loadLocalApp } from '../../lib/local/local-app';
import { resolve, UnresolvableError } from '../../lib/local/cfn-resolver';

/** A cloud assembly shaped like CDK's output: manifest, template, bundled asset folder. */
function writeAssembly(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sagaflow-assembly-'));
  mkdirSync(join(dir, 'asset.abc123'));
  writeFileSync(join(dir, 'asset.abc123', 'index.js'), 'exports.handler = async () => ({ ok: true });');
  const template = {
    Conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'AWS::AccountId' }, '999999999999'] } },
    Resources: {
      OrdersTable1A2B: {
        Type: 'AWS::DynamoDB::Table',
        Properties: {
          KeySchema: [{ AttributeName: 'orderId', KeyType: 'HASH' }],
          AttributeDefinitions: [{ AttributeName: 'orderId', AttributeType: 'S' }],
        },
      },
      ReserveFn9F8E: {
        Type: 'AWS::Lambda::Function',
        Metadata: { 'aws:asset:path': 'asset.abc123', 'aws:asset:property': 'Code' },
        Properties: {
          Handler: 'index.handler',
          Timeout: 10,
          Environment: { Variables: { ORDERS_TABLE: { Ref: 'OrdersTable1A2B' }, REGION: { Ref: 'AWS::Region' }, NAMED: { Ref: 'NamedTable' }, JOBS_URL: { Ref: 'Jobs' }, JOBS_ARN: { 'Fn::GetAtt': ['Jobs', 'Arn'] }, EXTRA: { 'Fn::If': ['IsProd', 'yes', { Ref: 'AWS::NoValue' }] } } },
        },
      },
      SagaRole77: { Type: 'AWS::IAM::Role', Properties: {} },
      // Named from a pseudo parameter, and an SQS queue the function is told about.
      NamedTable: { Type: 'AWS::DynamoDB::Table', Properties: { TableName: { 'Fn::Sub': '${AWS::StackName}-named' }, KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }] } },
      Jobs: { Type: 'AWS::SQS::Queue', Properties: {} },
      // Exists only in production: not created locally.
      ProdOnlyTable: { Type: 'AWS::DynamoDB::Table', Condition: 'IsProd', Properties: { KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }] } },
      SagaStateMachine55: {
        Type: 'AWS::StepFunctions::StateMachine',
        Properties: {
          RoleArn: { 'Fn::GetAtt': ['SagaRole77', 'Arn'] },
          DefinitionString: {
            'Fn::Join': ['', ['{"StartAt":"Reserve","States":{"Reserve":{"Type":"Task","Resource":"', { 'Fn::GetAtt': ['ReserveFn9F8E', 'Arn'] }, '","Next":"Call"},"Call":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"${ReserveArn}"},"End":true}}}']],
          },
          DefinitionSubstitutions: { ReserveArn: { 'Fn::GetAtt': ['ReserveFn9F8E', 'Arn'] } },
        },
      },
    },
  };
  writeFileSync(join(dir, 'App.template.json'), JSON.stringify(template));
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({ artifacts: { App: { type: 'aws:cloudformation:stack', properties: { templateFile: 'App.template.json', stackName: 'App' } }, Tree: { type: 'cdk:tree' } } }),
  );
  return dir;
}

describe('loading a CDK cloud assembly for the local service', () => {
  const dir = writeAssembly();
  const app = loadLocalApp(dir, readCloudAssembly(dir), { region: 'eu-west-1', accountId: '111122223333' });

  test('state machines get local ARNs and their definitions are fully resolved', () => {
    expect(app.stateMachines).toHaveLength(1);
    const sm = app.stateMachines[0];
    expect(sm).toMatchObject({ name: 'App-SagaStateMachine55', arn: 'arn:aws:states:eu-west-1:111122223333:stateMachine:App-SagaStateMachine55', type: 'STANDARD', roleArn: 'arn:aws:iam::111122223333:role/App-SagaRole77' });
    const def = JSON.parse(sm.definition);
    expect(def.States.Reserve.Resource).toBe('arn:aws:lambda:eu-west-1:111122223333:function:App-ReserveFn9F8E');
    expect(def.States.Call.Parameters.FunctionName).toBe('arn:aws:lambda:eu-west-1:111122223333:function:App-ReserveFn9F8E');
  });

  test('functions run from their bundled asset with resolved environment variables', () => {
    expect(app.functions).toEqual([
      {
        logicalId: 'ReserveFn9F8E',
        functionName: 'App-ReserveFn9F8E',
        arn: 'arn:aws:lambda:eu-west-1:111122223333:function:App-ReserveFn9F8E',
        modulePath: join(dir, 'asset.abc123', 'index.js'),
        handlerName: 'handler',
        timeoutSeconds: 10,
        memorySize: 128,
        environment: {
          ORDERS_TABLE: 'App-OrdersTable1A2B',
          REGION: 'eu-west-1',
          NAMED: 'App-named',
          JOBS_URL: 'https://sqs.eu-west-1.amazonaws.com/111122223333/App-Jobs',
          JOBS_ARN: 'arn:aws:sqs:eu-west-1:111122223333:App-Jobs',
        },
      },
    ]);
  });

  test('tables keep their key schema and get deterministic names; a table whose condition does not hold is not created', () => {
    expect(app.tables.map((t) => t.name)).toEqual(['App-OrdersTable1A2B', 'App-named']);
    expect(app.tables.slice(0, 1)).toEqual([
      {
        logicalId: 'OrdersTable1A2B',
        name: 'App-OrdersTable1A2B',
        keySchema: [{ AttributeName: 'orderId', KeyType: 'HASH' }],
        attributeDefinitions: [{ AttributeName: 'orderId', AttributeType: 'S' }],
        globalSecondaryIndexes: undefined,
      },
    ]);
  });

  test('a folder without manifest.json is a clear error', () => {
    expect(() => readCloudAssembly(tmpdir() + '/definitely-not-an-assembly')).toThrow(AssemblyError);
  });
});

describe('CloudFormation intrinsics', () => {
  const ctx = { region: 'us-east-1', accountId: '123456789012', stackName: 'S', resources: { T: { ref: 'table-t', attributes: { Arn: 'arn:t' } } } };
  test.each([
    [{ 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${T}-${AWS::Region}' }, 'arn:aws:s3:::table-t-us-east-1'],
    [{ 'Fn::Sub': ['${X}/${T.Arn}', { X: { Ref: 'AWS::AccountId' } }] }, '123456789012/arn:t'],
    [{ 'Fn::Select': [1, { 'Fn::Split': [',', 'a,b,c'] }] }, 'b'],
    [{ 'Fn::Join': ['-', ['a', { Ref: 'T' }]] }, 'a-table-t'],
    [{ nested: [{ Ref: 'T' }] }, { nested: ['table-t'] }],
  ])('%j resolves to %j', (input, expected) => {
    expect(resolve(input, ctx)).toEqual(expected);
  });

  test('a reference to an unknown resource names it', () => {
    expect(() => resolve({ Ref: 'Nope' }, ctx)).toThrow(new UnresolvableError("Ref to unknown resource or parameter 'Nope'"));
  });
});
