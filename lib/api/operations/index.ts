import type { OperationName } from '../../runtime/step-functions-operations';
import { createActivity } from './create-activity';
import { createStateMachine } from './create-state-machine';
import { createStateMachineAlias } from './create-state-machine-alias';
import { deleteActivity } from './delete-activity';
import { deleteStateMachine } from './delete-state-machine';
import { deleteStateMachineAlias } from './delete-state-machine-alias';
import { deleteStateMachineVersion } from './delete-state-machine-version';
import { describeActivity } from './describe-activity';
import { describeExecution } from './describe-execution';
import { describeMapRun } from './describe-map-run';
import { describeStateMachine } from './describe-state-machine';
import { describeStateMachineAlias } from './describe-state-machine-alias';
import { describeStateMachineForExecution } from './describe-state-machine-for-execution';
import { getActivityTask } from './get-activity-task';
import { getExecutionHistory } from './get-execution-history';
import { listActivities } from './list-activities';
import { listExecutions } from './list-executions';
import { listMapRuns } from './list-map-runs';
import { listStateMachineAliases } from './list-state-machine-aliases';
import { listStateMachines } from './list-state-machines';
import { listStateMachineVersions } from './list-state-machine-versions';
import { listTagsForResource } from './list-tags-for-resource';
import { publishStateMachineVersion } from './publish-state-machine-version';
import { redriveExecution } from './redrive-execution';
import { sendTaskFailure } from './send-task-failure';
import { sendTaskHeartbeat } from './send-task-heartbeat';
import { sendTaskSuccess } from './send-task-success';
import { startExecution } from './start-execution';
import { startSyncExecution } from './start-sync-execution';
import { stopExecution } from './stop-execution';
import { tagResource } from './tag-resource';
import { testState } from './test-state';
import { untagResource } from './untag-resource';
import { updateMapRun } from './update-map-run';
import { updateStateMachine } from './update-state-machine';
import { updateStateMachineAlias } from './update-state-machine-alias';
import { validateStateMachineDefinition } from './validate-state-machine-definition';
import type { Operation } from './operation';

/** Every Step Functions operation the API serves; a new one in OperationName breaks the build here. */
export const operations: { [K in OperationName]: Operation<K> } = {
  CreateActivity: createActivity,
  CreateStateMachine: createStateMachine,
  CreateStateMachineAlias: createStateMachineAlias,
  DeleteActivity: deleteActivity,
  DeleteStateMachine: deleteStateMachine,
  DeleteStateMachineAlias: deleteStateMachineAlias,
  DeleteStateMachineVersion: deleteStateMachineVersion,
  DescribeActivity: describeActivity,
  DescribeExecution: describeExecution,
  DescribeMapRun: describeMapRun,
  DescribeStateMachine: describeStateMachine,
  DescribeStateMachineAlias: describeStateMachineAlias,
  DescribeStateMachineForExecution: describeStateMachineForExecution,
  GetActivityTask: getActivityTask,
  GetExecutionHistory: getExecutionHistory,
  ListActivities: listActivities,
  ListExecutions: listExecutions,
  ListMapRuns: listMapRuns,
  ListStateMachineAliases: listStateMachineAliases,
  ListStateMachines: listStateMachines,
  ListStateMachineVersions: listStateMachineVersions,
  ListTagsForResource: listTagsForResource,
  PublishStateMachineVersion: publishStateMachineVersion,
  RedriveExecution: redriveExecution,
  SendTaskFailure: sendTaskFailure,
  SendTaskHeartbeat: sendTaskHeartbeat,
  SendTaskSuccess: sendTaskSuccess,
  StartExecution: startExecution,
  StartSyncExecution: startSyncExecution,
  StopExecution: stopExecution,
  TagResource: tagResource,
  TestState: testState,
  UntagResource: untagResource,
  UpdateMapRun: updateMapRun,
  UpdateStateMachine: updateStateMachine,
  UpdateStateMachineAlias: updateStateMachineAlias,
  ValidateStateMachineDefinition: validateStateMachineDefinition,
};
