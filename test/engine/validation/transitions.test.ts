import { diagnose, machine } from './helpers';

const pass = (next?: string) => (next ? { Type: 'Pass', Next: next } : { Type: 'Pass', End: true });

describe('transitions (measured on AWS, floci-io/floci#2786)', () => {
  it('reports a missing Next target, then MISSING_END_STATE without location', () => {
    expect(diagnose(machine({ A: pass('NOPE') }))).toEqual([
      { severity: 'ERROR', code: 'MISSING_TRANSITION_TARGET', message: "Missing 'Next' target: NOPE", location: '/States/A/Next' },
      { severity: 'ERROR', code: 'MISSING_END_STATE', message: 'Workflow has no terminal state' },
    ]);
  });

  it('uses the word Next for Default, Choices and Catch targets too', () => {
    const d = diagnose(
      machine({
        C: { Type: 'Choice', Choices: [{ Variable: '$.x', IsPresent: true, Next: 'X1' }], Default: 'X2' },
        T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Catch: [{ ErrorEquals: ['States.ALL'], Next: 'X3' }], End: true },
      }),
    ).filter((x) => x.message.startsWith('Missing'));
    expect(d.map((x) => [x.message, x.location])).toEqual([
      ["Missing 'Next' target: X2", '/States/C/Default'],
      ["Missing 'Next' target: X1", '/States/C/Choices[0]/Next'],
      ["Missing 'Next' target: X3", '/States/T/Catch[0]/Next'],
    ]);
  });

  it('reports a StartAt naming no state', () => {
    expect(diagnose(JSON.stringify({ StartAt: 'Nope', States: { A: pass() } }))).toContainEqual({
      severity: 'ERROR', code: 'MISSING_TRANSITION_TARGET', message: "Missing 'Next' target: Nope", location: '/StartAt',
    });
  });

  it('a loop without terminal state is MISSING_END_STATE only, even with an unreachable state', () => {
    expect(diagnose(machine({ A: pass('B'), B: pass('A'), C: pass('A') })).map((d) => d.code)).toEqual(['MISSING_END_STATE']);
  });

  it('an unreachable terminal state is MISSING_TRANSITION_TARGET at the state', () => {
    expect(diagnose(machine({ A: pass('B'), B: pass('A'), C: pass() }))).toEqual([
      { severity: 'ERROR', code: 'MISSING_TRANSITION_TARGET', message: 'State "C" is not reachable.', location: '/States/C' },
    ]);
  });

  it('follows Choices, Default and Catch when walking reachability', () => {
    expect(
      diagnose(
        machine({
          C: { Type: 'Choice', Choices: [{ Variable: '$.x', IsPresent: true, Next: 'T' }], Default: 'S' },
          T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Catch: [{ ErrorEquals: ['States.ALL'], Next: 'F' }], End: true },
          S: { Type: 'Succeed' },
          F: { Type: 'Fail' },
        }),
      ),
    ).toEqual([]);
  });

  it('checks each nested graph on its own: no transition across graph boundaries', () => {
    const d = diagnose(
      machine({
        P: { Type: 'Parallel', Branches: [{ StartAt: 'B1', States: { B1: { Type: 'Pass', Next: 'After' } } }], Next: 'After' },
        After: pass(),
      }),
    );
    expect(d).toEqual([
      { severity: 'ERROR', code: 'MISSING_TRANSITION_TARGET', message: "Missing 'Next' target: After", location: '/States/P/Branches[0]/States/B1/Next' },
    ]);
  });

  it('does not apply MISSING_END_STATE inside a branch, but walks its reachability', () => {
    const d = diagnose(
      machine({
        M: {
          Type: 'Map',
          ItemProcessor: { StartAt: 'I1', States: { I1: { Type: 'Pass', End: true }, I2: { Type: 'Pass', End: true } } },
          End: true,
        },
      }),
    );
    expect(d).toEqual([
      { severity: 'ERROR', code: 'MISSING_TRANSITION_TARGET', message: 'State "I2" is not reachable.', location: '/States/M/ItemProcessor/States/I2' },
    ]);
  });
});

describe('state names', () => {
  it('are unique across nested graphs (DUPLICATE_STATE_NAME at the later one)', () => {
    const d = diagnose(
      machine({
        M: { Type: 'Map', Iterator: { StartAt: 'Final', States: { Final: { Type: 'Pass', End: true } } }, Next: 'Final' },
        Final: pass(),
      }),
    );
    expect(d).toEqual([{ severity: 'ERROR', code: 'DUPLICATE_STATE_NAME', message: 'Duplicate State name: Final', location: '/States/Final' }]);
  });

  it('are at most 80 characters', () => {
    const long = 'N'.repeat(81);
    expect(diagnose(machine({ [long]: pass() })).map((d) => [d.code, d.location])).toEqual([['INVALID_STATE_NAME', `/States/${long}`]]);
    expect(diagnose(machine({ ['N'.repeat(80)]: pass() }))).toEqual([]);
  });
});
