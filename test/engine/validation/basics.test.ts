import { InvalidDefinitionError, parseDefinition, validateDefinition } from '../../../lib/engine/validation';

const def = (value: unknown) => JSON.stringify(value);

describe('validateDefinition: not a definition (recorded on AWS)', () => {
  it('rejects the empty string as a non-object, without location', () => {
    expect(validateDefinition('')).toEqual({
      result: 'FAIL',
      truncated: false,
      diagnostics: [{ severity: 'ERROR', code: 'SCHEMA_VALIDATION_FAILED', message: 'Definition must be a valid JSON object' }],
    });
  });

  it('reports invalid JSON as Jackson does', () => {
    const location = '[Source: (String)"not a definition"; line: 1, column: 4]';
    expect(validateDefinition('not a definition').diagnostics).toEqual([
      {
        severity: 'ERROR',
        code: 'INVALID_JSON_DESCRIPTION',
        location,
        message: `Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')\n at ${location}`,
      },
    ]);
  });

  it('lists missing StartAt and States, States first, at "/"', () => {
    expect(validateDefinition('{}').diagnostics).toEqual([
      { severity: 'ERROR', code: 'SCHEMA_VALIDATION_FAILED', location: '/', message: 'These fields are required: [States, StartAt]' },
    ]);
    expect(validateDefinition(def({ States: { A: { Type: 'Pass', End: true } } })).diagnostics).toEqual([
      { severity: 'ERROR', code: 'SCHEMA_VALIDATION_FAILED', location: '/', message: 'These fields are required: [StartAt]' },
    ]);
  });

  it('accepts a valid Pass machine', () => {
    expect(validateDefinition(def({ StartAt: 'A', States: { A: { Type: 'Pass', End: true } } }))).toEqual({
      result: 'OK',
      diagnostics: [],
      truncated: false,
    });
  });
});

describe('parseDefinition', () => {
  it('returns the parsed definition', () => {
    expect(parseDefinition(def({ StartAt: 'A', States: { A: { Type: 'Succeed' } } })).StartAt).toBe('A');
  });

  it('joins every error into one InvalidDefinition message (as AWS, localstack#12487)', () => {
    const text = def({ StartAt: 'pass1', States: { pass1: { Type: 'Pass', Next: 'pass3' }, pass2: { Type: 'Pass', End: true } } });
    let error: unknown;
    try {
      parseDefinition(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidDefinitionError);
    expect((error as InvalidDefinitionError).code).toBe('InvalidDefinition');
    expect((error as InvalidDefinitionError).message).toBe(
      "Invalid State Machine Definition: 'MISSING_TRANSITION_TARGET: Missing 'Next' target: pass3 at /States/pass1/Next, " +
        'MISSING_TRANSITION_TARGET: State "pass2" is not reachable. at /States/pass2\'',
    );
  });

  it('writes "at null" for a diagnostic without location (floci-io/floci#2735)', () => {
    const text = def({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Pass', Next: 'A' } } });
    expect(() => parseDefinition(text)).toThrow("Invalid State Machine Definition: 'MISSING_END_STATE: Workflow has no terminal state at null'");
  });
});
