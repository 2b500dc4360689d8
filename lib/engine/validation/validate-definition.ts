import type { StateMachineDefinition } from '../../asl';
import { isObject } from './context';
import { DiagnosticCodes, DiagnosticSink, type Diagnostic, type DiagnosticSeverity } from './diagnostic';
import { checkDefinition } from './check-definition';
import { InvalidDefinitionError } from './invalid-definition-error';
import { parseJson } from './parse-json';

export interface ValidationResult {
  result: 'OK' | 'FAIL';
  diagnostics: Diagnostic[];
  truncated: boolean;
}

export interface ValidateOptions {
  /** Rules differ for EXPRESS (e.g. no `.waitForTaskToken`). @default 'STANDARD' */
  type?: 'STANDARD' | 'EXPRESS';
  /** Minimum severity returned: 'ERROR' returns errors only, 'WARNING' both. @default 'ERROR' */
  severity?: DiagnosticSeverity;
  /** At most this many diagnostics; 0 or absent means the maximum, 100. @default 100 */
  maxResults?: number;
}

const MAX_RESULTS = 100;

/** Every diagnostic, unfiltered, plus the parsed object when the text is a JSON object. */
function diagnose(definition: string, type: 'STANDARD' | 'EXPRESS'): { diagnostics: Diagnostic[]; parsed?: StateMachineDefinition } {
  const sink = new DiagnosticSink();
  const json = parseJson(definition);
  if (!json.ok) {
    sink.error(DiagnosticCodes.InvalidJson, json.error.message, json.error.location);
    return { diagnostics: sink.items };
  }
  // AWS answers "" and any non-object alike, without a location (recorded on AWS by localstack).
  if (!isObject(json.value)) {
    sink.error(DiagnosticCodes.Schema, 'Definition must be a valid JSON object');
    return { diagnostics: sink.items };
  }
  checkDefinition(json.value, { type }, sink);
  return { diagnostics: sink.items, parsed: json.value as unknown as StateMachineDefinition };
}

/**
 * ValidateStateMachineDefinition: `result` is FAIL when any ERROR exists (whatever the severity
 * filter), and `truncated` says more diagnostics matched than `maxResults`.
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_ValidateStateMachineDefinition.html
 */
export function validateDefinition(definition: string, options: ValidateOptions = {}): ValidationResult {
  const { diagnostics } = diagnose(definition, options.type ?? 'STANDARD');
  const failed = diagnostics.some((d) => d.severity === 'ERROR');
  const wanted = options.severity === 'WARNING' ? diagnostics : diagnostics.filter((d) => d.severity === 'ERROR');
  const limit = options.maxResults && options.maxResults > 0 ? Math.min(options.maxResults, MAX_RESULTS) : MAX_RESULTS;
  return { result: failed ? 'FAIL' : 'OK', diagnostics: wanted.slice(0, limit), truncated: wanted.length > limit };
}

/**
 * CreateStateMachine / UpdateStateMachine: the parsed definition, or InvalidDefinitionError with
 * AWS's message built from every ERROR diagnostic.
 */
export function parseDefinition(definition: string, options: { type?: 'STANDARD' | 'EXPRESS' } = {}): StateMachineDefinition {
  const { diagnostics, parsed } = diagnose(definition, options.type ?? 'STANDARD');
  const errors = diagnostics.filter((d) => d.severity === 'ERROR');
  if (errors.length > 0 || parsed === undefined) throw new InvalidDefinitionError(errors);
  return parsed;
}
