import {
  CreateStateMachineAliasCommand,
  DeleteStateMachineCommand,
  DeleteStateMachineVersionCommand,
  DescribeExecutionCommand,
  DescribeStateMachineCommand,
  DescribeStateMachineForExecutionCommand,
  PublishStateMachineVersionCommand,
  StartExecutionCommand,
  StopExecutionCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateStateMachineCommand,
} from '@aws-sdk/client-sfn';
import { passWith, recordedService } from './recorded-service';

// Which members each answer carries, no more and no fewer, as the recordings on AWS show them
// (localstack's test_sfn_api, test_sfn_api_versioning, test_sfn_api_aliasing, test_sfn_api_tagging
// and test_sfn_api_variable_references snapshots; where an older recording lacks a member a newer
// one shows, such as encryptionConfiguration from 2024 on, the newer decides).

const { send, create, finished } = recordedService();
const members = (answer: object) => Object.keys(answer).filter((k) => k !== '$metadata').sort();
const WAIT = JSON.stringify({ StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 60, End: true } } });

test('create, start, stop, update, publish, alias, tag, untag and delete answer with exactly their recorded members', async () => {
  const created = await create('shapes', WAIT);
  expect(members(created)).toEqual(['creationDate', 'stateMachineArn']);
  const published = await create('shapes-published', WAIT, { publish: true });
  expect(members(published)).toEqual(['creationDate', 'stateMachineArn', 'stateMachineVersionArn']);
  const started = await send(new StartExecutionCommand({ stateMachineArn: created.stateMachineArn }));
  expect(members(started)).toEqual(['executionArn', 'startDate']);
  expect(members(await send(new StopExecutionCommand({ executionArn: started.executionArn })))).toEqual(['stopDate']);
  expect(members(await send(new UpdateStateMachineCommand({ stateMachineArn: created.stateMachineArn, definition: passWith('R1') })))).toEqual(['revisionId', 'updateDate']);
  expect(members(await send(new UpdateStateMachineCommand({ stateMachineArn: created.stateMachineArn, definition: passWith('R2'), publish: true })))).toEqual(['revisionId', 'stateMachineVersionArn', 'updateDate']);
  expect(members(await send(new PublishStateMachineVersionCommand({ stateMachineArn: published.stateMachineArn, description: 'd' })))).toEqual(['creationDate', 'stateMachineVersionArn']);
  expect(members(await send(new CreateStateMachineAliasCommand({ name: 'live', routingConfiguration: [{ stateMachineVersionArn: published.stateMachineVersionArn, weight: 100 }] })))).toEqual([
    'creationDate',
    'stateMachineAliasArn',
  ]);
  expect(members(await send(new TagResourceCommand({ resourceArn: created.stateMachineArn, tags: [{ key: 'k', value: 'v' }] })))).toEqual([]);
  expect(members(await send(new UntagResourceCommand({ resourceArn: created.stateMachineArn, tagKeys: ['k'] })))).toEqual([]);
  expect(members(await send(new DeleteStateMachineVersionCommand({ stateMachineVersionArn: `${created.stateMachineArn}:1` })))).toEqual([]);
  expect(members(await send(new DeleteStateMachineCommand({ stateMachineArn: created.stateMachineArn })))).toEqual([]);
});

test('DescribeStateMachine, DescribeStateMachineForExecution and DescribeExecution of a plain machine carry exactly their recorded members', async () => {
  const { stateMachineArn } = await create('shapes-described');
  expect(members(await send(new DescribeStateMachineCommand({ stateMachineArn })))).toEqual([
    'creationDate',
    'definition',
    'encryptionConfiguration',
    'loggingConfiguration',
    'name',
    'roleArn',
    'stateMachineArn',
    'status',
    'tracingConfiguration',
    'type',
  ]);
  const { executionArn } = await send(new StartExecutionCommand({ stateMachineArn }));
  await finished(executionArn!);
  expect(members(await send(new DescribeStateMachineForExecutionCommand({ executionArn })))).toEqual([
    'definition',
    'encryptionConfiguration',
    'loggingConfiguration',
    'name',
    'roleArn',
    'stateMachineArn',
    'tracingConfiguration',
    'updateDate',
  ]);
  expect(members(await send(new DescribeExecutionCommand({ executionArn })))).toEqual([
    'executionArn',
    'input',
    'inputDetails',
    'name',
    'output',
    'outputDetails',
    'redriveCount',
    'redriveStatus',
    'redriveStatusReason',
    'startDate',
    'stateMachineArn',
    'status',
    'stopDate',
  ]);
});
