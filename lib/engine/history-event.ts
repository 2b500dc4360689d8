/**
 * Execution history events, spelled as AWS's GetExecutionHistory returns them.
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_HistoryEvent.html
 */

export interface DataDetails {
  truncated: boolean;
}
export interface ErrorDetails {
  error?: string;
  cause?: string;
}
export interface ResourceDetails {
  resourceType: string;
  resource: string;
}
export interface TaskCredentials {
  roleArn?: string;
}

export interface ExecutionStartedEventDetails {
  input?: string;
  inputDetails?: DataDetails;
  roleArn?: string;
  stateMachineAliasArn?: string;
  stateMachineVersionArn?: string;
}
export interface ExecutionSucceededEventDetails {
  output?: string;
  outputDetails?: DataDetails;
}
export interface ExecutionRedrivenEventDetails {
  redriveCount: number;
}
export interface StateEnteredEventDetails {
  name: string;
  input?: string;
  inputDetails?: DataDetails;
}
export interface StateExitedEventDetails {
  name: string;
  output?: string;
  outputDetails?: DataDetails;
  assignedVariables?: Record<string, string>;
  assignedVariablesDetails?: DataDetails;
}
export interface TaskScheduledEventDetails extends ResourceDetails {
  region: string;
  parameters: string;
  timeoutInSeconds?: number;
  heartbeatInSeconds?: number;
  taskCredentials?: TaskCredentials;
}
export type TaskStartedEventDetails = ResourceDetails;
export interface TaskOutputEventDetails extends ResourceDetails {
  output?: string;
  outputDetails?: DataDetails;
}
export type TaskErrorEventDetails = ResourceDetails & ErrorDetails;
export interface LambdaFunctionScheduledEventDetails {
  resource: string;
  input?: string;
  inputDetails?: DataDetails;
  timeoutInSeconds?: number;
  taskCredentials?: TaskCredentials;
}
export interface OutputEventDetails {
  output?: string;
  outputDetails?: DataDetails;
}
export interface ActivityScheduledEventDetails {
  resource: string;
  input?: string;
  inputDetails?: DataDetails;
  timeoutInSeconds?: number;
  heartbeatInSeconds?: number;
}
export interface ActivityStartedEventDetails {
  workerName?: string;
}
export interface MapStateStartedEventDetails {
  length?: number;
}
export interface MapIterationEventDetails {
  name?: string;
  index?: number;
}
export interface MapRunStartedEventDetails {
  mapRunArn?: string;
}
export interface MapRunRedrivenEventDetails {
  mapRunArn?: string;
  redriveCount?: number;
}
export interface EvaluationFailedEventDetails extends ErrorDetails {
  location?: string;
  state: string;
}

/** Which details field each event type carries; `{}` where AWS sends none. */
export interface EventDetailsByType {
  ActivityFailed: { activityFailedEventDetails: ErrorDetails };
  ActivityScheduleFailed: { activityScheduleFailedEventDetails: ErrorDetails };
  ActivityScheduled: { activityScheduledEventDetails: ActivityScheduledEventDetails };
  ActivityStarted: { activityStartedEventDetails: ActivityStartedEventDetails };
  ActivitySucceeded: { activitySucceededEventDetails: OutputEventDetails };
  ActivityTimedOut: { activityTimedOutEventDetails: ErrorDetails };
  ChoiceStateEntered: { stateEnteredEventDetails: StateEnteredEventDetails };
  ChoiceStateExited: { stateExitedEventDetails: StateExitedEventDetails };
  EvaluationFailed: { evaluationFailedEventDetails: EvaluationFailedEventDetails };
  ExecutionAborted: { executionAbortedEventDetails: ErrorDetails };
  ExecutionFailed: { executionFailedEventDetails: ErrorDetails };
  ExecutionRedriven: { executionRedrivenEventDetails: ExecutionRedrivenEventDetails };
  ExecutionStarted: { executionStartedEventDetails: ExecutionStartedEventDetails };
  ExecutionSucceeded: { executionSucceededEventDetails: ExecutionSucceededEventDetails };
  ExecutionTimedOut: { executionTimedOutEventDetails: ErrorDetails };
  FailStateEntered: { stateEnteredEventDetails: StateEnteredEventDetails };
  LambdaFunctionFailed: { lambdaFunctionFailedEventDetails: ErrorDetails };
  LambdaFunctionScheduleFailed: { lambdaFunctionScheduleFailedEventDetails: ErrorDetails };
  LambdaFunctionScheduled: { lambdaFunctionScheduledEventDetails: LambdaFunctionScheduledEventDetails };
  LambdaFunctionStartFailed: { lambdaFunctionStartFailedEventDetails: ErrorDetails };
  LambdaFunctionStarted: {};
  LambdaFunctionSucceeded: { lambdaFunctionSucceededEventDetails: OutputEventDetails };
  LambdaFunctionTimedOut: { lambdaFunctionTimedOutEventDetails: ErrorDetails };
  MapIterationAborted: { mapIterationAbortedEventDetails: MapIterationEventDetails };
  MapIterationFailed: { mapIterationFailedEventDetails: MapIterationEventDetails };
  MapIterationStarted: { mapIterationStartedEventDetails: MapIterationEventDetails };
  MapIterationSucceeded: { mapIterationSucceededEventDetails: MapIterationEventDetails };
  MapRunAborted: { mapRunFailedEventDetails?: ErrorDetails };
  MapRunFailed: { mapRunFailedEventDetails: ErrorDetails };
  MapRunRedriven: { mapRunRedrivenEventDetails: MapRunRedrivenEventDetails };
  MapRunStarted: { mapRunStartedEventDetails: MapRunStartedEventDetails };
  MapRunSucceeded: {};
  MapStateAborted: {};
  MapStateEntered: { stateEnteredEventDetails: StateEnteredEventDetails };
  MapStateExited: { stateExitedEventDetails: StateExitedEventDetails };
  MapStateFailed: {};
  MapStateStarted: { mapStateStartedEventDetails: MapStateStartedEventDetails };
  MapStateSucceeded: {};
  ParallelStateAborted: {};
  ParallelStateEntered: { stateEnteredEventDetails: StateEnteredEventDetails };
  ParallelStateExited: { stateExitedEventDetails: StateExitedEventDetails };
  ParallelStateFailed: {};
  ParallelStateStarted: {};
  ParallelStateSucceeded: {};
  PassStateEntered: { stateEnteredEventDetails: StateEnteredEventDetails };
  PassStateExited: { stateExitedEventDetails: StateExitedEventDetails };
  SucceedStateEntered: { stateEnteredEventDetails: StateEnteredEventDetails };
  SucceedStateExited: { stateExitedEventDetails: StateExitedEventDetails };
  TaskFailed: { taskFailedEventDetails: TaskErrorEventDetails };
  TaskScheduled: { taskScheduledEventDetails: TaskScheduledEventDetails };
  TaskStartFailed: { taskStartFailedEventDetails: TaskErrorEventDetails };
  TaskStarted: { taskStartedEventDetails: TaskStartedEventDetails };
  TaskStateAborted: {};
  TaskStateEntered: { stateEnteredEventDetails: StateEnteredEventDetails };
  TaskStateExited: { stateExitedEventDetails: StateExitedEventDetails };
  TaskSubmitFailed: { taskSubmitFailedEventDetails: TaskErrorEventDetails };
  TaskSubmitted: { taskSubmittedEventDetails: TaskOutputEventDetails };
  TaskSucceeded: { taskSucceededEventDetails: TaskOutputEventDetails };
  TaskTimedOut: { taskTimedOutEventDetails: TaskErrorEventDetails };
  WaitStateAborted: {};
  WaitStateEntered: { stateEnteredEventDetails: StateEnteredEventDetails };
  WaitStateExited: { stateExitedEventDetails: StateExitedEventDetails };
}

export type HistoryEventType = keyof EventDetailsByType;

interface EventBase<T extends HistoryEventType> {
  /** Epoch milliseconds; the API layer renders AWS's epoch-seconds form. */
  timestamp: number;
  type: T;
  id: number;
  previousEventId: number;
}

export type HistoryEventOf<T extends HistoryEventType> = EventBase<T> & EventDetailsByType[T];
export type HistoryEvent = { [T in HistoryEventType]: HistoryEventOf<T> }[HistoryEventType];
