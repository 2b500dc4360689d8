import { diagnose, machine, schemaError } from './helpers';

const choice = (choices: unknown, extra: object = {}) => machine({ C: { Type: 'Choice', Choices: choices, ...extra }, Done: { Type: 'Succeed' } });

describe('Choice (JSONPath)', () => {
  it('accepts And/Or/Not and every operand type', () => {
    const rule = {
      And: [
        { Variable: '$.s', StringEquals: 'a' },
        { Or: [{ Variable: '$.n', NumericGreaterThan: 1 }, { Variable: '$.b', BooleanEquals: true }] },
        { Not: { Variable: '$.t', TimestampLessThan: '2024-01-01T00:00:00Z' } },
        { Variable: '$.x', StringEqualsPath: '$.y' },
        { Variable: '$$.Execution.Id', IsPresent: true },
      ],
      Next: 'Done',
    };
    expect(diagnose(choice([rule]))).toEqual([]);
  });

  it('refuses an empty Choices', () => {
    expect(diagnose(choice([], { Default: 'Done' }))).toEqual([schemaError('Value cannot be empty', '/States/C/Choices')]);
  });

  it('needs Next on top-level rules and refuses it on nested ones', () => {
    expect(diagnose(choice([{ Variable: '$.x', IsNull: true }], { Default: 'Done' }))).toEqual([
      schemaError('These fields are required: [Next]', '/States/C/Choices[0]'),
    ]);
    const nested = { Not: { Variable: '$.x', IsNull: true, Next: 'Done' }, Next: 'Done' };
    expect(diagnose(choice([nested]))).toEqual([schemaError("Field 'Next' is not supported", '/States/C/Choices[0]/Not')]);
  });

  it('needs exactly one rule kind and one comparison', () => {
    expect(diagnose(choice([{ Variable: '$.x', And: [], IsNull: true, Next: 'Done' }]))).toContainEqual(
      schemaError('The object must have only one of the following fields, [And, Or, Not, Variable, Condition]', '/States/C/Choices[0]'),
    );
    expect(diagnose(choice([{ Variable: '$.x', IsNull: true, IsString: true, Next: 'Done' }]))).toEqual([
      schemaError('There should only be one of the following fields: [IsNull, IsString]', '/States/C/Choices[0]'),
    ]);
  });

  it('checks operand types and paths', () => {
    expect(diagnose(choice([{ Variable: '$.x', NumericEquals: '1', Next: 'Done' }]))).toHaveLength(1);
    expect(diagnose(choice([{ Variable: 'x', IsNull: true, Next: 'Done' }]))).toEqual([
      schemaError("Value is not a Reference Path: Reference path didn't start with '$'", '/States/C/Choices[0]/Variable'),
    ]);
    // "The values of Variable and Path fields in a comparison must be valid Reference Paths."
    expect(diagnose(choice([{ Variable: '$.a[*]', IsNull: true, Next: 'Done' }, { Variable: '$.a', StringEqualsPath: '$..b', Next: 'Done' }]))).toEqual([
      schemaError('Value is not a Reference Path', '/States/C/Choices[0]/Variable'),
      schemaError('Value is not a Reference Path', '/States/C/Choices[1]/StringEqualsPath'),
    ]);
  });

  it('refuses Condition in JSONPath and Variable in JSONata', () => {
    expect(diagnose(choice([{ Condition: '{% true %}', Next: 'Done' }]))).toContainEqual(
      schemaError("The QueryLanguage is set to 'JSONPath', but field 'Condition' is only supported for the 'JSONata' QueryLanguage", '/States/C/Choices[0]'),
    );
    const def = machine({ C: { Type: 'Choice', Choices: [{ Variable: '$.x', IsNull: true, Next: 'Done' }] }, Done: { Type: 'Succeed' } }, { QueryLanguage: 'JSONata' });
    expect(diagnose(def)).toContainEqual(
      schemaError("The QueryLanguage is set to 'JSONata', but field 'Variable' is only supported for the 'JSONPath' QueryLanguage", '/States/C/Choices[0]'),
    );
  });

  it('accepts a JSONata Condition', () => {
    const def = machine(
      { C: { Type: 'Choice', Choices: [{ Condition: '{% $states.input.x > 1 %}', Next: 'Done' }], Default: 'Done' }, Done: { Type: 'Succeed' } },
      { QueryLanguage: 'JSONata' },
    );
    expect(diagnose(def)).toEqual([]);
  });
});

describe('Wait', () => {
  const wait = (extra: object) => machine({ W: { Type: 'Wait', End: true, ...extra } });
  const FIELDS = '[SecondsPath, Seconds, TimestampPath, Timestamp]';

  it('needs exactly one of its four fields', () => {
    expect(diagnose(wait({ Seconds: 1, SecondsPath: '$.s' }))).toEqual([schemaError(`There should only be one of the following fields: ${FIELDS}`, '/States/W')]);
    expect(diagnose(wait({}))).toEqual([schemaError(`This object should have only one of the following fields: ${FIELDS}`, '/States/W')]);
  });

  it('bounds Seconds and checks Timestamp', () => {
    expect(diagnose(wait({ Seconds: -1 }))).toEqual([schemaError('Minimum value is 0', '/States/W/Seconds')]);
    expect(diagnose(wait({ Timestamp: '2024-01-01T00:00:00Z' }))).toEqual([]);
    expect(diagnose(wait({ Timestamp: 'tomorrow' })).map((d) => d.location)).toEqual(['/States/W/Timestamp']);
    expect(diagnose(wait({ SecondsPath: 'nope' })).map((d) => d.location)).toEqual(['/States/W/SecondsPath']);
  });
});

describe('Fail', () => {
  it('takes strings, and a path or intrinsic in ErrorPath', () => {
    expect(diagnose(machine({ F: { Type: 'Fail', Error: 1 } }))).toEqual([schemaError('Expected value of type [STRING]', '/States/F/Error')]);
    expect(diagnose(machine({ F: { Type: 'Fail', ErrorPath: "States.Format('E{}', $.x)", CausePath: '$.c' } }))).toEqual([]);
  });
});

describe('Map', () => {
  const processor = { StartAt: 'I', States: { I: { Type: 'Succeed' } } };
  const map = (extra: object, options = {}) => diagnose(machine({ M: { Type: 'Map', End: true, ...extra } }), options);

  it('needs one of ItemProcessor and Iterator', () => {
    expect(map({})).toEqual([schemaError('This object should have only one of the following fields: [ItemProcessor, Iterator]', '/States/M')]);
    expect(map({ ItemProcessor: processor, Iterator: processor })).toContainEqual(
      schemaError('There should only be one of the following fields: [ItemProcessor, Iterator]', '/States/M'),
    );
  });

  it('bounds MaxConcurrency and ToleratedFailurePercentage', () => {
    expect(map({ ItemProcessor: processor, MaxConcurrency: -1 })).toEqual([schemaError('Minimum value is 0', '/States/M/MaxConcurrency')]);
    const distributed = { ...processor, ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' } };
    expect(map({ ItemProcessor: distributed, ToleratedFailurePercentage: 101 })).toEqual([
      schemaError('Maximum value is 100.0', '/States/M/ToleratedFailurePercentage'),
    ]);
  });

  it('checks ProcessorConfig', () => {
    expect(map({ ItemProcessor: { ...processor, ProcessorConfig: { Mode: 'FAST' } } })).toEqual([
      schemaError('Value should be one of the following: [INLINE, DISTRIBUTED]', '/States/M/ItemProcessor/ProcessorConfig/Mode'),
    ]);
    expect(map({ ItemProcessor: { ...processor, ProcessorConfig: { Mode: 'DISTRIBUTED' } } })).toEqual([
      schemaError('These fields are required: [ExecutionType]', '/States/M/ItemProcessor/ProcessorConfig'),
    ]);
    expect(map({ ItemProcessor: { ...processor, ProcessorConfig: { Mode: 'INLINE', ExecutionType: 'EXPRESS' } } })).toEqual([
      schemaError("Field 'ExecutionType' is not supported", '/States/M/ItemProcessor/ProcessorConfig'),
    ]);
  });

  it('refuses a Distributed Map in an EXPRESS machine', () => {
    const distributed = { ...processor, ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' } };
    expect(map({ ItemProcessor: distributed }, { type: 'EXPRESS' })).toEqual([
      schemaError("The field 'Mode' with value 'DISTRIBUTED' is not supported inside 'EXPRESS' state machines", '/States/M/ItemProcessor/ProcessorConfig/Mode'),
    ]);
  });

  it('refuses distributed-only fields inline', () => {
    expect(map({ ItemProcessor: processor, Label: 'x', ItemBatcher: {} })).toEqual([
      schemaError("Field 'ItemBatcher' is not supported", '/States/M'),
      schemaError("Field 'Label' is not supported", '/States/M'),
    ]);
  });

  it('takes ItemsPath in JSONPath and Items in JSONata', () => {
    expect(map({ ItemProcessor: processor, ItemsPath: '$.items' })).toEqual([]);
    expect(map({ ItemProcessor: processor, Items: [1] })).toEqual([
      schemaError("The QueryLanguage is set to 'JSONPath', but field 'Items' is only supported for the 'JSONata' QueryLanguage", '/States/M'),
    ]);
  });
});

describe('Parallel', () => {
  it('needs a non-empty Branches', () => {
    expect(diagnose(machine({ P: { Type: 'Parallel', Branches: [], End: true } }))).toEqual([schemaError('Value cannot be empty', '/States/P/Branches')]);
  });
});
