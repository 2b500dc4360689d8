/** @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_ValidateStateMachineDefinitionDiagnostic.html */
export type DiagnosticSeverity = 'ERROR' | 'WARNING';

/** One finding, in the shape ValidateStateMachineDefinition returns it. */
export interface Diagnostic {
  severity: DiagnosticSeverity;
  code: string;
  message: string;
  /** A JSON pointer such as `/States/A/Next`; absent where AWS gives none (e.g. MISSING_END_STATE). */
  location?: string;
}

/** The codes AWS documents for the diagnostics we emit. */
export const DiagnosticCodes = {
  InvalidJson: 'INVALID_JSON_DESCRIPTION',
  MissingDescription: 'MISSING_DESCRIPTION',
  Schema: 'SCHEMA_VALIDATION_FAILED',
  InvalidResource: 'INVALID_RESOURCE',
  MissingEndState: 'MISSING_END_STATE',
  DuplicateStateName: 'DUPLICATE_STATE_NAME',
  InvalidStateName: 'INVALID_STATE_NAME',
  MissingTransitionTarget: 'MISSING_TRANSITION_TARGET',
  InvalidJsonata: 'INVALID_JSONATA_EXPRESSION',
  InvalidVariableName: 'INVALID_VARIABLE_NAME',
  ReservedVariableName: 'RESERVED_VARIABLE_NAME',
  UnsupportedJsonata: 'UNSUPPORTED_JSONATA_EXPRESSION',
  NoDollar: 'NO_DOLLAR',
  NoPath: 'NO_PATH',
  PassResultIsStatic: 'PASS_RESULT_IS_STATIC',
} as const;

/** Collects diagnostics in the order rules find them. */
export class DiagnosticSink {
  readonly items: Diagnostic[] = [];

  error(code: string, message: string, location?: string): void {
    this.items.push(location === undefined ? { severity: 'ERROR', code, message } : { severity: 'ERROR', code, message, location });
  }

  /** SCHEMA_VALIDATION_FAILED, the code most AWS rules report under. */
  schema(message: string, location: string): void {
    this.error(DiagnosticCodes.Schema, message, location);
  }

  warning(code: string, message: string, location?: string): void {
    this.items.push(location === undefined ? { severity: 'WARNING', code, message } : { severity: 'WARNING', code, message, location });
  }
}
