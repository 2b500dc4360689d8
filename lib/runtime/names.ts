import { ServiceError } from './step-functions-operations';

/**
 * Names of state machines, executions, activities, aliases: 1–80 characters, none of the
 * characters AWS forbids.
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_StartExecution.html#StepFunctions-StartExecution-request-name
 */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]/u;

export function isValidName(name: string, max = 80): boolean {
  return name.length >= 1 && [...name].length <= max && !FORBIDDEN.test(name);
}

export function requireValidName(name: string, max = 80): void {
  if (!isValidName(name, max)) throw new ServiceError('InvalidName', `Invalid Name: '${name}'`);
}

/** Alias names cannot look like version numbers. */
export function requireValidAliasName(name: string): void {
  if (!isValidName(name) || /^\d+$/.test(name)) throw new ServiceError('InvalidName', `Invalid Name: '${name}'`);
}
