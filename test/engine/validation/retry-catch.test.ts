import { diagnose, machine, schemaError } from './helpers';

const task = (extra: object) => machine({ T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true, ...extra } });
/** With a Fail state for catchers to go to. */
const catching = (extra: object) =>
  machine({ T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true, ...extra }, F: { Type: 'Fail' } });

describe('Retry', () => {
  it('accepts the documented fields and IntervalSeconds 0 (measured on AWS)', () => {
    const retry = [{ ErrorEquals: ['States.Timeout'], IntervalSeconds: 0, MaxAttempts: 0, BackoffRate: 1, MaxDelaySeconds: 5, JitterStrategy: 'FULL' }];
    expect(diagnose(task({ Retry: retry }))).toEqual([]);
  });

  it.each([
    ['MaxAttempts', -1, 'Minimum value is 0'],
    ['MaxAttempts', 100000000, 'Maximum value is 99999999'],
    ['BackoffRate', 0.5, 'Minimum value is 1.0'],
    ['MaxDelaySeconds', 0, 'Minimum value is 1'],
    ['MaxDelaySeconds', 31622401, 'Maximum value is 31622400'],
    ['IntervalSeconds', 1.5, 'Expected value of type Integer'],
    ['JitterStrategy', 'SOME', 'Value should be one of the following: [NONE, FULL]'],
  ])('refuses %s %p', (field, value, message) => {
    expect(diagnose(task({ Retry: [{ ErrorEquals: ['E'], [field]: value }] }))).toEqual([schemaError(message, `/States/T/Retry[0]/${field}`)]);
  });

  it('requires a non-empty ErrorEquals', () => {
    expect(diagnose(task({ Retry: [{}] }))).toEqual([schemaError('These fields are required: [ErrorEquals]', '/States/T/Retry[0]')]);
    expect(diagnose(task({ Retry: [{ ErrorEquals: [] }] }))).toEqual([schemaError('Value cannot be empty', '/States/T/Retry[0]/ErrorEquals')]);
  });

  it('refuses unknown retrier fields', () => {
    expect(diagnose(task({ Retry: [{ ErrorEquals: ['E'], Backoff: 2 }] }))).toEqual([schemaError("Field 'Backoff' is not supported", '/States/T/Retry[0]')]);
  });

  it('needs States.ALL alone and last', () => {
    const message = 'States.ALL must appear alone and at end of list';
    expect(diagnose(task({ Retry: [{ ErrorEquals: ['States.ALL', 'E'] }] }))).toEqual([schemaError(message, '/States/T/Retry[0]/ErrorEquals[0]')]);
    expect(diagnose(task({ Retry: [{ ErrorEquals: ['E', 'States.ALL'] }] }))).toEqual([schemaError(message, '/States/T/Retry[0]/ErrorEquals[1]')]);
    expect(diagnose(task({ Retry: [{ ErrorEquals: ['States.ALL'] }, { ErrorEquals: ['E'] }] }))).toEqual([
      schemaError(message, '/States/T/Retry[0]/ErrorEquals[0]'),
    ]);
  });
});

describe('Catch', () => {
  it('requires ErrorEquals and Next', () => {
    expect(diagnose(catching({ Catch: [{ ErrorEquals: ['States.ALL'] }] }))).toContainEqual(
      schemaError('These fields are required: [Next]', '/States/T/Catch[0]'),
    );
  });

  it('needs States.ALL last', () => {
    const d = diagnose(catching({ Catch: [{ ErrorEquals: ['States.ALL'], Next: 'F' }, { ErrorEquals: ['E'], Next: 'F' }] }));
    expect(d).toEqual([schemaError('States.ALL must appear alone and at end of list', '/States/T/Catch[0]/ErrorEquals[0]')]);
  });

  it('takes ResultPath in JSONPath and Output in JSONata', () => {
    expect(diagnose(catching({ Catch: [{ ErrorEquals: ['E'], Next: 'F', ResultPath: '$.error' }] }))).toEqual([]);
    expect(diagnose(catching({ Catch: [{ ErrorEquals: ['E'], Next: 'F', Output: {} }] }))).toEqual([
      schemaError("The QueryLanguage is set to 'JSONPath', but field 'Output' is only supported for the 'JSONata' QueryLanguage", '/States/T/Catch[0]'),
    ]);
    expect(diagnose(catching({ Catch: [{ ErrorEquals: ['E'], Next: 'F', ResultPath: 'error' }] }))).toEqual([
      schemaError('Value must be a valid JSONPath.', '/States/T/Catch[0]/ResultPath'),
    ]);
  });
});
