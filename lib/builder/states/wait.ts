import type { WaitState } from '../../asl';
import { NextState } from '../next-state';
import { WorkflowError } from '../workflow-error';

/** How long to wait: exactly one of these. @see https://docs.aws.amazon.com/step-functions/latest/dg/state-wait.html */
export type WaitTime =
  | { seconds: number }
  | { timestamp: string }
  | { secondsPath: string }
  | { timestampPath: string };

export class Wait extends NextState {
  readonly type = 'Wait';
  constructor(name: string, private readonly time: WaitTime, private readonly comment?: string) {
    super(name);
    if ('seconds' in time && !(Number.isInteger(time.seconds) && time.seconds >= 0)) {
      throw new WorkflowError(`the wait of ${time.seconds} seconds is not a whole number from 0 to 99999999`, 'use whole seconds, e.g. { seconds: 300 }', name);
    }
  }

  render(): WaitState {
    const t = this.time;
    const time =
      'seconds' in t ? { Seconds: t.seconds }
      : 'timestamp' in t ? { Timestamp: t.timestamp }
      : 'secondsPath' in t ? { SecondsPath: t.secondsPath }
      : { TimestampPath: t.timestampPath };
    return { Type: 'Wait', ...(this.comment && { Comment: this.comment }), ...time, ...this.transition() };
  }

  /** WaitStateEntered, WaitStateExited. */
  ownEvents(): number {
    return 2;
  }
}
