import type { Json, StateMachineDefinition } from '../../../lib/asl';
import { drive } from '../core/engine-driver';

// BooleanEquals and BooleanEqualsPath against a Variable of every JSON type, as recorded on AWS
// (localstack tests/aws/services/stepfunctions/v2/choice_operators/test_boolean_equals.snapshot.json,
// test_boolean_equals and test_boolean_equals_path, 2023-06-22; the inputs are TYPE_COMPARISONS in
// that folder's utils.py). Only a boolean Variable equal to the value matches; every other type is
// simply no match, never an error. The template file itself is not stored, so the two Pass states
// around the Choice are a reconstruction: the recorded fact is which branch each execution took.
const rows: Array<[variable: Json, value: boolean, matches: boolean]> = [
  [null, true, false],
  [null, false, false],
  [0, true, false],
  [0, false, false],
  [0.0, true, false],
  [0.0, false, false],
  [1, true, false],
  [1, false, false],
  [1.1, true, false],
  [1.1, false, false],
  ['', true, false],
  ['', false, false],
  [' ', true, false],
  [' ', false, false],
  ['HelloWorld', true, false],
  ['HelloWorld', false, false],
  ['2012-10-09T19:00:55', true, false],
  ['2012-10-09T19:00:55', false, false],
  ['2012-10-09T19:00:55Z', true, false],
  ['2012-10-09T19:00:55Z', false, false],
  ['2012-10-09T19:00:55+01:00', true, false],
  ['2012-10-09T19:00:55+01:00', false, false],
  ['2023-02-24', true, false],
  ['2023-02-24', false, false],
  [[], true, false],
  [[], false, false],
  [[''], true, false],
  [[''], false, false],
  [{}, true, false],
  [{}, false, false],
  [{ A: 0 }, true, false],
  [{ A: 0 }, false, false],
  [true, true, true],
  [false, true, false],
  [false, false, true],
];

function machine(rule: Record<string, Json>): StateMachineDefinition {
  return {
    StartAt: 'CheckValue',
    States: {
      CheckValue: { Type: 'Choice', Choices: [{ Variable: '$.Variable', ...rule, Next: 'ConditionTrue' }], Default: 'ConditionFalse' },
      ConditionTrue: { Type: 'Pass', Result: { 'TestResult.$': 'ConditionTrue' }, End: true },
      ConditionFalse: { Type: 'Pass', Result: { 'TestResult.$': 'ConditionFalse' }, End: true },
    },
  } as StateMachineDefinition;
}

describe.each([
  ['BooleanEquals', (value: boolean) => ({ BooleanEquals: value })],
  ['BooleanEqualsPath', () => ({ BooleanEqualsPath: '$.Value' })],
] as const)('%s against a Variable of each type (recorded)', (_name, rule) => {
  it.each(rows.map(([variable, value, matches]) => [JSON.stringify(variable), value, matches, variable] as const))(
    'Variable %s, value %s: matches %s',
    async (_text, value, matches, variable) => {
      const r = await drive(machine(rule(value)), { Variable: variable, Value: value });
      const branch = matches ? 'ConditionTrue' : 'ConditionFalse';
      expect(r.status).toBe('SUCCEEDED');
      expect(r.output).toEqual({ 'TestResult.$': branch });
      expect(r.events.map((e) => e.type)).toEqual([
        'ExecutionStarted',
        'ChoiceStateEntered',
        'ChoiceStateExited',
        'PassStateEntered',
        'PassStateExited',
        'ExecutionSucceeded',
      ]);
      expect(r.events[3]).toMatchObject({ stateEnteredEventDetails: { name: branch } });
    },
  );
});
