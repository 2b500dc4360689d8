import { diagnose, machine, schemaError } from './helpers';

const pass = (extra: object) => machine({ P: { Type: 'Pass', End: true, ...extra } });

describe('JSONPath syntax', () => {
  it.each(['$', '$.a.b', "$['a b'].c", '$.a[0]', '$$.Execution.Input', '$myVar.x', '$.a[*].b', '$..c', '$.a[?(@.x > 1)]', '$.a[1:3]'])(
    'accepts the path %p in InputPath',
    (path) => expect(diagnose(pass({ InputPath: path }))).toEqual([]),
  );

  it.each(['a.b', '$.', '$[', '$.a[', '$.a b'])('refuses %p', (path) => {
    expect(diagnose(pass({ InputPath: path }))).toEqual([schemaError('Value must be a valid JSONPath.', '/States/P/InputPath')]);
  });

  it('accepts null InputPath/OutputPath/ResultPath', () => {
    expect(diagnose(pass({ InputPath: null, OutputPath: null, ResultPath: null }))).toEqual([]);
  });

  it('needs a reference path in ResultPath', () => {
    expect(diagnose(pass({ ResultPath: '$.a[*]' }))).toEqual([
      schemaError("Value is not a Reference Path", '/States/P/ResultPath'),
    ]);
  });

  it('checks "key.$" values in payload templates, at the object holding them', () => {
    expect(diagnose(pass({ Parameters: { 'a.$': '$.x', b: { 'c.$': "States.Format('{}', $.y)" }, 'u.$': 'States.UUID()' } }))).toEqual([]);
    expect(diagnose(pass({ Parameters: { b: { 'c.$': 'nope' } } }))).toEqual([
      schemaError("The value for the field 'c.$' must be a valid JSONPath or a valid intrinsic function call", '/States/P/Parameters/b'),
    ]);
  });

  it.each(["States.Format('{}'", 'States.Nope($.x)', 'States.Array($.x,, 1)', "States.Format('a') extra"])('refuses the intrinsic %p', (call) => {
    expect(diagnose(pass({ Parameters: { 'x.$': call } })).map((d) => d.location)).toEqual(['/States/P/Parameters']);
  });

  it('accepts nested intrinsics and literals', () => {
    const call = "States.Format('{} {}', States.ArrayLength(States.Array(1, 2.5, true, null)), $.a['b'])";
    expect(diagnose(pass({ Parameters: { 'x.$': call } }))).toEqual([]);
  });
});

describe('Assign', () => {
  it('accepts good names in both languages', () => {
    expect(diagnose(pass({ Assign: { a: 1, 'b.$': '$.x', _c9: 'x' } }))).toEqual([]);
    expect(diagnose(machine({ P: { Type: 'Pass', End: true, Assign: { a: '{% $states.input %}' } } }, { QueryLanguage: 'JSONata' }))).toEqual([]);
  });

  it('refuses the reserved name and malformed names', () => {
    expect(diagnose(pass({ Assign: { states: 1 } }))).toEqual([{ severity: 'ERROR', code: 'RESERVED_VARIABLE_NAME', message: "Cannot assign to reserved variable '$states'.", location: '/States/P/Assign' }]);
    expect(diagnose(pass({ Assign: { '1a': 1 } }))).toEqual([{ severity: 'ERROR', code: 'INVALID_VARIABLE_NAME', message: "Invalid variable name '1a': the variable name contains invalid characters.", location: '/States/P/Assign' }]);
    expect(diagnose(pass({ Assign: [] }))).toEqual([schemaError('Expected value of type [OBJECT]', '/States/P/Assign')]);
  });
});

describe('warnings (only with severity WARNING)', () => {
  it('NO_DOLLAR for a dynamic-looking value under a plain key', () => {
    const def = pass({ Parameters: { a: '$.x' } });
    expect(diagnose(def).map((d) => [d.severity, d.code, d.location])).toEqual([['WARNING', 'NO_DOLLAR', '/States/P/Parameters/a']]);
    expect(diagnose(def, { severity: 'ERROR' })).toEqual([]);
  });

  it('NO_PATH for a path in a field not ending in Path', () => {
    expect(diagnose(machine({ F: { Type: 'Fail', Error: '$.error' } })).map((d) => d.code)).toEqual(['NO_PATH']);
  });

  it('PASS_RESULT_IS_STATIC for a ".$" key in a Pass Result', () => {
    expect(diagnose(pass({ Result: { 'a.$': '$.x' } })).map((d) => d.code)).toEqual(['PASS_RESULT_IS_STATIC']);
  });
});
