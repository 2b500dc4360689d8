import { diagnose, machine, schemaError } from './helpers';

// Rules from https://docs.aws.amazon.com/step-functions/latest/dg/workflow-variables.html
// ("Passing data between states with variables") that concern definitions AWS rejects or accepts.

const errors = (definition: string) => diagnose(definition, { severity: 'ERROR' });
const jsonata = (states: Record<string, unknown>) => machine(states, { QueryLanguage: 'JSONata' });

describe('audit-docs-variables: Assign placement', () => {
  // "The Assign field is available at the top level of each state (except Succeed and Fail),
  // inside Choice state rules, and inside Catch fields."
  it('accepts Assign on Pass, Task, Map, Parallel, Choice, Wait, in Choice rules and in catchers', () => {
    const def = machine({
      P: { Type: 'Pass', Assign: { a: 1 }, Next: 'W' },
      W: { Type: 'Wait', Seconds: 1, Assign: { b: 1 }, Next: 'C' },
      C: { Type: 'Choice', Assign: { c: 1 }, Choices: [{ Variable: '$.x', IsPresent: true, Assign: { d: 1 }, Next: 'T' }], Default: 'T' },
      T: {
        Type: 'Task',
        Resource: 'arn:aws:lambda:us-east-1:123456789012:function:Fn',
        Assign: { e: 1 },
        Catch: [{ ErrorEquals: ['States.ALL'], Assign: { f: 1 }, Next: 'M' }],
        Next: 'M',
      },
      M: { Type: 'Map', ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Pass', End: true } } }, Assign: { g: 1 }, Next: 'Par' },
      Par: { Type: 'Parallel', Branches: [{ StartAt: 'B', States: { B: { Type: 'Pass', End: true } } }], Assign: { h: 1 }, End: true },
    });
    expect(errors(def)).toEqual([]);
  });

  it('refuses Assign on Succeed', () => {
    expect(errors(machine({ S: { Type: 'Succeed', Assign: { a: 1 } } }))).not.toEqual([]);
  });

  it('refuses Assign on Fail', () => {
    expect(errors(machine({ F: { Type: 'Fail', Error: 'E', Assign: { a: 1 } } }))).not.toEqual([]);
  });
});

describe('audit-docs-variables: variable names', () => {
  const pass = (Assign: Record<string, unknown>) => machine({ P: { Type: 'Pass', Assign, End: true } });

  // "The maximum length of a variable name is 80."
  it('accepts a name of 80 characters and refuses one of 81', () => {
    expect(errors(pass({ ['a'.repeat(80)]: 1 }))).toEqual([]);
    expect(errors(pass({ ['a'.repeat(81)]: 1 }))).not.toEqual([]);
  });

  // "The first character of a variable name must be a Unicode ID_Start character" (a digit is not one).
  it('refuses a name starting with a digit, or holding a space or a hyphen', () => {
    expect(errors(pass({ '9lives': 1 }))).not.toEqual([]);
    expect(errors(pass({ 'has space': 1 }))).not.toEqual([]);
    expect(errors(pass({ 'has-dash': 1 }))).not.toEqual([]);
  });

  // "Note: You cannot assign a value to a part of a variable. ... you cannot "Assign":{"x.y":42} or "Assign":{"x[2]":42}."
  it('refuses assigning a part of a variable (x.y, x[2]) in JSONPath and JSONata', () => {
    expect(errors(pass({ 'x.y': 42 }))).not.toEqual([]);
    expect(errors(pass({ 'x[2]': 42 }))).not.toEqual([]);
    expect(errors(jsonata({ P: { Type: 'Pass', Assign: { 'x.y': 42 }, End: true } }))).not.toEqual([]);
    expect(errors(jsonata({ P: { Type: 'Pass', Assign: { 'x[2]': 42 }, End: true } }))).not.toEqual([]);
  });
});

describe('audit-docs-variables: scopes', () => {
  const inner = (Assign: Record<string, unknown>) => ({ StartAt: 'I', States: { I: { Type: 'Pass', Assign, End: true } } });

  // "When handling errors, the Assign field in a Catch can assign values to variables in the outer scope,
  // that is, the scope in which the Parallel/Map state exists."
  it("accepts a Map's catcher assigning a variable the top level also assigns", () => {
    const def = machine({
      A: { Type: 'Pass', Assign: { myVariable: 1 }, Next: 'M' },
      M: { Type: 'Map', ItemProcessor: inner({ other: 1 }), Catch: [{ ErrorEquals: ['States.ALL'], Assign: { myVariable: 2 }, Next: 'E' }], Next: 'E' },
      E: { Type: 'Succeed' },
    });
    expect(errors(def)).toEqual([]);
  });

  it('accepts the same name assigned in two sibling inner scopes (two Parallel branches), none at the top', () => {
    const def = machine({
      Par: { Type: 'Parallel', Branches: [inner({ v: 1 }), { StartAt: 'J', States: { J: { Type: 'Pass', Assign: { v: 2 }, End: true } } }], End: true },
    });
    expect(errors(def)).toEqual([]);
  });
});

describe('audit-docs-variables: JSONPath', () => {
  it('accepts variables in InputPath, OutputPath, Parameters and intrinsic arguments', () => {
    const def = machine({
      P: { Type: 'Pass', InputPath: '$x', OutputPath: '$order.numItems', Parameters: { 'm.$': "States.Format('The order number is {}', $order.number)" }, End: true },
    });
    expect(errors(def)).toEqual([]);
  });
});

describe('audit-docs-variables: $states', () => {
  // "$states.errorOutput can be used in the Catch field's Assign or Output."
  it("accepts $states.errorOutput in a catcher's Assign and Output, $states.result in a Task's Assign and Output", () => {
    const def = jsonata({
      T: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        Arguments: { FunctionName: 'f', Payload: '{% $states.input %}' },
        Assign: { r: '{% $states.result %}' },
        Output: '{% $states.result %}',
        Catch: [{ ErrorEquals: ['States.ALL'], Assign: { e: '{% $states.errorOutput %}' }, Output: '{% $states.errorOutput %}', Next: 'E' }],
        Next: 'E',
      },
      E: { Type: 'Succeed' },
    });
    expect(errors(def)).toEqual([]);
  });

  // "Attempting to access $states.result or $states.errorOutput in fields and states where they are not
  // accessible will be caught at creation, update, or validation of the state machine."
  it("refuses $states.errorOutput in a Task's own Assign", () => {
    const def = jsonata({ T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Arguments: { FunctionName: 'f' }, Assign: { e: '{% $states.errorOutput %}' }, End: true } });
    expect(errors(def)).not.toEqual([]);
  });
});

describe('audit-docs-variables: ResultPath is no place for a variable', () => {
  // "Variables cannot be used in ResultPath."
  it('refuses ResultPath "$x" on a state and on a catcher, and still accepts "$" paths', () => {
    const def = machine({
      T: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:Fn', ResultPath: '$x', Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$err.info', Next: 'P' }], Next: 'P' },
      P: { Type: 'Pass', ResultPath: '$.a.b', End: true },
    });
    expect(errors(def)).toEqual([
      schemaError('Value is not a Reference Path', '/States/T/ResultPath'),
      schemaError('Value is not a Reference Path', '/States/T/Catch[0]/ResultPath'),
    ]);
  });
});

describe('audit-docs-variables: $states.result only in a Task, Map or Parallel state\'s own Output and Assign', () => {
  // The States Language: "$states.result ... can be referenced in the state's top-level "Output"
  // and "Assign" fields"; "Attempting to access $states.result ... where they are not accessible will
  // be caught at creation" (workflow-variables page).
  const notThere = (location: string) => ({ severity: 'ERROR', code: 'UNSUPPORTED_JSONATA_EXPRESSION', message: "Field '$states.result' does not exist.", location });
  it('refuses it in a Pass Output, a Task\'s Arguments, a Choice Condition and a catcher\'s Output', () => {
    const def = jsonata({
      P: { Type: 'Pass', Output: { r: '{% $states.result %}' }, Next: 'T' },
      T: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        Arguments: { FunctionName: 'f', Payload: '{% $states.result.x %}' },
        Catch: [{ ErrorEquals: ['States.ALL'], Output: '{% $states.result %}', Next: 'C' }],
        Next: 'C',
      },
      C: { Type: 'Choice', Choices: [{ Condition: '{% $states.result = 1 %}', Next: 'E' }], Default: 'E' },
      E: { Type: 'Succeed' },
    });
    expect(errors(def)).toEqual([
      notThere('/States/P/Output/r'),
      notThere('/States/T/Arguments/Payload'),
      notThere('/States/T/Catch[0]/Output'),
      notThere('/States/C/Choices[0]/Condition'),
    ]);
  });
  it('accepts it in the Output and Assign of a Task, a Map and a Parallel', () => {
    const def = jsonata({
      T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Arguments: { FunctionName: 'f' }, Output: '{% $states.result.Payload %}', Assign: { r: '{% $states.result %}' }, Next: 'M' },
      M: { Type: 'Map', ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Pass', End: true } } }, Output: { n: '{% $count($states.result) %}' }, Next: 'Par' },
      Par: { Type: 'Parallel', Branches: [{ StartAt: 'B', States: { B: { Type: 'Pass', End: true } } }], Assign: { first: '{% $states.result[0] %}' }, End: true },
    });
    expect(errors(def)).toEqual([]);
  });
});

describe('audit-docs-variables: Unicode names', () => {
  // "The first character of a variable name must be a Unicode ID_Start character, and the second
  // and subsequent characters must be Unicode ID_Continue characters."
  it('accepts names of any script and refuses what is no identifier', () => {
    const ok = machine({ P: { Type: 'Pass', Assign: { café: 1, 変数: 2, Ωmega_2: 3 }, Parameters: { 'a.$': '$café', 'b.$': '$変数' }, End: true } });
    expect(errors(ok)).toEqual([]);
    const bad = machine({ P: { Type: 'Pass', Assign: { '·x': 1, 'a€': 2 }, End: true } });
    expect(errors(bad)).toEqual([
      { severity: 'ERROR', code: 'INVALID_VARIABLE_NAME', message: "Invalid variable name '·x': the variable name contains invalid characters.", location: '/States/P/Assign' },
      { severity: 'ERROR', code: 'INVALID_VARIABLE_NAME', message: "Invalid variable name 'a€': the variable name contains invalid characters.", location: '/States/P/Assign' },
    ]);
  });
  it('counts the 80-character limit in characters, not UTF-16 units', () => {
    expect(errors(machine({ P: { Type: 'Pass', Assign: { ['𝒳'.repeat(80)]: 1 }, End: true } }))).toEqual([]);
  });
});
