import { tmpdir } from 'node:os';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { activity, invoke, map, parallel, startWorkflow, workflow } from '../../lib/builder';
import type { StateMachineDefinition } from '../../lib/asl';
import { FanOut } from '../../workflows';
import { WorkflowStateMachine } from '../../constructs/workflow-state-machine';
import { taskIntegrations, UnsupportedIntegrationError } from '../../constructs/task-integrations';
import { ROOT } from './reference-app-fixture';

/** A stack for one test, without bundling (these tests read templates, not code). */
function testStack(): Stack {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  return new Stack(app, 'Test');
}

const Parent = workflow('Parent', () => startWorkflow('FanOut', { name: 'RunFanOut', input: { items: [] } }));

describe('a workflow that starts another (.sync:2)', () => {
  const stack = testStack();
  const child = new WorkflowStateMachine(stack, 'FanOut', { workflow: FanOut, projectRoot: ROOT });
  const parent = new WorkflowStateMachine(stack, 'Parent', { workflow: Parent, projectRoot: ROOT, subWorkflows: { FanOut: child.stateMachine } });
  const template = Template.fromStack(stack);
  const childId = stack.getLogicalId(child.stateMachine.node.defaultChild as never);
  const parentId = stack.getLogicalId(parent.stateMachine.node.defaultChild as never);
  const resources = template.toJSON().Resources;

  test('the child\'s placeholder is filled with its ARN', () => {
    expect(resources[parentId].Properties.DefinitionSubstitutions).toEqual({ FanOutStateMachineArn: { Ref: childId } });
    expect(resources[parentId].Properties.DefinitionString).toContain('"StateMachineArn":"${FanOutStateMachineArn}"');
  });

  test('the parent may start the child, follow and stop its executions, and nothing else of Step Functions', () => {
    const roleId = resources[parentId].Properties.RoleArn['Fn::GetAtt'][0];
    const statements = Object.values(template.findResources('AWS::IAM::Policy'))
      .filter((p) => JSON.stringify(p.Properties.Roles) === JSON.stringify([{ Ref: roleId }]))
      .flatMap((p) => p.Properties.PolicyDocument.Statement);
    const ofService = (prefix: string) => statements.filter((s: { Action: string | string[] }) => [s.Action].flat().some((a) => a.startsWith(prefix)));
    const executions = { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':states:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':execution:', { 'Fn::Select': [6, { 'Fn::Split': [':', { Ref: childId }] }] }, ':*']] };
    expect(ofService('states:')).toEqual([
      { Effect: 'Allow', Action: 'states:StartExecution', Resource: { Ref: childId } },
      { Effect: 'Allow', Action: ['states:DescribeExecution', 'states:StopExecution'], Resource: executions },
    ]);
    expect(ofService('events:')).toEqual([{
      Effect: 'Allow',
      Action: ['events:PutTargets', 'events:PutRule', 'events:DescribeRule'],
      Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':events:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':rule/StepFunctionsGetEventsForStepFunctionsExecutionRule']] },
    }]);
    expect(ofService('lambda:')).toEqual([]);
  });

  test('cdk-nag finds nothing: the child-execution wildcard is acknowledged by its exact finding id', () => {
    expect(new AwsSolutionsChecks().validateScope(stack).violations).toEqual([]);
  });
});

describe('mistakes are reported at synth, naming the construct', () => {
  test('a sub-workflow that is not passed in', () => {
    expect(() => new WorkflowStateMachine(testStack(), 'Parent', { workflow: Parent, projectRoot: ROOT }))
      .toThrow('WorkflowStateMachine Test/Parent (Parent): it starts the workflow FanOut; pass its state machine as subWorkflows.FanOut');
  });

  test('access for an activity the workflow does not have', () => {
    expect(() => new WorkflowStateMachine(testStack(), 'FanOut', { workflow: FanOut, projectRoot: ROOT, access: { ProcessItems: {} } }))
      .toThrow('WorkflowStateMachine Test/FanOut (FanOut): access names activities the workflow does not have: ProcessItems (it has ProcessItem, AggregateResults)');
  });

  test('an activity using a table that is not declared', () => {
    expect(() => new WorkflowStateMachine(testStack(), 'FanOut', { workflow: FanOut, projectRoot: ROOT, access: { ProcessItem: { Items: ['GetItem'] } } }))
      .toThrow('WorkflowStateMachine Test/FanOut (FanOut): ProcessItem uses tables that are not declared: Items');
  });

  test('a project without esbuild: sagaflow never falls back to Docker', () => {
    expect(() => new WorkflowStateMachine(testStack(), 'FanOut', { workflow: FanOut, projectRoot: tmpdir() }))
      .toThrow(/esbuild is not installed in .*: sagaflow bundles Lambda functions with local esbuild, never Docker/);
  });
});

describe('taskIntegrations: what a definition needs the role to allow', () => {
  const Step = activity<object, object>('Step', { entry: 'lambdas/fanout/process-item.ts' });
  test('tasks inside Parallel branches and Map bodies are found', () => {
    const w = workflow('Nested', () => parallel('Both', { branches: [invoke(Step, { name: 'A' }), map('Each', { itemsPath: '$.items', iterator: invoke(Step, { name: 'B' }) })] }));
    expect(taskIntegrations(w.compile().definition)).toEqual([
      { kind: 'lambda', state: 'A', placeholder: 'StepFunctionArn' },
      { kind: 'lambda', state: 'B', placeholder: 'StepFunctionArn' },
    ]);
  });

  const task = (state: object): StateMachineDefinition => ({ StartAt: 'T', States: { T: { Type: 'Task', End: true, ...state } as never } });
  test.each([
    [task({ Resource: 'arn:aws:states:::dynamodb:putItem', Parameters: {} }), 'state T uses arn:aws:states:::dynamodb:putItem, which has no least-privilege policy here yet'],
    [task({ Resource: 'arn:aws:states:::lambda:invoke', Parameters: { 'FunctionName.$': '$.fn' } }), 'state T invokes a Lambda function that is not an activity placeholder (FunctionName "$.fn")'],
    [task({ Resource: 'arn:aws:states:::states:startExecution', Parameters: { 'StateMachineArn.$': '$.arn' } }), 'state T starts a state machine chosen at run time; name it with a sub-workflow placeholder'],
    [{ StartAt: 'M', States: { M: { Type: 'Map', End: true, ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED' }, StartAt: 'P', States: { P: { Type: 'Pass', End: true } } } } } } as StateMachineDefinition,
      'state M is a Distributed Map, whose child executions have no least-privilege policy here yet'],
  ])('an integration without a known least-privilege policy fails loudly (%#)', (definition, message) => {
    expect(() => taskIntegrations(definition)).toThrow(new UnsupportedIntegrationError(message));
  });
});
