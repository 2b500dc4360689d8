import { DiagnosticCodes, type Diagnostic } from './diagnostic';

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

const JSONATA_CODES: ReadonlySet<string> = new Set([DiagnosticCodes.InvalidJsonata, DiagnosticCodes.UnsupportedJsonata]);

/**
 * The InvalidDefinition message for a list of ERROR diagnostics. JSONata findings come from a
 * later pass on AWS: they appear only when nothing else is wrong, and then only the first one
 * (floci-io/floci#2786, measured).
 */
export function invalidDefinitionMessage(diagnostics: readonly Diagnostic[]): string {
  const others = diagnostics.filter((d) => !JSONATA_CODES.has(d.code));
  const shown = others.length > 0 ? others : diagnostics.slice(0, 1);
  const parts = shown.map((d) =>
    // A JSON syntax message already ends with its "at [Source: ...]" location.
    d.code === DiagnosticCodes.InvalidJson ? `${d.code}: ${d.message}` : `${d.code}: ${d.message} at ${d.location ?? 'null'}`,
  );
  return `Invalid State Machine Definition: '${parts.join(', ')}'`;
}
