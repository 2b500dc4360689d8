import { validateDefinition } from '../../../lib/engine/validation';
import { machine } from './helpers';

/** A machine with `n` unreachable states, so `n` errors, plus one warning. */
function withErrors(n: number): string {
  const states: Record<string, unknown> = { A: { Type: 'Pass', Parameters: { a: '$.x' }, End: true } };
  for (let i = 0; i < n; i++) states[`U${i}`] = { Type: 'Succeed' };
  return machine(states);
}

describe('validateDefinition options (API reference)', () => {
  it('returns errors only by default, and FAIL when there is any', () => {
    const r = validateDefinition(withErrors(1));
    expect(r.result).toBe('FAIL');
    expect(r.diagnostics.map((d) => d.severity)).toEqual(['ERROR']);
  });

  it('returns warnings too with severity WARNING; warnings alone are OK', () => {
    expect(validateDefinition(withErrors(1), { severity: 'WARNING' }).diagnostics.map((d) => d.severity)).toEqual(['WARNING', 'ERROR']);
    expect(validateDefinition(withErrors(0), { severity: 'WARNING' })).toMatchObject({ result: 'OK', truncated: false });
    expect(validateDefinition(withErrors(0))).toEqual({ result: 'OK', diagnostics: [], truncated: false });
  });

  it('caps at maxResults (0 means 100) and says truncated', () => {
    expect(validateDefinition(withErrors(5), { maxResults: 2 })).toMatchObject({ result: 'FAIL', truncated: true });
    expect(validateDefinition(withErrors(5), { maxResults: 2 }).diagnostics).toHaveLength(2);
    expect(validateDefinition(withErrors(5), { maxResults: 5 }).truncated).toBe(false);
    const many = validateDefinition(withErrors(120), { maxResults: 0 });
    expect([many.diagnostics.length, many.truncated]).toEqual([100, true]);
  });
});

describe('JSON syntax errors, worded as Jackson (AWS)', () => {
  const message = (text: string) => validateDefinition(text).diagnostics[0];

  it('points after the offending character', () => {
    expect(message('{"StartAt": }')).toEqual({
      severity: 'ERROR',
      code: 'INVALID_JSON_DESCRIPTION',
      message: 'Unexpected character (\'}\' (code 125)): expected a value\n at [Source: (String)"{"StartAt": }"; line: 1, column: 14]',
      location: '[Source: (String)"{"StartAt": }"; line: 1, column: 14]',
    });
  });

  it('reports an unclosed object with its start marker', () => {
    expect(message('{"a": 1').message).toBe(
      'Unexpected end-of-input: expected close marker for Object (start marker at [Source: (String)"{"a": 1"; line: 1, column: 1])\n at [Source: (String)"{"a": 1"; line: 1, column: 8]',
    );
  });

  it('counts lines', () => {
    expect(message('{\n  "a": 1\n  "b": 2\n}').location).toBe('[Source: (String)"{\n  "a": 1\n  "b": 2\n}"; line: 3, column: 4]');
  });

  it('treats blank text and non-objects as "Definition must be a valid JSON object"', () => {
    for (const text of ['   ', '[]', '"x"', '1']) {
      expect(validateDefinition(text).diagnostics).toEqual([
        { severity: 'ERROR', code: 'SCHEMA_VALIDATION_FAILED', message: 'Definition must be a valid JSON object' },
      ]);
    }
  });
});
