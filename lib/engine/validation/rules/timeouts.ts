import type { StateRule } from '../context';
import { checkNumeric } from '../field-checks';
import { Messages } from '../messages';

/** Seconds-like bounds AWS applies (measured with ValidateStateMachineDefinition, see messages.ts). */
const MAX_SECONDS = 99999999;

/** Task TimeoutSeconds/HeartbeatSeconds: integers 1..99999999, heartbeat below timeout. */
export const taskTimeouts: StateRule = ({ state, location, queryLanguage, sink }) => {
  const jsonata = queryLanguage === 'JSONata';
  checkNumeric(state.TimeoutSeconds, `${location}/TimeoutSeconds`, { min: 1, max: MAX_SECONDS, integer: true }, jsonata, sink);
  checkNumeric(state.HeartbeatSeconds, `${location}/HeartbeatSeconds`, { min: 1, max: MAX_SECONDS, integer: true }, jsonata, sink);
  const timeout = state.TimeoutSeconds;
  const heartbeat = state.HeartbeatSeconds;
  if (typeof timeout === 'number' && typeof heartbeat === 'number' && heartbeat >= timeout && heartbeat >= 1 && timeout >= 1) {
    sink.schema(Messages.heartbeatBelowTimeout, `${location}/HeartbeatSeconds`);
  }
};
