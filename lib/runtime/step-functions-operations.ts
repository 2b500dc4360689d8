import type * as sfn from '@aws-sdk/client-sfn';

/**
 * The Step Functions operations, typed with the AWS SDK's own request and response shapes.
 * The runtime implements this port; the HTTP layer (lib/api) validates the wire request, calls the
 * operation and serialises the answer (Dates become AWS's epoch seconds). Domain failures are thrown
 * as ServiceError with AWS's error name, e.g. ExecutionDoesNotExist, InvalidArn, TaskDoesNotExist.
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_Operations.html
 */

type Output<T> = Omit<T, '$metadata'>;

export interface StepFunctionsOperations {
  CreateActivity(input: sfn.CreateActivityInput): Promise<Output<sfn.CreateActivityOutput>>;
  CreateStateMachine(input: sfn.CreateStateMachineInput): Promise<Output<sfn.CreateStateMachineOutput>>;
  CreateStateMachineAlias(input: sfn.CreateStateMachineAliasInput): Promise<Output<sfn.CreateStateMachineAliasOutput>>;
  DeleteActivity(input: sfn.DeleteActivityInput): Promise<Output<sfn.DeleteActivityOutput>>;
  DeleteStateMachine(input: sfn.DeleteStateMachineInput): Promise<Output<sfn.DeleteStateMachineOutput>>;
  DeleteStateMachineAlias(input: sfn.DeleteStateMachineAliasInput): Promise<Output<sfn.DeleteStateMachineAliasOutput>>;
  DeleteStateMachineVersion(input: sfn.DeleteStateMachineVersionInput): Promise<Output<sfn.DeleteStateMachineVersionOutput>>;
  DescribeActivity(input: sfn.DescribeActivityInput): Promise<Output<sfn.DescribeActivityOutput>>;
  DescribeExecution(input: sfn.DescribeExecutionInput): Promise<Output<sfn.DescribeExecutionOutput>>;
  DescribeMapRun(input: sfn.DescribeMapRunInput): Promise<Output<sfn.DescribeMapRunOutput>>;
  DescribeStateMachine(input: sfn.DescribeStateMachineInput): Promise<Output<sfn.DescribeStateMachineOutput>>;
  DescribeStateMachineAlias(input: sfn.DescribeStateMachineAliasInput): Promise<Output<sfn.DescribeStateMachineAliasOutput>>;
  DescribeStateMachineForExecution(input: sfn.DescribeStateMachineForExecutionInput): Promise<Output<sfn.DescribeStateMachineForExecutionOutput>>;
  GetActivityTask(input: sfn.GetActivityTaskInput): Promise<Output<sfn.GetActivityTaskOutput>>;
  GetExecutionHistory(input: sfn.GetExecutionHistoryInput): Promise<Output<sfn.GetExecutionHistoryOutput>>;
  ListActivities(input: sfn.ListActivitiesInput): Promise<Output<sfn.ListActivitiesOutput>>;
  ListExecutions(input: sfn.ListExecutionsInput): Promise<Output<sfn.ListExecutionsOutput>>;
  ListMapRuns(input: sfn.ListMapRunsInput): Promise<Output<sfn.ListMapRunsOutput>>;
  ListStateMachineAliases(input: sfn.ListStateMachineAliasesInput): Promise<Output<sfn.ListStateMachineAliasesOutput>>;
  ListStateMachines(input: sfn.ListStateMachinesInput): Promise<Output<sfn.ListStateMachinesOutput>>;
  ListStateMachineVersions(input: sfn.ListStateMachineVersionsInput): Promise<Output<sfn.ListStateMachineVersionsOutput>>;
  ListTagsForResource(input: sfn.ListTagsForResourceInput): Promise<Output<sfn.ListTagsForResourceOutput>>;
  PublishStateMachineVersion(input: sfn.PublishStateMachineVersionInput): Promise<Output<sfn.PublishStateMachineVersionOutput>>;
  RedriveExecution(input: sfn.RedriveExecutionInput): Promise<Output<sfn.RedriveExecutionOutput>>;
  SendTaskFailure(input: sfn.SendTaskFailureInput): Promise<Output<sfn.SendTaskFailureOutput>>;
  SendTaskHeartbeat(input: sfn.SendTaskHeartbeatInput): Promise<Output<sfn.SendTaskHeartbeatOutput>>;
  SendTaskSuccess(input: sfn.SendTaskSuccessInput): Promise<Output<sfn.SendTaskSuccessOutput>>;
  StartExecution(input: sfn.StartExecutionInput): Promise<Output<sfn.StartExecutionOutput>>;
  StartSyncExecution(input: sfn.StartSyncExecutionInput): Promise<Output<sfn.StartSyncExecutionOutput>>;
  StopExecution(input: sfn.StopExecutionInput): Promise<Output<sfn.StopExecutionOutput>>;
  TagResource(input: sfn.TagResourceInput): Promise<Output<sfn.TagResourceOutput>>;
  TestState(input: sfn.TestStateInput): Promise<Output<sfn.TestStateOutput>>;
  UntagResource(input: sfn.UntagResourceInput): Promise<Output<sfn.UntagResourceOutput>>;
  UpdateMapRun(input: sfn.UpdateMapRunInput): Promise<Output<sfn.UpdateMapRunOutput>>;
  UpdateStateMachine(input: sfn.UpdateStateMachineInput): Promise<Output<sfn.UpdateStateMachineOutput>>;
  UpdateStateMachineAlias(input: sfn.UpdateStateMachineAliasInput): Promise<Output<sfn.UpdateStateMachineAliasOutput>>;
  ValidateStateMachineDefinition(input: sfn.ValidateStateMachineDefinitionInput): Promise<Output<sfn.ValidateStateMachineDefinitionOutput>>;
}

export type OperationName = keyof StepFunctionsOperations;
export const OperationNames: readonly OperationName[] = [
  'CreateActivity',
  'CreateStateMachine',
  'CreateStateMachineAlias',
  'DeleteActivity',
  'DeleteStateMachine',
  'DeleteStateMachineAlias',
  'DeleteStateMachineVersion',
  'DescribeActivity',
  'DescribeExecution',
  'DescribeMapRun',
  'DescribeStateMachine',
  'DescribeStateMachineAlias',
  'DescribeStateMachineForExecution',
  'GetActivityTask',
  'GetExecutionHistory',
  'ListActivities',
  'ListExecutions',
  'ListMapRuns',
  'ListStateMachineAliases',
  'ListStateMachines',
  'ListStateMachineVersions',
  'ListTagsForResource',
  'PublishStateMachineVersion',
  'RedriveExecution',
  'SendTaskFailure',
  'SendTaskHeartbeat',
  'SendTaskSuccess',
  'StartExecution',
  'StartSyncExecution',
  'StopExecution',
  'TagResource',
  'TestState',
  'UntagResource',
  'UpdateMapRun',
  'UpdateStateMachine',
  'UpdateStateMachineAlias',
  'ValidateStateMachineDefinition',
];

/** A failure the service reports to the caller as `{"__type": code, "message": message}` (HTTP 400). */
export class ServiceError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}
