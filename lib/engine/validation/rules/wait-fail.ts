import { isJsonataExpression } from '../../jsonata';
import type { StateRule } from '../context';
import { checkNumeric, checkString } from '../field-checks';
import { Messages } from '../messages';

const WAIT_FIELDS = ['SecondsPath', 'Seconds', 'TimestampPath', 'Timestamp'];
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/;

/** Wait: exactly one of Seconds, Timestamp, SecondsPath, TimestampPath (AWS lists them in this order). */
export const waitDuration: StateRule = ({ state, location, queryLanguage, sink }) => {
  const set = WAIT_FIELDS.filter((f) => f in state);
  if (set.length > 1) sink.schema(Messages.onlyOne(WAIT_FIELDS), location);
  else if (set.length === 0) sink.schema(Messages.exactlyOne(WAIT_FIELDS), location);
  const jsonata = queryLanguage === 'JSONata';
  checkNumeric(state.Seconds, `${location}/Seconds`, { min: 0, max: 99999999, integer: true }, jsonata, sink);
  const timestamp = state.Timestamp;
  if (timestamp !== undefined && !(jsonata && isJsonataExpression(timestamp))) {
    // A well-formed string naming no instant (month 13, hour 25) is refused too (recorded on AWS).
    if (checkString(timestamp, `${location}/Timestamp`, sink) && !(TIMESTAMP.test(timestamp as string) && !Number.isNaN(Date.parse(timestamp as string)))) {
      sink.schema(Messages.invalidTimestamp, `${location}/Timestamp`);
    }
  }
};

/** Fail: Error, Cause and their Path twins are strings (floci-io/floci#2786: "Expected value of type [STRING]"). */
export const failFields: StateRule = ({ state, location, sink }) => {
  for (const field of ['Error', 'ErrorPath', 'Cause', 'CausePath']) checkString(state[field], `${location}/${field}`, sink);
};
