import type { SFNClient } from '@aws-sdk/client-sfn';
import type { WaitingTask } from '../runtime/local-service-contract';
import { callAdmin } from './admin-client';
import { UsageError } from './command';
import { CommandFailure } from './command-failure';
import { executionArnOf } from './execution-ref';

/** How a waiting task reads in a table. */
export function waitsForText(t: WaitingTask): string {
  if (t.waitsFor === 'callback') return 'callback';
  return t.started ? 'activity (a worker has it)' : 'activity (no worker yet)';
}

/** The tasks of an execution waiting with a task token (GET /_sagaflow/waiting-tasks). */
export async function waitingTasks(endpoint: string, executionArn: string): Promise<WaitingTask[]> {
  const { tasks } = await callAdmin<{ tasks: WaitingTask[] }>(endpoint, 'GET', `waiting-tasks?executionArn=${encodeURIComponent(executionArn)}`);
  return tasks;
}

/** The flags by which send-task-success and send-task-failure name the task they complete. */
export const TASK_FLAGS = {
  'task-token': { type: 'string' },
  execution: { type: 'string' },
  state: { type: 'string' },
} as const;

export const TASK_USAGE = `  --task-token TOKEN  the token the task handed out
  --execution EXEC    or: the execution whose task waits for a callback (its ARN or name)
  --state NAME        with --execution: the Task state, when several wait at once`;

/**
 * The token of the task to complete: --task-token as given, or the one task of --execution that
 * waits for a callback (a state named by --state when several do). Activities are left to their workers.
 */
export async function taskTokenOf(client: SFNClient, endpoint: string, flags: { 'task-token'?: string; execution?: string; state?: string }): Promise<string> {
  if (flags['task-token'] !== undefined) {
    if (flags.execution !== undefined || flags.state !== undefined) throw new UsageError('give --task-token, or --execution (and --state), not both');
    return flags['task-token'];
  }
  if (flags.execution === undefined) throw new UsageError('name the task: --task-token TOKEN, or --execution EXECUTION');
  const arn = await executionArnOf(client, endpoint, flags.execution);
  const waiting = await waitingTasks(endpoint, arn);
  const callbacks = waiting.filter((t) => t.waitsFor === 'callback' && t.taskToken !== undefined);
  const picked = flags.state === undefined ? callbacks : callbacks.filter((t) => t.stateName === flags.state);
  if (picked.length === 1) return picked[0].taskToken!;
  const states = callbacks.map((t) => t.stateName).join(', ');
  if (picked.length === 0) {
    if (callbacks.length === 0) {
      const activities = waiting.filter((t) => t.waitsFor === 'activity');
      if (activities.length > 0) {
        const which = activities.map((t) => `${t.stateName} (${t.started ? 'a worker has it' : 'no worker has it yet'})`).join(', ');
        throw new CommandFailure(`${flags.execution} waits for an activity in state ${which}, not a callback: its worker completes it, or send the token it got with --task-token`);
      }
      throw new CommandFailure(`${flags.execution} has no task waiting for a callback (\`sagaflow tasks ${flags.execution}\` shows what it waits for)`);
    }
    throw new CommandFailure(`no task of ${flags.execution} in state '${flags.state}' waits for a callback; these do: ${states}`);
  }
  throw new CommandFailure(`${picked.length} tasks of ${flags.execution} wait for a callback (${states}); name one with --state`);
}
