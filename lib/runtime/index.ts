/**
 * The local Step Functions service: create it with `createLocalService`, then serve its
 * operations over HTTP (lib/api) or call them in process.
 */
export { createLocalService } from './create-local-service';
export type { ClockOption, CreateLocalService, ExecutionLogEvent, LambdaFunctionConfig, LocalService, LocalServiceOptions, PurgeOptions, StoreOption } from './local-service-contract';
export { ServiceError, OperationNames, type OperationName, type StepFunctionsOperations } from './step-functions-operations';
