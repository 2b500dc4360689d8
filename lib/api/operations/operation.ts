import type { OperationName, StepFunctionsOperations } from '../../runtime/step-functions-operations';
import type { StructureShape } from '../validation/shape';

export type OperationInput<K extends OperationName> = Parameters<StepFunctionsOperations[K]>[0];

/** An input after its model constraints passed: the members the model requires are present. */
export type Validated<T> = { [K in keyof T]: {} extends Pick<T, K> ? T[K] : NonNullable<T[K]> };

/**
 * What the HTTP layer knows about one Step Functions operation: its request shape with the API
 * reference's constraints, and the checks AWS makes after those constraints and before the
 * operation runs (ARN kinds, names, JSON payloads). Both throw WireErrors.
 */
export interface Operation<K extends OperationName> {
  request: StructureShape<OperationInput<K>>;
  check?(input: Validated<OperationInput<K>>, service: StepFunctionsOperations): void | Promise<void>;
}
