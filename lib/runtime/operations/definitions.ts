import { createHash } from 'node:crypto';
import type { StateMachineDefinition } from '../../asl';
import { InvalidDefinitionError, parseDefinition } from '../../engine/validation';
import type { StoreWrite } from '../../store/store';
import { ServiceError } from '../step-functions-operations';

/** The store key of a definition text. */
export function revisionOf(definition: string): string {
  return createHash('sha256').update(definition).digest('hex');
}

/** Validates a definition as CreateStateMachine does, answering InvalidDefinition with AWS's message. */
export function checkDefinition(definition: string, type: 'STANDARD' | 'EXPRESS'): StateMachineDefinition {
  try {
    return parseDefinition(definition, { type });
  } catch (err) {
    if (err instanceof InvalidDefinitionError) throw new ServiceError('InvalidDefinition', err.message);
    throw err;
  }
}

export function putDefinition(definition: string): { revisionId: string; write: StoreWrite } {
  const revisionId = revisionOf(definition);
  return { revisionId, write: { kind: 'putDefinition', record: { revisionId, definition } } };
}
