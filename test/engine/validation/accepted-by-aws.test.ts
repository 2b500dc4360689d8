import { parseDefinition, validateDefinition, InvalidDefinitionError } from '../../../lib/engine/validation';

// Definitions whose fate on AWS was reported live in other emulators' issues.
const validate = (d: unknown) => validateDefinition(JSON.stringify(d), { type: 'STANDARD', severity: 'ERROR', maxResults: 100 });

describe('definitions AWS accepts (reported against localstack, with AWS output quoted)', () => {
  test('a JSONPath state inside a JSONata Map of a JSONPath machine (localstack/localstack#12958)', () => {
    const def = {
      StartAt: 'Map',
      QueryLanguage: 'JSONPath',
      States: { Map: { Type: 'Map', QueryLanguage: 'JSONata', ItemProcessor: { ProcessorConfig: { Mode: 'INLINE' }, StartAt: 'Pass', States: { Pass: { QueryLanguage: 'JSONPath', Type: 'Pass', End: true } } }, End: true } },
    };
    expect(validate(def)).toEqual({ result: 'OK', diagnostics: [], truncated: false });
  });

  test('a JSONata ResultWriter with Arguments (localstack/localstack#13181)', () => {
    const def = {
      StartAt: 'TestMap',
      QueryLanguage: 'JSONata',
      States: {
        TestMap: {
          Type: 'Map',
          MaxConcurrency: 50,
          ItemProcessor: {
            ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
            StartAt: 'SubMap',
            States: { SubMap: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true, QueryLanguage: 'JSONata', Arguments: { FunctionName: 'SubMapFun', Payload: '{% $states.input %}' } } },
          },
          ResultWriter: { Resource: 'arn:aws:states:::s3:putObject', Arguments: { Bucket: 'b', Prefix: 'p' } },
          End: true,
        },
      },
    };
    expect(validate(def).result).toBe('OK');
  });

  test('a Choice without Default that loops back (localstack/localstack#9006)', () => {
    const def = {
      StartAt: 'CheckCondition',
      States: {
        CheckCondition: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:check', ResultPath: '$.result', Next: 'CheckResult' },
        CheckResult: {
          Type: 'Choice',
          Choices: [
            { Variable: '$.result.done', BooleanEquals: true, Next: 'Send' },
            { Variable: '$.result.done', BooleanEquals: false, Next: 'CheckCondition' },
          ],
        },
        Send: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:send', End: true },
      },
    };
    expect(validate(def).result).toBe('OK');
  });

  test('a JSONata Choice rule with its own Output (localstack/localstack#12048)', () => {
    const def = {
      QueryLanguage: 'JSONata',
      StartAt: 'Choice',
      States: {
        Choice: { Type: 'Choice', Choices: [{ Next: 'Fail', Condition: '{% $states.input.status != "success" %}', Output: { notification_type: '{% $states.input.status %}' } }], Default: 'Success' },
        Fail: { Type: 'Fail' },
        Success: { Type: 'Succeed' },
      },
    };
    expect(validate(def).result).toBe('OK');
  });

  test('Jayway function calls in paths: created, then failing when they run (re:Post QUYiQKP0XfThWEc_ahsMnLOA; awsdocs PR #5)', () => {
    // `$.Jobs.sum()` in a payload template ran on AWS and failed with "could not be found";
    // `$.list.length()` as an InputPath failed at run time with "Property ['length()'] not found".
    const def = {
      StartAt: 'Sum',
      States: {
        Sum: { Type: 'Pass', Parameters: { 'Jobs.$': '$.Jobs.sum()' }, Next: 'Count' },
        Count: { Type: 'Pass', InputPath: '$.list.length()', End: true },
      },
    };
    expect(validate(def)).toEqual({ result: 'OK', diagnostics: [], truncated: false });
    // A reference path names one node, so ResultPath still refuses a call.
    const resultPath = { StartAt: 'P', States: { P: { Type: 'Pass', ResultPath: '$.a.length()', End: true } } };
    expect(validate(resultPath).result).toBe('FAIL');
  });
});

test('a missing Next target and an unreachable state: both in one InvalidDefinition, in AWS words (localstack/localstack#11978)', () => {
  const def = JSON.stringify({ StartAt: 'pass1', States: { pass1: { Type: 'Pass', Next: 'pass3' }, pass2: { Type: 'Pass', End: true } } });
  let error: unknown;
  try {
    parseDefinition(def, { type: 'STANDARD' });
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(InvalidDefinitionError);
  expect((error as Error).message).toBe(
    "Invalid State Machine Definition: 'MISSING_TRANSITION_TARGET: Missing 'Next' target: pass3 at /States/pass1/Next, MISSING_TRANSITION_TARGET: State \"pass2\" is not reachable. at /States/pass2'",
  );
});

test('StartAt naming no state: "Missing \'Next\' target" at /StartAt, then the unreachable state (serverless-operations/serverless-step-functions#250, quoting AWS)', () => {
  const def = JSON.stringify({ StartAt: 'aws_own.run_step', States: { run_step: { Type: 'Pass', End: true } } });
  expect(() => parseDefinition(def, { type: 'STANDARD' })).toThrow(
    "Invalid State Machine Definition: 'MISSING_TRANSITION_TARGET: Missing 'Next' target: aws_own.run_step at /StartAt, MISSING_TRANSITION_TARGET: State \"run_step\" is not reachable. at /States/run_step'",
  );
});

test('an unrendered template: both top-level fields required, then the unknown field, both at / (cloudtools/troposphere#1450, quoting AWS)', () => {
  const def = JSON.stringify({ 'Fn::Sub': '{"StartAt": "A"}' });
  expect(() => parseDefinition(def, { type: 'STANDARD' })).toThrow(
    "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: These fields are required: [States, StartAt] at /, SCHEMA_VALIDATION_FAILED: Field 'Fn::Sub' is not supported at /'",
  );
});
