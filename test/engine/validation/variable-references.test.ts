import { variableReferences } from '../../../lib/engine/validation';

// DescribeStateMachine's variableReferences for definitions recorded on AWS
// (localstack's tests/aws/services/stepfunctions/v2/test_sfn_api_variable_references.snapshot.json).

const machine = (States: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ StartAt: Object.keys(States)[0], States, ...extra });

describe('variableReferences (recorded on AWS)', () => {
  test('a `.$` member of Parameters reads a variable; a plain "$result" string does not', () => {
    const def = machine({
      State0: { Type: 'Pass', Parameters: { result: '$result' }, Assign: { result: 'foobar' }, Next: 'State1' },
      State1: { Type: 'Pass', ResultPath: '$.result', Parameters: { 'result.$': '$result' }, End: true },
    });
    expect(variableReferences(def)).toEqual({ State1: ['result'] });
  });

  test('Choice: Variable and …Path operands; Assign of another state; sorted', () => {
    const def = machine({
      Setup: { Type: 'Pass', Assign: { guess: 'the_guess', answer: 'the_answer' }, Next: 'CheckAnswer' },
      CheckAnswer: { Type: 'Choice', Choices: [{ Variable: '$guess', StringEqualsPath: '$answer', Next: 'CorrectAnswer' }], Default: 'WrongAnswer' },
      CorrectAnswer: { Type: 'Pass', Result: { state: 'CORRECT' }, End: true },
      WrongAnswer: { Type: 'Pass', Assign: { 'guess.$': '$answer' }, Result: { state: 'WRONG' }, Next: 'CheckAnswer' },
    });
    expect(variableReferences(def)).toEqual({ CheckAnswer: ['answer', 'guess'], WrongAnswer: ['answer'] });
  });

  test('InputPath, OutputPath, Fail ErrorPath and CausePath', () => {
    expect(variableReferences(machine({ S: { Type: 'Pass', InputPath: '$theAnswer', End: true } }))).toEqual({ S: ['theAnswer'] });
    expect(variableReferences(machine({ S: { Type: 'Pass', InputPath: '$answer', ResultPath: '$.theAnswer', OutputPath: '$answer', Assign: { answer: 'x' }, End: true } }))).toEqual({ S: ['answer'] });
    expect(variableReferences(machine({ Fail: { Type: 'Fail', CausePath: '$causeVar', ErrorPath: '$errorVar' } }))).toEqual({ Fail: ['causeVar', 'errorVar'] });
  });

  test("intrinsics' path arguments, nested calls included; paths into the input read none", () => {
    const def = machine({
      State1: {
        Type: 'Pass',
        Parameters: {
          encodingOps: { 'encoded.$': 'States.Base64Encode($rawString)', 'decoded.$': 'States.Base64Decode($encodedString)' },
          hashOps: { 'hashValue.$': "States.Hash($inputString, 'SHA-256')" },
          jsonOps: { 'mergedJson.$': 'States.JsonMerge($json1, $json2, false)', 'parsedJson.$': 'States.StringToJson($jsonString)', 'stringifiedJson.$': 'States.JsonToString($jsonObject)' },
          mathOps: { 'sum.$': 'States.MathAdd($value1, $value2)' },
          stringOps: { 'splitString.$': "States.StringSplit($csvString, ',')", 'formattedString.$': "States.Format('Hello {}, welcome to {}!', $name, $place)" },
          uuidOp: { 'uniqueId.$': 'States.UUID()' },
        },
        End: true,
      },
    });
    expect(variableReferences(def)).toEqual({
      State1: ['csvString', 'encodedString', 'inputString', 'json1', 'json2', 'jsonObject', 'jsonString', 'name', 'place', 'rawString', 'value1', 'value2'],
    });
    expect(variableReferences(machine({ S: { Type: 'Pass', Result: {}, Assign: { 'a.$': 'States.ArrayPartition($.inputArray, 2)', 'b.$': '$.input' }, End: true } }))).toEqual({});
  });

  test('states inside a Map are listed under their own names; ItemsPath, ItemSelector, MaxConcurrencyPath, tolerated failure and MaxItems paths', () => {
    const inner = { ProcessorConfig: { Mode: 'INLINE' }, StartAt: 'Pass', States: { Pass: { Type: 'Pass', Parameters: { 'Question.$': '$Question', 'Answer.$': '$.AnnouncePokemon' }, End: true } } };
    expect(
      variableReferences(machine({ M: { Type: 'Map', ItemSelector: { 'AnnouncePokemon.$': 'States.Format($AnswerTemplate, $$.Map.Item.Value)' }, ItemProcessor: inner, End: true } })),
    ).toEqual({ M: ['AnswerTemplate'], Pass: ['Question'] });
    expect(variableReferences(machine({ M: { Type: 'Map', ItemsPath: '$PokemonList', ItemProcessor: inner, End: true } }))).toEqual({ M: ['PokemonList'], Pass: ['Question'] });
    const distributed = { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'H', States: { H: { Type: 'Pass', End: true } } };
    expect(variableReferences(machine({ M: { Type: 'Map', ItemsPath: '$.Values', MaxConcurrencyPath: '$maxConcurrency', ItemProcessor: distributed, End: true } }))).toEqual({ M: ['maxConcurrency'] });
    expect(
      variableReferences(
        machine({ M: { Type: 'Map', ItemsPath: '$.Values', ItemProcessor: distributed, ToleratedFailurePercentagePath: '$toleratedFailurePercentage', ToleratedFailureCountPath: '$toleratedFailureCount', End: true } }),
      ),
    ).toEqual({ M: ['toleratedFailureCount', 'toleratedFailurePercentage'] });
    expect(
      variableReferences(
        machine({ M: { Type: 'Map', ItemReader: { ReaderConfig: { InputType: 'JSON', MaxItemsPath: '$maxItems' }, Resource: 'arn:aws:states:::s3:getObject', Parameters: { 'Bucket.$': '$.Bucket', 'Key.$': '$.Key' } }, ItemProcessor: distributed, End: true } }),
      ),
    ).toEqual({ M: ['maxItems'] });
    expect(variableReferences(machine({ M: { Type: 'Map', ItemSelector: { 'value.$': '$$.Map.Item.Value', bucketName: '$bucket' }, ItemProcessor: distributed, End: true } }))).toEqual({});
  });

  test('JSONata: $states and constants read no variable; free variables do, bound ones and function names do not', () => {
    expect(variableReferences(machine({ C: { Type: 'Choice', QueryLanguage: 'JSONata', Choices: [{ Condition: true, Next: 'T' }], Default: 'T' }, T: { Type: 'Pass', End: true } }))).toEqual({});
    expect(
      variableReferences(machine({ C: { Type: 'Choice', QueryLanguage: 'JSONata', Choices: [{ Condition: '{% $states.input.result.done %}', Next: 'T' }, { Condition: '{% $not($states.input.result.done) %}', Next: 'T' }] }, T: { Type: 'Pass', End: true } })),
    ).toEqual({});
    expect(variableReferences(machine({ P: { Type: 'Pass', Output: { a: '{% $count($items) + $x.y %}', b: '{% ($t := 1; $t + $z) %}' }, End: true } }, { QueryLanguage: 'JSONata' }))).toEqual({ P: ['items', 'x', 'z'] });
  });
});
