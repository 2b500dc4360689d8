import { diagnose, machine, schemaError } from './helpers';

const LAMBDA = 'arn:aws:states:::lambda:invoke';

describe('fields per state type', () => {
  it.each([
    ['Pass', { Type: 'Pass', TimeoutSeconds: 5, End: true }, 'TimeoutSeconds'],
    ['Map', { Type: 'Map', ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Succeed' } } }, TimeoutSeconds: 5, End: true }, 'TimeoutSeconds'],
    ['Parallel', { Type: 'Parallel', Branches: [{ StartAt: 'B', States: { B: { Type: 'Succeed' } } }], TimeoutSeconds: 5, End: true }, 'TimeoutSeconds'],
    ['Pass', { Type: 'Pass', Catch: [], End: true }, 'Catch'],
    ['Wait', { Type: 'Wait', Seconds: 1, Retry: [], End: true }, 'Retry'],
    ['Succeed', { Type: 'Succeed', ResultPath: '$.x' }, 'ResultPath'],
    ['Fail', { Type: 'Fail', InputPath: '$' }, 'InputPath'],
    ['Pass', { Type: 'Pass', _comment: 'x', End: true }, '_comment'],
  ])('%s refuses %p as "Field \'X\' is not supported" at the state', (_type, state, field) => {
    expect(diagnose(machine({ S: state }))).toContainEqual(schemaError(`Field '${field}' is not supported`, '/States/S'));
  });

  it('refuses Next on terminal types', () => {
    expect(diagnose(machine({ S: { Type: 'Succeed', Next: 'S' } }))).toContainEqual(schemaError("Field 'Next' is not supported", '/States/S'));
  });

  it('requires the fields of the type', () => {
    expect(diagnose(machine({ T: { Type: 'Task', End: true } }))).toEqual([schemaError('These fields are required: [Resource]', '/States/T')]);
    expect(diagnose(machine({ P: { Type: 'Parallel', End: true } }))).toEqual([schemaError('These fields are required: [Branches]', '/States/P')]);
    expect(diagnose(machine({ C: { Type: 'Choice' } }))).toContainEqual(schemaError('These fields are required: [Choices]', '/States/C'));
    expect(diagnose(machine({ X: { End: true } }))).toEqual([schemaError('These fields are required: [Type]', '/States/X')]);
  });

  it('lists the valid types for an unknown Type (text AWS returns, quoted by localstack)', () => {
    expect(diagnose(machine({ X: { Type: 'Nope', End: true } }))).toEqual([
      schemaError("The field 'Type' should have one of these values: [Task, Wait, Pass, Succeed, Fail, Choice, Parallel, Map]", '/States/X/Type'),
    ]);
  });

  it('needs exactly one of Next and End', () => {
    expect(diagnose(machine({ A: { Type: 'Pass', Next: 'B', End: true }, B: { Type: 'Succeed' } }))).toEqual([
      schemaError('There should only be one of the following fields: [Next, End]', '/States/A'),
    ]);
    expect(diagnose(machine({ A: { Type: 'Pass' } }))).toContainEqual(
      schemaError('This object should have only one of the following fields: [Next, End]', '/States/A'),
    );
  });

  it('refuses a field and its Path twin together', () => {
    const d = diagnose(machine({ T: { Type: 'Task', Resource: LAMBDA, TimeoutSeconds: 5, TimeoutSecondsPath: '$.t', End: true } }));
    expect(d).toEqual([schemaError('There should only be one of the following fields: [TimeoutSeconds, TimeoutSecondsPath]', '/States/T')]);
    expect(diagnose(machine({ F: { Type: 'Fail', Error: 'E', ErrorPath: '$.e' } }))).toEqual([
      schemaError('There should only be one of the following fields: [Error, ErrorPath]', '/States/F'),
    ]);
  });

  it('refuses unknown machine-level fields at "/"', () => {
    expect(diagnose(machine({ A: { Type: 'Succeed' } }, { Coment: 'typo' }))).toEqual([schemaError("Field 'Coment' is not supported", '/')]);
  });

  it('checks the machine-level fields', () => {
    expect(diagnose(machine({ A: { Type: 'Succeed' } }, { TimeoutSeconds: 0, Version: '1.0', Comment: 'ok' }))).toEqual([]);
    expect(diagnose(machine({ A: { Type: 'Succeed' } }, { TimeoutSeconds: -1, Version: '2.0' }))).toEqual([
      schemaError('Value should be one of the following: [1.0]', '/Version'),
      schemaError('Minimum value is 0', '/TimeoutSeconds'),
    ]);
    expect(diagnose(JSON.stringify({ StartAt: 'A', States: {} }))).toEqual([schemaError('Value cannot be empty', '/States')]);
  });

  it('refuses QueryLanguage on a branch or ItemProcessor (floci-io/floci#2968)', () => {
    const d = diagnose(
      machine({ M: { Type: 'Map', ItemProcessor: { QueryLanguage: 'JSONata', StartAt: 'I', States: { I: { Type: 'Succeed' } } }, End: true } }),
    );
    expect(d).toEqual([schemaError("Field 'QueryLanguage' is not supported", '/States/M/ItemProcessor')]);
  });
});

describe('Task', () => {
  it('bounds TimeoutSeconds and HeartbeatSeconds', () => {
    const task = (extra: object) => machine({ T: { Type: 'Task', Resource: LAMBDA, End: true, ...extra } });
    expect(diagnose(task({ TimeoutSeconds: 0 }))).toEqual([schemaError('Minimum value is 1', '/States/T/TimeoutSeconds')]);
    expect(diagnose(task({ TimeoutSeconds: 100000000 }))).toEqual([schemaError('Maximum value is 99999999', '/States/T/TimeoutSeconds')]);
    expect(diagnose(task({ HeartbeatSeconds: 1.5 }))).toEqual([schemaError('Expected value of type Integer', '/States/T/HeartbeatSeconds')]);
    expect(diagnose(task({ TimeoutSeconds: 'x' }))).toEqual([schemaError('Expected value of type Integer', '/States/T/TimeoutSeconds')]);
    expect(diagnose(task({ TimeoutSeconds: 10, HeartbeatSeconds: 10 })).map((d) => d.location)).toEqual(['/States/T/HeartbeatSeconds']);
    expect(diagnose(task({ TimeoutSeconds: 10, HeartbeatSeconds: 9 }))).toEqual([]);
  });

  it('accepts a JSONata expression for a numeric field in a JSONata state', () => {
    const def = machine({ T: { Type: 'Task', Resource: LAMBDA, TimeoutSeconds: '{% 120 %}', HeartbeatSeconds: '{% 20 %}', End: true } }, { QueryLanguage: 'JSONata' });
    expect(diagnose(def)).toEqual([]);
  });

  it('needs an ARN resource', () => {
    expect(diagnose(machine({ T: { Type: 'Task', Resource: 'createToken', End: true } }))).toEqual([
      schemaError('Value is not a valid resource ARN', '/States/T/Resource'),
    ]);
  });

  it('refuses .waitForTaskToken, .sync and activities in an EXPRESS machine (text recorded on AWS by localstack)', () => {
    const def = (resource: string) => machine({ SendMessageWithWait: { Type: 'Task', Resource: resource, End: true } });
    expect(diagnose(def('arn:aws:states:::sqs:sendMessage.waitForTaskToken'), { type: 'EXPRESS' })).toEqual([
      schemaError("Express state machine does not support '.waitForTaskToken' service integration ", '/States/SendMessageWithWait/Resource'),
    ]);
    expect(diagnose(def('arn:aws:states:::states:startExecution.sync:2'), { type: 'EXPRESS' })).toHaveLength(1);
    expect(diagnose(def('arn:aws:states:us-east-1:123456789012:activity:a'), { type: 'EXPRESS' })).toEqual([
      schemaError('Express state machine does not support Activity ARN', '/States/SendMessageWithWait/Resource'),
    ]);
    expect(diagnose(def('arn:aws:states:::sqs:sendMessage.waitForTaskToken'))).toEqual([]);
  });
});
