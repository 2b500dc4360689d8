import type { Runtime } from '../runtime';
import { ServiceError, type StepFunctionsOperations } from '../step-functions-operations';
import type { TaskTokenRecord } from '../../store/records';
import { missing } from './errors';
import { unreadableJson } from '../../engine/core/json-nesting';

type Ops = Pick<StepFunctionsOperations, 'SendTaskSuccess' | 'SendTaskFailure' | 'SendTaskHeartbeat'>;

/**
 * Callbacks for `.waitForTaskToken` tasks and activities. A token the service never issued is
 * InvalidToken; a token whose task has closed (completed, failed, timed out, aborted) is TaskTimedOut.
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_SendTaskSuccess.html
 */
export function callbackOperations(rt: Runtime): Ops {
  const { store } = rt.ctx;
  /** Tokens whose completion is being applied: a second completion is told the task is gone. */
  const settling = new Set<string>();

  const openToken = (token: string | undefined): TaskTokenRecord => {
    if (!token) throw missing('taskToken');
    const record = store.getToken(token);
    if (!record) throw new ServiceError('InvalidToken', "Invalid Token: 'Invalid token'");
    if (record.closed || settling.has(token)) throw new ServiceError('TaskTimedOut', "Task Timed Out: 'Provided task does not exist anymore'");
    return record;
  };

  const settle = async (token: string, run: (r: TaskTokenRecord) => Promise<void>) => {
    const record = openToken(token);
    settling.add(token);
    try {
      await run(record);
    } finally {
      settling.delete(token);
    }
  };

  return {
    async SendTaskSuccess({ taskToken, output }) {
      if (output === undefined) throw missing('output');
      const problem = unreadableJson(output);
      if (problem !== undefined) throw new ServiceError('InvalidOutput', `Invalid Output: '${problem}'`);
      await settle(taskToken!, (r) => rt.host.feed(r.executionArn, { kind: 'TaskSucceeded', taskId: r.taskId, output }));
      return {};
    },

    async SendTaskFailure({ taskToken, error, cause }) {
      await settle(taskToken!, (r) =>
        // Without an error the task fails unnamed: its event carries none (recorded on AWS, see unnamedTaskFailure).
        rt.host.feed(r.executionArn, { kind: 'TaskFailed', taskId: r.taskId, error: error ?? '', ...(error === undefined ? { unnamed: true } : {}), ...(cause !== undefined ? { cause } : {}) }),
      );
      return {};
    },

    async SendTaskHeartbeat({ taskToken }) {
      const r = openToken(taskToken);
      await rt.host.feed(r.executionArn, { kind: 'TaskHeartbeat', taskId: r.taskId });
      return {};
    },
  };
}
