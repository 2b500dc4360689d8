import type { OperationName } from '../../runtime/step-functions-operations';
import type { Operation } from './operation';

/**
 * Every Step Functions operation the API serves, each loaded from its own file the first time it
 * is called, so that the server starts without reading them all. A new name in OperationName
 * breaks the build here until its operation exists.
 */
const loaders: { [K in OperationName]: () => Operation<K> } = {
  CreateActivity: () => (require('./create-activity') as typeof import('./create-activity')).createActivity,
  CreateStateMachine: () => (require('./create-state-machine') as typeof import('./create-state-machine')).createStateMachine,
  CreateStateMachineAlias: () => (require('./create-state-machine-alias') as typeof import('./create-state-machine-alias')).createStateMachineAlias,
  DeleteActivity: () => (require('./delete-activity') as typeof import('./delete-activity')).deleteActivity,
  DeleteStateMachine: () => (require('./delete-state-machine') as typeof import('./delete-state-machine')).deleteStateMachine,
  DeleteStateMachineAlias: () => (require('./delete-state-machine-alias') as typeof import('./delete-state-machine-alias')).deleteStateMachineAlias,
  DeleteStateMachineVersion: () => (require('./delete-state-machine-version') as typeof import('./delete-state-machine-version')).deleteStateMachineVersion,
  DescribeActivity: () => (require('./describe-activity') as typeof import('./describe-activity')).describeActivity,
  DescribeExecution: () => (require('./describe-execution') as typeof import('./describe-execution')).describeExecution,
  DescribeMapRun: () => (require('./describe-map-run') as typeof import('./describe-map-run')).describeMapRun,
  DescribeStateMachine: () => (require('./describe-state-machine') as typeof import('./describe-state-machine')).describeStateMachine,
  DescribeStateMachineAlias: () => (require('./describe-state-machine-alias') as typeof import('./describe-state-machine-alias')).describeStateMachineAlias,
  DescribeStateMachineForExecution: () => (require('./describe-state-machine-for-execution') as typeof import('./describe-state-machine-for-execution')).describeStateMachineForExecution,
  GetActivityTask: () => (require('./get-activity-task') as typeof import('./get-activity-task')).getActivityTask,
  GetExecutionHistory: () => (require('./get-execution-history') as typeof import('./get-execution-history')).getExecutionHistory,
  ListActivities: () => (require('./list-activities') as typeof import('./list-activities')).listActivities,
  ListExecutions: () => (require('./list-executions') as typeof import('./list-executions')).listExecutions,
  ListMapRuns: () => (require('./list-map-runs') as typeof import('./list-map-runs')).listMapRuns,
  ListStateMachineAliases: () => (require('./list-state-machine-aliases') as typeof import('./list-state-machine-aliases')).listStateMachineAliases,
  ListStateMachines: () => (require('./list-state-machines') as typeof import('./list-state-machines')).listStateMachines,
  ListStateMachineVersions: () => (require('./list-state-machine-versions') as typeof import('./list-state-machine-versions')).listStateMachineVersions,
  ListTagsForResource: () => (require('./list-tags-for-resource') as typeof import('./list-tags-for-resource')).listTagsForResource,
  PublishStateMachineVersion: () => (require('./publish-state-machine-version') as typeof import('./publish-state-machine-version')).publishStateMachineVersion,
  RedriveExecution: () => (require('./redrive-execution') as typeof import('./redrive-execution')).redriveExecution,
  SendTaskFailure: () => (require('./send-task-failure') as typeof import('./send-task-failure')).sendTaskFailure,
  SendTaskHeartbeat: () => (require('./send-task-heartbeat') as typeof import('./send-task-heartbeat')).sendTaskHeartbeat,
  SendTaskSuccess: () => (require('./send-task-success') as typeof import('./send-task-success')).sendTaskSuccess,
  StartExecution: () => (require('./start-execution') as typeof import('./start-execution')).startExecution,
  StartSyncExecution: () => (require('./start-sync-execution') as typeof import('./start-sync-execution')).startSyncExecution,
  StopExecution: () => (require('./stop-execution') as typeof import('./stop-execution')).stopExecution,
  TagResource: () => (require('./tag-resource') as typeof import('./tag-resource')).tagResource,
  TestState: () => (require('./test-state') as typeof import('./test-state')).testState,
  UntagResource: () => (require('./untag-resource') as typeof import('./untag-resource')).untagResource,
  UpdateMapRun: () => (require('./update-map-run') as typeof import('./update-map-run')).updateMapRun,
  UpdateStateMachine: () => (require('./update-state-machine') as typeof import('./update-state-machine')).updateStateMachine,
  UpdateStateMachineAlias: () => (require('./update-state-machine-alias') as typeof import('./update-state-machine-alias')).updateStateMachineAlias,
  ValidateStateMachineDefinition: () => (require('./validate-state-machine-definition') as typeof import('./validate-state-machine-definition')).validateStateMachineDefinition,
};

const loaded = new Map<OperationName, Operation<OperationName>>();

export function isOperationName(name: string): name is OperationName {
  return Object.hasOwn(loaders, name);
}

export function operationFor<K extends OperationName>(name: K): Operation<K> {
  let operation = loaded.get(name);
  if (!operation) loaded.set(name, (operation = loaders[name]() as Operation<OperationName>));
  return operation as Operation<K>;
}

/** The names the map covers (for the coverage test). */
export const servedOperationNames = Object.keys(loaders) as OperationName[];
