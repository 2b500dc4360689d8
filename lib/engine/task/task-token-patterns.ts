import type { IntegrationPattern } from '../engine-command';

/**
 * Which patterns give the task a token in `$$.Task.Token`: callbacks, and job runs, whose token a
 * worker may use to end the task early (SendTaskSuccess: "optionally Task states using the job run
 * pattern"; localstack's test_sync_with_task_token, validated on AWS, passes it into a .sync start).
 */
export const HAS_TOKEN: Readonly<Record<IntegrationPattern, boolean>> = { 'request-response': false, sync: true, 'sync:2': true, waitForTaskToken: true };
