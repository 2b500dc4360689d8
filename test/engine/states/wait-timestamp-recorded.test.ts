import { invalidDefinitionMessage, validateDefinition } from '../../../lib/engine/validation';

// CreateStateMachine refusing a Wait Timestamp that is not an RFC 3339 date-time, with the text AWS
// answered (localstack tests/aws/services/stepfunctions/v2/scenarios/test_base_scenarios.snapshot.json,
// test_wait_timestamp_invalid[*], recorded on AWS 2024-12-27).
const wait = (timestamp: string): string =>
  JSON.stringify({ StartAt: 'WaitUntil', States: { WaitUntil: { Type: 'Wait', Timestamp: timestamp, End: true } } });

describe('a Wait Timestamp AWS refuses at creation', () => {
  it.each([
    ['NO_T', '2016-12-05 21:29:29Z'],
    ['NO_Z', '2016-12-05T21:29:29'],
    ['INVALID_DATE', '2016-13-05T21:29:29Z'],
    ['INVALID_TIME', '2016-12-05T25:29:29Z'],
    ['INVALID_ISO', '05-12-2016T21:29:29Z'],
  ])('%s (%s)', (_name, timestamp) => {
    const errors = validateDefinition(wait(timestamp), {}).diagnostics.filter((d) => d.severity === 'ERROR');
    expect(invalidDefinitionMessage(errors)).toBe(
      "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: String does not match RFC3339 timestamp at /States/WaitUntil/Timestamp'",
    );
  });

  it('accepts a valid one, with fractional seconds or an offset', () => {
    for (const ok of ['2016-12-05T21:29:29Z', '2016-12-05T21:29:29.123Z', '2016-12-05T21:29:29+01:00']) {
      expect(validateDefinition(wait(ok), {}).diagnostics.filter((d) => d.severity === 'ERROR')).toEqual([]);
    }
  });
});
