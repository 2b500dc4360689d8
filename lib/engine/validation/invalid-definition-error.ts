import type { Diagnostic } from './diagnostic';

/**
 * CreateStateMachine / UpdateStateMachine's `InvalidDefinition`. AWS joins every ERROR as
 * `CODE: message at location` with ", " inside one pair of quotes, and writes `at null` when the
 * diagnostic has no location (MISSING_END_STATE), e.g.
 * `Invalid State Machine Definition: 'MISSING_TRANSITION_TARGET: Missing 'Next' target: pass3 at /States/pass1/Next, MISSING_TRANSITION_TARGET: State "pass2" is not reachable. at /States/pass2'`
 * (localstack/localstack#12487, floci-io/floci#2735, both quoting real AWS).
 */
export class InvalidDefinitionError extends Error {
  readonly code = 'InvalidDefinition';
  readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: readonly Diagnostic[]) {
    super(invalidDefinitionMessage(diagnostics));
    this.name = 'InvalidDefinitionError';
    this.diagnostics = diagnostics;
  }
}

/** The InvalidDefinition message for a list of ERROR diagnostics. */
export function invalidDefinitionMessage(diagnostics: readonly Diagnostic[]): string {
  const parts = diagnostics.map((d) => `${d.code}: ${d.message} at ${d.location ?? 'null'}`);
  return `Invalid State Machine Definition: '${parts.join(', ')}'`;
}
