/** CDK constructs that deploy builder workflows, their activities and tables, and the approval endpoint. */
export { WorkflowStateMachine, type WorkflowStateMachineProps } from './workflow-state-machine';
export { ActivityFunction, newestNodeRuntime, type ActivityFunctionProps } from './activity-function';
export { ActivityTable, type ActivityTableProps } from './activity-table';
export { ApprovalEndpoint, type ApprovalEndpointProps } from './approval-endpoint';
export { taskIntegrations, UnsupportedIntegrationError, type TaskIntegration } from './task-integrations';
export { ReferenceAppStack, type ReferenceAppStackProps } from './reference-app-stack';
export { referenceApp, type ReferenceAppOptions } from './reference-app';
