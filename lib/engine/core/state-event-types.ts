import type { StateType } from '../../asl';
import type { HistoryEventType } from '../history-event';

/** The history event types each state type records; `undefined` where AWS has none. */
export interface StateEventTypes {
  entered: HistoryEventType;
  exited: HistoryEventType | undefined;
  aborted: HistoryEventType | undefined;
}

export const stateEventTypes: Record<StateType, StateEventTypes> = {
  Pass: { entered: 'PassStateEntered', exited: 'PassStateExited', aborted: undefined },
  Task: { entered: 'TaskStateEntered', exited: 'TaskStateExited', aborted: 'TaskStateAborted' },
  Choice: { entered: 'ChoiceStateEntered', exited: 'ChoiceStateExited', aborted: undefined },
  Wait: { entered: 'WaitStateEntered', exited: 'WaitStateExited', aborted: 'WaitStateAborted' },
  Succeed: { entered: 'SucceedStateEntered', exited: 'SucceedStateExited', aborted: undefined },
  Fail: { entered: 'FailStateEntered', exited: undefined, aborted: undefined },
  Parallel: { entered: 'ParallelStateEntered', exited: 'ParallelStateExited', aborted: 'ParallelStateAborted' },
  Map: { entered: 'MapStateEntered', exited: 'MapStateExited', aborted: 'MapStateAborted' },
};
