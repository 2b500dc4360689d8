/**
 * The engine: a pure ASL interpreter. Feed EngineInputs to an Execution, get history events and
 * commands back; replaying the same inputs yields the same events and state.
 * @see https://states-language.net/spec.html
 */
export { createExecution } from './create-execution';
export type { CreateExecution, Decision, EngineLimits, EngineOptions, Execution, ExecutionStatus, InspectionStage } from './execution-api';
export type { EngineInput, EngineInputKind, EngineInputOf, ExecutionInfo, TaskFailurePhase } from './engine-input';
export type { EngineCommand, EngineCommandKind, IntegrationPattern, TaskIntegration } from './engine-command';
export type { HistoryEvent, HistoryEventOf, HistoryEventType } from './history-event';
export { DEFAULT_LIMITS, LimitCauses } from './core/engine-limits';
export { parseTaskResource, type TaskResource, type TaskEventFamily } from './task/task-resource';
export { NO_CHOICE_MATCHED_CAUSE } from './states/choice-state';
export { TOLERATED_FAILURE_CAUSE } from './states/map-state';
export { findCatcher, findRetrier } from './core/error-matching';
export { jsonText, parseJson } from './core/json-text';
export { withTextMemo } from './core/composed-text';
