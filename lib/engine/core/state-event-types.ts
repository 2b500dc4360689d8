import type { StateType } from '../../asl';
import type { HistoryEventType } from '../history-event';

/** The history event types each state type records; `undefined` where AWS has none. */
export interface StateEventTypes {
  entered: HistoryEventType;
  exited: HistoryEventType | undefined;
  aborted: HistoryEventType | undefined;
  /** Recorded when a failure of the state's branches is not retried (Map, Parallel). */
  failed: HistoryEventType | undefined;
}

export const stateEventTypes: Record<StateType, StateEventTypes> = {
  Pass: { entered: 'PassStateEntered', exited: 'PassStateExited', aborted: undefined, failed: undefined },
  Task: { entered: 'TaskStateEntered', exited: 'TaskStateExited', aborted: 'TaskStateAborted', failed: undefined },
  Choice: { entered: 'ChoiceStateEntered', exited: 'ChoiceStateExited', aborted: undefined, failed: undefined },
  Wait: { entered: 'WaitStateEntered', exited: 'WaitStateExited', aborted: 'WaitStateAborted', failed: undefined },
  Succeed: { entered: 'SucceedStateEntered', exited: 'SucceedStateExited', aborted: undefined, failed: undefined },
  Fail: { entered: 'FailStateEntered', exited: undefined, aborted: undefined, failed: undefined },
  Parallel: { entered: 'ParallelStateEntered', exited: 'ParallelStateExited', aborted: 'ParallelStateAborted', failed: 'ParallelStateFailed' },
  Map: { entered: 'MapStateEntered', exited: 'MapStateExited', aborted: 'MapStateAborted', failed: 'MapStateFailed' },
};
