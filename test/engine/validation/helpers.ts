import { validateDefinition, type Diagnostic, type ValidateOptions } from '../../../lib/engine/validation';

/** A one-graph machine around `states`, starting at the first one. */
export function machine(states: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ StartAt: Object.keys(states)[0], States: states, ...extra });
}

/** Every diagnostic (warnings included unless `options.severity` says otherwise). */
export function diagnose(definition: string, options: ValidateOptions = {}): Diagnostic[] {
  return validateDefinition(definition, { severity: 'WARNING', ...options }).diagnostics;
}

export function schemaError(message: string, location: string): Diagnostic {
  return { severity: 'ERROR', code: 'SCHEMA_VALIDATION_FAILED', message, location };
}
