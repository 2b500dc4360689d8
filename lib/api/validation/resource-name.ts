import { serviceError } from '../protocol/wire-error';

// White space, brackets, wildcards, the listed special characters, control characters
// (U+0000-001F, U+007F-009F), U+FFFE-FFFF and U+10FFFF.
const FORBIDDEN = /[\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f\ufffe\uffff]|\u{10ffff}/u;
// A UTF-16 surrogate that is not half of a pair.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * The naming rule of executions, state machines and activities ("A name must not contain: white
 * space, brackets < > { } [ ], wildcard characters ? *, special characters " # % \ ^ | ~ ` $ & , ; : /,
 * control characters …, surrogates …"), answered with InvalidName as AWS does: "Invalid Name: 'a b'".
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_StartExecution.html#StepFunctions-StartExecution-request-name
 */
export function checkResourceName(name: string): void {
  if (FORBIDDEN.test(name) || LONE_SURROGATE.test(name)) throw serviceError('InvalidName', `Invalid Name: '${name}'`);
}
