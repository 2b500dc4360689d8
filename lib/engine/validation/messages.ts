/**
 * AWS's SCHEMA_VALIDATION_FAILED message templates, one place so every rule words them alike.
 * Sources: real-AWS recordings in localstack (tests/aws/services/stepfunctions/v2/*.snapshot.json),
 * measurements quoted in floci-io/floci#2735, #2786, #2968, and CreateStateMachine texts quoted by
 * a CDK preflight rule set. Templates marked "ours" were not found and follow the same style.
 */
function javaDouble(n: number): string {
  return Number.isInteger(n) ? n.toFixed(1) : String(n);
}

export const Messages = {
  required: (fields: readonly string[]) => `These fields are required: [${fields.join(', ')}]`,
  notSupported: (field: string) => `Field '${field}' is not supported`,
  /** Two or more of a set that admits one. */
  onlyOne: (fields: readonly string[]) => `There should only be one of the following fields: [${fields.join(', ')}]`,
  /** None of a set that needs exactly one. */
  exactlyOne: (fields: readonly string[]) => `This object should have only one of the following fields: [${fields.join(', ')}]`,
  choiceRuleKinds: 'The object must have only one of the following fields, [And, Or, Not, Variable, Condition]',
  oneOfValues: (values: readonly string[]) => `Value should be one of the following: [${values.join(', ')}]`,
  typeValues: (values: readonly string[]) => `The field 'Type' should have one of these values: [${values.join(', ')}]`,
  /** A decimal field shows its bound as Java prints a double: `Minimum value is 0.0` (floci-io/floci#3733, measured). */
  minimum: (n: number, decimal = false) => `Minimum value is ${decimal ? javaDouble(n) : n}`,
  maximum: (n: number, decimal = false) => `Maximum value is ${decimal ? javaDouble(n) : n}`,
  expectedInteger: 'Expected value of type Integer',
  expectedType: (type: 'STRING' | 'NUMBER' | 'BOOLEAN' | 'OBJECT' | 'ARRAY') => `Expected value of type [${type}]`,
  empty: 'Value cannot be empty',
  statesAllLast: 'States.ALL must appear alone and at end of list',
  notAnArn: 'Value is not a valid resource ARN',
  /**
   * For '.waitForTaskToken' AWS's text ends with a space, for '.sync' it does not (both recorded by
   * localstack: test_sfn_api_express.snapshot.json, test_illegal_callbacks).
   */
  expressIntegration: (pattern: '.sync' | '.waitForTaskToken') => `Express state machine does not support '${pattern}' service integration${pattern === '.waitForTaskToken' ? ' ' : ''}`,
  expressActivity: 'Express state machine does not support Activity ARN',
  expressDistributed: "The field 'Mode' with value 'DISTRIBUTED' is not supported inside 'EXPRESS' state machines",
  otherLanguage: (set: 'JSONPath' | 'JSONata', field: string) =>
    `The QueryLanguage is set to '${set}', but field '${field}' is only supported for the '${set === 'JSONata' ? 'JSONPath' : 'JSONata'}' QueryLanguage`,
  downgrade: "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine",
  jsonataDelimiters: 'JSONata string must start with {% and end with %}',
  /**
   * A path field that is no JSONPath, e.g. an OutputPath not starting with `$` (quoted from AWS in
   * aws-cloudformation/cfn-lint#4078 and by the CDK preflight rule set); the field name is not in it.
   */
  invalidPath: (_field: string) => 'Value must be a valid JSONPath.',
  /** A Choice rule's Variable or `…Path` operand not starting with `$` (quoted in aws-cloudformation/cfn-lint#4076). */
  referencePathWithoutDollar: "Value is not a Reference Path: Reference path didn't start with '$'",
  /**
   * Measured on AWS for a Map ...Path field given `$$...` (floci-io/floci#3733); the same text is
   * assumed for every reference-path field (the field name is not in it).
   */
  invalidReferencePath: (_field: string) => 'Value is not a Reference Path',
  /** Widely quoted from AWS for payload templates. */
  invalidPathOrIntrinsic: (field: string) => `The value for the field '${field}' must be a valid JSONPath or a valid intrinsic function call`,
  /** ours */
  heartbeatBelowTimeout: "The value of 'HeartbeatSeconds' must be smaller than the value of 'TimeoutSeconds'",
  /** Recorded on AWS for a Wait Timestamp (localstack test_base_scenarios, test_wait_timestamp_invalid[*]). */
  invalidTimestamp: 'String does not match RFC3339 timestamp',
  /** INVALID_VARIABLE_NAME, as the CDK preflight rule set quotes CreateStateMachine. */
  invalidVariableName: (name: string) => `Invalid variable name '${name}': the variable name contains invalid characters.`,
  /** ours, in the form of the one above */
  variableNameTooLong: (name: string) => `Invalid variable name '${name}': the variable name is longer than 80 characters.`,
  /** RESERVED_VARIABLE_NAME, as the CDK preflight rule set quotes CreateStateMachine. */
  reservedVariableName: (name: string) => `Cannot assign to reserved variable '$${name}'.`,
} as const;
