import { parseDefinition } from '../../../lib/engine/validation';
import { diagnose, machine, schemaError } from './helpers';

describe('QueryLanguage (recorded on AWS by localstack; floci-io/floci#2968)', () => {
  it('refuses a JSONPath state in a JSONata machine, at the state', () => {
    const def = machine({ Pass: { Type: 'Pass', QueryLanguage: 'JSONPath', InputPath: '$', End: true } }, { QueryLanguage: 'JSONata' });
    expect(diagnose(def)).toEqual([schemaError("'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine", '/States/Pass')]);
  });

  it('allows a JSONata state in a JSONPath machine', () => {
    const def = machine({ P: { Type: 'Pass', QueryLanguage: 'JSONata', Output: '{% $states.input %}', End: true } });
    expect(diagnose(def)).toEqual([]);
  });

  it.each(['InputPath', 'OutputPath', 'Parameters', 'ResultSelector', 'ResultPath'])('refuses %s in a JSONata state', (field) => {
    const def = machine({ T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', [field]: '$', End: true } }, { QueryLanguage: 'JSONata' });
    expect(diagnose(def)).toContainEqual(
      schemaError(`The QueryLanguage is set to 'JSONata', but field '${field}' is only supported for the 'JSONPath' QueryLanguage`, '/States/T'),
    );
  });

  it.each(['Arguments', 'Output'])('refuses %s in a JSONPath state', (field) => {
    const def = machine({ T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', [field]: {}, End: true } });
    expect(diagnose(def)).toEqual([
      schemaError(`The QueryLanguage is set to 'JSONPath', but field '${field}' is only supported for the 'JSONata' QueryLanguage`, '/States/T'),
    ]);
  });

  it('nested states inherit the machine language, not the Map one', () => {
    const def = machine({
      M: {
        Type: 'Map',
        QueryLanguage: 'JSONata',
        ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', Output: 1, End: true } } },
        End: true,
      },
    });
    expect(diagnose(def)).toEqual([
      schemaError("The QueryLanguage is set to 'JSONPath', but field 'Output' is only supported for the 'JSONata' QueryLanguage", '/States/M/ItemProcessor/States/P'),
    ]);
  });

  it('checks the value at the field', () => {
    expect(diagnose(machine({ P: { Type: 'Pass', QueryLanguage: 'jsonata', End: true } }))).toContainEqual(
      schemaError('Value should be one of the following: [JSONPath, JSONata]', '/States/P/QueryLanguage'),
    );
    expect(diagnose(machine({ P: { Type: 'Succeed' } }, { QueryLanguage: 1 }))).toEqual([schemaError('Expected value of type [STRING]', '/QueryLanguage')]);
  });
});

describe('JSONata expressions', () => {
  const jsonata = (state: object) => machine({ S: { End: true, ...state } }, { QueryLanguage: 'JSONata' });

  it('refuses one that does not parse: INVALID_JSONATA_EXPRESSION, parser message without its code, at the field', () => {
    expect(diagnose(jsonata({ Type: 'Pass', Output: { a: '{% 1 + %}' } }))).toEqual([
      { severity: 'ERROR', code: 'INVALID_JSONATA_EXPRESSION', message: 'Unexpected end of expression', location: '/States/S/Output/a' },
    ]);
  });

  it('refuses a top-level field reference and $$ (UNSUPPORTED_JSONATA_EXPRESSION, floci-io/floci#2670)', () => {
    expect(diagnose(jsonata({ Type: 'Pass', Output: { v: '{% phone %}' } }))).toEqual([
      { severity: 'ERROR', code: 'UNSUPPORTED_JSONATA_EXPRESSION', message: "Reference to 'phone' at the top level is not supported.", location: '/States/S/Output/v' },
    ]);
    expect(diagnose(jsonata({ Type: 'Pass', Output: '{% $$ %}' })).map((d) => d.message)).toEqual(["Reference to '$$' is not supported."]);
  });

  it('allows names relative to a real item: filters, later path steps, lambdas', () => {
    const output = '{% $states.input.items[price > 1].name ~> $map(function($v) { $v.id }) %}';
    expect(diagnose(jsonata({ Type: 'Pass', Output: output, Assign: { n: '{% $count($states.input.a) %}' } }))).toEqual([]);
  });

  it('refuses $states.errorOutput outside a catcher', () => {
    expect(diagnose(jsonata({ Type: 'Pass', Output: '{% $states.errorOutput %}' })).map((d) => d.message)).toEqual([
      "Field '$states.errorOutput' does not exist.",
    ]);
    const task = {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Catch: [{ ErrorEquals: ['States.ALL'], Output: '{% $states.errorOutput %}', Next: 'F' }],
    };
    expect(diagnose(machine({ T: { ...task, End: true }, F: { Type: 'Fail' } }, { QueryLanguage: 'JSONata' }))).toEqual([]);
  });

  it('leaves fields AWS does not read as JSONata alone', () => {
    expect(diagnose(jsonata({ Type: 'Pass', Comment: '{% nope( %}' }))).toEqual([]);
  });

  it('refuses "{%" without "%}"', () => {
    expect(diagnose(jsonata({ Type: 'Pass', Output: '{% 1' }))).toEqual([schemaError('JSONata string must start with {% and end with %}', '/States/S/Output')]);
  });

  it('in InvalidDefinition, JSONata findings show alone and only the first', () => {
    expect(() => parseDefinition(jsonata({ Type: 'Pass', Output: { a: '{% a %}', b: '{% b %}' } }))).toThrow(
      "Invalid State Machine Definition: 'UNSUPPORTED_JSONATA_EXPRESSION: Reference to 'a' at the top level is not supported. at /States/S/Output/a'",
    );
  });
});
