import { serviceError } from '../protocol/wire-error';
import { jsonProblem } from './json-problem';

/**
 * StartExecution's input must be a JSON document: "Invalid State Machine Execution Input: '…'".
 * An empty input gets Step Functions' own words, "Invalid execution input.".
 */
export function checkExecutionInput(input: string): void {
  const problem = input.trim() === '' ? 'Invalid execution input.' : jsonProblem(input);
  if (problem !== undefined) throw serviceError('InvalidExecutionInput', `Invalid State Machine Execution Input: '${problem}'`);
}

/** SendTaskSuccess's output must be a JSON document. */
export function checkTaskOutput(output: string): void {
  const problem = jsonProblem(output);
  if (problem !== undefined) throw serviceError('InvalidOutput', `Invalid Output: '${problem}'`);
}
