import type { StateMachineDefinition } from '../../../lib/asl';
import { drive } from '../core/engine-driver';

// Which field an EvaluationFailed names, as AWS records it (localstack
// tests/aws/services/stepfunctions/v2/scenarios/test_base_scenarios.snapshot.json, recorded on AWS).
const mapOverInput: StateMachineDefinition = {
  QueryLanguage: 'JSONata',
  StartAt: 'MapIterateState',
  States: {
    MapIterateState: {
      Type: 'Map',
      ItemProcessor: { ProcessorConfig: { Mode: 'INLINE' }, StartAt: 'Pass', States: { Pass: { Type: 'Pass', End: true } } },
      End: true,
    },
  },
};

const waitUntil: StateMachineDefinition = {
  QueryLanguage: 'JSONata',
  StartAt: 'WaitState',
  States: { WaitState: { Type: 'Wait', Timestamp: '{% $states.input.TimestampValue %}', End: true } },
};

function evaluationFailed(events: { type: string }[]): Record<string, unknown> {
  const event = events.find((e) => e.type === 'EvaluationFailed') as { evaluationFailedEventDetails?: Record<string, unknown> } | undefined;
  if (!event?.evaluationFailedEventDetails) throw new Error('no EvaluationFailed event');
  return event.evaluationFailedEventDetails;
}

describe('EvaluationFailed details', () => {
  it('a JSONata Map whose input is no array names no location (test_map_state_items_input_types[*])', async () => {
    const r = await drive(mapOverInput, 'string');
    expect(evaluationFailed(r.events)).toEqual({
      error: 'States.QueryEvaluationError',
      cause: "An error occurred while executing the state 'MapIterateState' (entered at the event id #2). Map state input must be an array but was: \"string\"",
      state: 'MapIterateState',
    });
  });

  it('a JSONata Wait Timestamp that is no ISO-8601 date-time names Timestamp (test_wait_timestamp_jsonata[*])', async () => {
    const r = await drive(waitUntil, { TimestampValue: '2016-12-05T21:29:29' });
    expect(evaluationFailed(r.events)).toEqual({
      error: 'States.QueryEvaluationError',
      cause: "An error occurred while executing the state 'WaitState' (entered at the event id #2). The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: 2016-12-05T21:29:29",
      location: 'Timestamp',
      state: 'WaitState',
    });
  });
});
