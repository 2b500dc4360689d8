/**
 * Definition validation as AWS Step Functions does it: the checks, diagnostic codes, messages and
 * JSON-pointer locations of ValidateStateMachineDefinition, and the InvalidDefinition error of
 * CreateStateMachine / UpdateStateMachine.
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_ValidateStateMachineDefinition.html
 */
export type { Diagnostic, DiagnosticSeverity } from './diagnostic';
export { DiagnosticCodes } from './diagnostic';
export { validateDefinition, parseDefinition, type ValidationResult, type ValidateOptions } from './validate-definition';
export { InvalidDefinitionError, invalidDefinitionMessage } from './invalid-definition-error';
export { variableReferences } from './variable-references';
