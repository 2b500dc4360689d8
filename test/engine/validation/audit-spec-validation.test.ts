import { diagnose, machine, schemaError } from './helpers';

/** Audit of definition validation against the States Language spec and AWS's documented rules. */
const errors = (definition: string) => diagnose(definition).filter((d) => d.severity === 'ERROR');
const processor = { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } };
const jsonata = (states: Record<string, unknown>) => machine(states, { QueryLanguage: 'JSONata' });

describe('spec audit: definition validation', () => {
  it('reports some ERROR for an End that is not a boolean (spec: "End whose value MUST be a boolean")', () => {
    expect(errors(machine({ A: { Type: 'Pass', End: 'true' } })).length).toBeGreaterThan(0);
  });

  it('refuses a state name of 81 characters with INVALID_STATE_NAME', () => {
    const name = 'a'.repeat(81);
    expect(errors(machine({ [name]: { Type: 'Succeed' } })).map((d) => d.code)).toEqual(['INVALID_STATE_NAME']);
  });

  it('reports some ERROR for a Wait Timestamp with a lowercase t or z (spec: uppercase "T" and "Z" MUST be used)', () => {
    expect(errors(machine({ W: { Type: 'Wait', Timestamp: '2016-03-14t01:59:00Z', End: true } })).length).toBeGreaterThan(0);
    expect(errors(machine({ W: { Type: 'Wait', Timestamp: '2016-03-14T01:59:00z', End: true } })).length).toBeGreaterThan(0);
  });

  it('reports some ERROR for a Choice Timestamp operand that is not RFC3339', () => {
    expect(errors(machine({ C: { Type: 'Choice', Choices: [{ Variable: '$.t', TimestampEquals: '2016-03-14 01:59:00', Next: 'S' }] }, S: { Type: 'Succeed' } })).length).toBeGreaterThan(0);
  });

  it('refuses an unknown intrinsic function in a payload template', () => {
    expect(errors(machine({ A: { Type: 'Pass', Parameters: { 'x.$': 'States.Nope($.a)' }, End: true } }))).toEqual([
      schemaError("The value for the field 'x.$' must be a valid JSONPath or a valid intrinsic function call", '/States/A/Parameters'),
    ]);
  });

  it('refuses States.ALL not alone and not last (spec: "MUST appear alone ... in the last Retrier")', () => {
    const d = errors(machine({ T: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:f', Retry: [{ ErrorEquals: ['States.ALL'] }, { ErrorEquals: ['X'] }], End: true } }));
    expect(d).toEqual([schemaError('States.ALL must appear alone and at end of list', '/States/T/Retry[0]/ErrorEquals[0]')]);
  });

  it('reports some ERROR for a Choice state with End (spec: Choice MUST NOT be End)', () => {
    expect(errors(machine({ C: { Type: 'Choice', Choices: [{ Variable: '$.a', IsPresent: true, Next: 'S' }], End: true }, S: { Type: 'Succeed' } })).length).toBeGreaterThan(0);
  });

  it('reports some ERROR for a Fail state with InputPath / a Succeed state with ResultPath (fields the type does not have)', () => {
    expect(errors(machine({ F: { Type: 'Fail', InputPath: '$' } })).length).toBeGreaterThan(0);
    expect(errors(machine({ S: { Type: 'Succeed', ResultPath: '$.x' } })).length).toBeGreaterThan(0);
  });

  it('reports some ERROR for a nested Choice rule carrying Next (spec: nested rules MUST NOT have Next)', () => {
    expect(errors(machine({ C: { Type: 'Choice', Choices: [{ Not: { Variable: '$.a', IsPresent: true, Next: 'S' }, Next: 'S' }] }, S: { Type: 'Succeed' } })).length).toBeGreaterThan(0);
  });

  it('reports some ERROR for a Retrier MaxAttempts that is negative, a BackoffRate below 1, a MaxDelaySeconds of 0', () => {
    const task = (r: Record<string, unknown>) => machine({ T: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:f', Retry: [{ ErrorEquals: ['X'], ...r }], End: true } });
    expect(errors(task({ MaxAttempts: -1 })).length).toBeGreaterThan(0);
    expect(errors(task({ BackoffRate: 0.5 })).length).toBeGreaterThan(0);
    expect(errors(task({ MaxDelaySeconds: 0 })).length).toBeGreaterThan(0);
  });

  it('reports some ERROR for a Parallel branch state whose Next leaves the branch', () => {
    const d = errors(machine({ P: { Type: 'Parallel', Branches: [{ StartAt: 'B', States: { B: { Type: 'Pass', Next: 'S' } } }], Next: 'S' }, S: { Type: 'Succeed' } }));
    expect(d.map((x) => x.code)).toContain('MISSING_TRANSITION_TARGET');
  });

  it('reports some ERROR for a Map ItemProcessor state whose Next names a top-level state', () => {
    const d = errors(machine({ M: { Type: 'Map', ItemProcessor: { StartAt: 'B', States: { B: { Type: 'Pass', Next: 'S' } } }, Next: 'S' }, S: { Type: 'Succeed' } }));
    expect(d.map((x) => x.code)).toContain('MISSING_TRANSITION_TARGET');
  });

  it('reports some ERROR for a Wait Seconds that is negative or fractional (spec: non-negative integer)', () => {
    expect(errors(machine({ W: { Type: 'Wait', Seconds: -1, End: true } })).length).toBeGreaterThan(0);
    expect(errors(machine({ W: { Type: 'Wait', Seconds: 1.5, End: true } })).length).toBeGreaterThan(0);
  });

  it('reports some ERROR for a Task TimeoutSeconds of 0 (spec: positive integer)', () => {
    expect(errors(machine({ T: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:f', TimeoutSeconds: 0, End: true } })).length).toBeGreaterThan(0);
  });

  it('reports some ERROR for a Variable that is not a Path / an OutputPath that is not a Path', () => {
    expect(errors(machine({ C: { Type: 'Choice', Choices: [{ Variable: 'a', IsPresent: true, Next: 'S' }] }, S: { Type: 'Succeed' } })).length).toBeGreaterThan(0);
    expect(errors(machine({ A: { Type: 'Pass', OutputPath: 'a', End: true } })).length).toBeGreaterThan(0);
  });

  it('reports some ERROR for a Pass Result with a ResultPath that selects ($.a[*])', () => {
    expect(errors(machine({ A: { Type: 'Pass', ResultPath: '$.a[*]', End: true } })).length).toBeGreaterThan(0);
  });

  it('reports some ERROR for a Retry field that is not an array', () => {
    expect(errors(machine({ T: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:f', Retry: {}, End: true } })).length).toBeGreaterThan(0);
  });

  it('reports some ERROR for an Assign in a Succeed or Fail state (the spec gives them none)', () => {
    expect(errors(machine({ S: { Type: 'Succeed', Assign: { a: 1 } } })).length).toBeGreaterThan(0);
    expect(errors(machine({ F: { Type: 'Fail', Assign: { a: 1 } } })).length).toBeGreaterThan(0);
  });

  it('reports some ERROR for an Output field on a JSONata Fail state', () => {
    expect(errors(jsonata({ F: { Type: 'Fail', Output: {} } })).length).toBeGreaterThan(0);
  });

  it('reports some ERROR for a JSONata Choice rule without Condition', () => {
    expect(errors(jsonata({ C: { Type: 'Choice', Choices: [{ Next: 'S' }] }, S: { Type: 'Succeed' } })).length).toBeGreaterThan(0);
  });

  it('reports some ERROR for a JSONata Retrier field given as an expression', () => {
    expect(errors(jsonata({ T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Retry: [{ ErrorEquals: ['X'], MaxAttempts: '{% 3 %}' }], End: true } })).length).toBeGreaterThan(0);
  });

  it('reports some ERROR for a root Version other than "1.0"', () => {
    expect(errors(machine({ S: { Type: 'Succeed' } }, { Version: '2.0' })).length).toBeGreaterThan(0);
  });

  it('accepts a Pass Parameters that is an array (AWS deploys it: ChristopheBougere/asl-validator#67, #101)', () => {
    expect(errors(machine({ A: { Type: 'Pass', Parameters: [{ 'a.$': '$.x' }, 1], End: true } }))).toEqual([]);
  });

  it('accepts JSONata Map Items that is an object (docs: Items "will accept a JSON array, a JSON object, or a JSONata expression")', () => {
    expect(errors(jsonata({ M: { Type: 'Map', Items: { a: 1 }, ItemProcessor: processor, End: true } }))).toEqual([]);
    expect(errors(jsonata({ M: { Type: 'Map', Items: [1, '{% $two %}', 3], ItemProcessor: processor, End: true } }))).toEqual([]);
  });

  it('refuses a Choice Variable that is an intrinsic call (AWS: "Value is not a Reference Path ..." quoted by a Terraform user)', () => {
    expect(errors(machine({ C: { Type: 'Choice', Choices: [{ Variable: 'States.ArrayLength($.Arns)', NumericEquals: 0, Next: 'S' }] }, S: { Type: 'Succeed' } })).length).toBeGreaterThan(0);
  });

  it('refuses an Assign "x.$" that is neither a path nor an intrinsic (cfn-lint#4085: "The value for the field \'Variable.$\' must be a v...")', () => {
    expect(errors(machine({ P: { Type: 'Pass', Assign: { 'Variable.$': 'Test' }, End: true } }))).toEqual([
      schemaError("The value for the field 'Variable.$' must be a valid JSONPath or a valid intrinsic function call", '/States/P/Assign'),
    ]);
  });
});

describe('audit-spec-validation: paths and names as AWS words them', () => {
  const map = (ItemsPath: string) => machine({ M: { Type: 'Map', ItemsPath, ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, End: true } });
  it('ItemsPath is a reference path ("The value of ItemsPath must be a Reference Path"), and one not starting with $ is no JSONPath', () => {
    expect(errors(map('$.items[*]'))).toEqual([schemaError('Value is not a Reference Path', '/States/M/ItemsPath')]);
    expect(errors(map('items'))).toEqual([schemaError('Value must be a valid JSONPath.', '/States/M/ItemsPath')]);
    expect(errors(map('$.items'))).toEqual([]);
  });
  it('an OutputPath that is no path is worded as AWS does (cfn-lint#4078)', () => {
    expect(errors(machine({ Pass: { Type: 'Pass', OutputPath: 'Test', End: true } }))).toEqual([schemaError('Value must be a valid JSONPath.', '/States/Pass/OutputPath')]);
  });
  it("a Choice rule's Next must be a string", () => {
    const def = machine({ C: { Type: 'Choice', Choices: [{ Variable: '$.a', IsPresent: true, Next: 5 }], Default: 'S' }, S: { Type: 'Succeed' } });
    expect(errors(def)).toEqual([schemaError('Expected value of type [STRING]', '/States/C/Choices[0]/Next')]);
  });
  it('a state name of 80 characters outside the BMP is within the limit ("less than or equal to 80 Unicode characters")', () => {
    expect(errors(machine({ ['\u{1F600}'.repeat(80)]: { Type: 'Succeed' } }))).toEqual([]);
    expect(errors(machine({ ['\u{1F600}'.repeat(81)]: { Type: 'Succeed' } }))).toHaveLength(1);
  });
});

describe('audit-spec-validation: JSONata field types the engine cannot run', () => {
  // transforming-data page: Items "will accept a JSON array, a JSON object, or a JSONata expression";
  // Arguments "either a JSON object … Or … a JSONata expression". The texts follow AWS's type messages.
  it('refuses Map Items that is a number or a plain string, and accepts an array, an object and an expression', () => {
    const map = (Items: unknown) => jsonata({ M: { Type: 'Map', Items, ItemProcessor: processor, End: true } });
    expect(errors(map(5))).toEqual([schemaError('Expected value of type [ARRAY]', '/States/M/Items')]);
    expect(errors(map('abc'))).toEqual([schemaError('Expected value of type [ARRAY]', '/States/M/Items')]);
    for (const ok of [[1, 2], { a: 1 }, '{% $states.input.xs %}']) expect(errors(map(ok))).toEqual([]);
  });
  it('refuses Task Arguments that is a number', () => {
    const task = (Arguments: unknown) => jsonata({ T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Arguments, End: true } });
    expect(errors(task(5))).toEqual([schemaError('Expected value of type [OBJECT]', '/States/T/Arguments')]);
    expect(errors(task('{% {"FunctionName": "f"} %}'))).toEqual([]);
  });
});
