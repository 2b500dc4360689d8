import { createHash } from 'node:crypto';
import type { StateMachineDefinition } from '../../asl';
import { InvalidDefinitionError, parseDefinition } from '../../engine/validation';
import type { StoreWrite } from '../../store/store';
import { ServiceError } from '../step-functions-operations';

/** The store key of a definition text. */
export function revisionOf(definition: string): string {
  return createHash('sha256').update(definition).digest('hex');
}

/** The revisionId AWS reports: a UUID, here derived from the text so equal texts share it. */
export function revisionUuid(revisionId: string): string {
  const h = revisionId.slice(0, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
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
