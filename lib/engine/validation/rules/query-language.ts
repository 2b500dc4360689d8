import type { StateRule } from '../context';
import { Messages } from '../messages';

/** Fields only a JSONPath state may carry (a JSONata state is refused them, and the reverse). */
export const JsonPathOnlyFields = [
  'InputPath', 'OutputPath', 'ResultPath', 'Parameters', 'ResultSelector', 'Result', 'ItemsPath',
  'TimeoutSecondsPath', 'HeartbeatSecondsPath', 'SecondsPath', 'TimestampPath', 'MaxConcurrencyPath',
  'ToleratedFailurePercentagePath', 'ToleratedFailureCountPath', 'ErrorPath', 'CausePath',
] as const;
export const JsonataOnlyFields = ['Arguments', 'Output', 'Items'] as const;

/**
 * QueryLanguage as AWS enforces it (floci-io/floci#2968, localstack's recording): the value must
 * be JSONPath or JSONata (at the field); a state cannot go back to JSONPath under a JSONata machine
 * (at the state, and then its other-language fields are not listed on top); a field of the other
 * language is refused at the state. Upgrading one state to JSONata is allowed.
 */
export const queryLanguage: StateRule = ({ state, location, queryLanguage, graph, sink }) => {
  const declared = state.QueryLanguage;
  if (declared !== undefined) {
    if (typeof declared !== 'string') sink.schema(Messages.expectedType('STRING'), `${location}/QueryLanguage`);
    else if (declared !== 'JSONPath' && declared !== 'JSONata') sink.schema(Messages.oneOfValues(['JSONPath', 'JSONata']), `${location}/QueryLanguage`);
  }
  if (declared === 'JSONPath' && graph.queryLanguage === 'JSONata') {
    sink.schema(Messages.downgrade, location);
    return;
  }
  const foreign: readonly string[] = queryLanguage === 'JSONata' ? JsonPathOnlyFields : JsonataOnlyFields;
  for (const field of Object.keys(state)) {
    if (foreign.includes(field)) sink.schema(Messages.otherLanguage(queryLanguage, field), location);
  }
};
