import { invalidDefinitionMessage } from '../../../lib/engine/validation';
import { diagnose, machine, schemaError } from './helpers';

// localstack test_credentials_base.snapshot.json test_invalid_credentials_field, recorded on AWS.
const state = (Credentials: unknown) => ({
  State0: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Arguments: '{% $states.input %}', Credentials, End: true },
});

describe('Task Credentials', () => {
  it.each([
    ['empty', {}],
    ['with another field in place of RoleArn', { InvalidField: 'invalid' }],
  ])('refuses Credentials %s: RoleArn is required', (_name, credentials) => {
    const found = diagnose(machine(state(credentials), { QueryLanguage: 'JSONata' }));
    expect(found).toEqual([schemaError("The field 'RoleArn' is required but was missing", '/States/State0/Credentials')]);
    expect(invalidDefinitionMessage(found)).toBe(
      "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: The field 'RoleArn' is required but was missing at /States/State0/Credentials'",
    );
  });

  it('accepts RoleArn, and RoleArn.$ in JSONPath', () => {
    expect(diagnose(machine(state({ RoleArn: '{% $states.input.role %}' }), { QueryLanguage: 'JSONata' }))).toEqual([]);
    const jsonPath = { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: {}, Credentials: { 'RoleArn.$': '$.role' }, End: true } };
    expect(diagnose(machine(jsonPath))).toEqual([]);
  });
});
