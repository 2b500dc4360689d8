import { openFixture, types, type Fixture } from './service-fixture';

// An integration the local service cannot run fails as AWS fails a task whose service it cannot
// reach (localstack test_task_service_sqs.snapshot.json test_send_message_no_such_queue, recorded on
// AWS): TaskStarted, then TaskFailed <Prefix>.SdkClientException, which Catch and Retry take.
let f: Fixture;
afterEach(() => f.close());

const task = (Resource: string, extra: Record<string, unknown> = {}) => ({ Type: 'Task', Resource, Parameters: { Message: 'hi' }, ...extra });

test('an unrun optimised integration: TaskStarted, then TaskFailed SNS.SdkClientException naming the resource; a Catch on States.ALL takes it', async () => {
  f = await openFixture();
  const sm = await f.machine('Sns', {
    StartAt: 'P',
    States: { P: task('arn:aws:states:::sns:publish', { Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Caught' }], End: true }), Caught: { Type: 'Pass', End: true } },
  });
  const arn = await f.start(sm);
  const d = await f.closed(arn);
  expect(d.status).toBe('SUCCEEDED');
  const events = await f.history(arn);
  expect(types(events)).toEqual(['ExecutionStarted', 'TaskStateEntered', 'TaskScheduled', 'TaskStarted', 'TaskFailed', 'TaskStateExited', 'PassStateEntered', 'PassStateExited', 'ExecutionSucceeded']);
  const failed = events[4]!.taskFailedEventDetails!;
  expect(failed).toMatchObject({ resourceType: 'sns', resource: 'publish', error: 'SNS.SdkClientException' });
  expect(failed.cause).toMatch(/^Unable to execute HTTP request: the local service has no integration for the resource 'arn:aws:states:::sns:publish'\./);
});

test('an AWS SDK integration takes its SDK v2 prefix; a service whose prefix was never recorded fails as States.TaskFailed, which Retry takes', async () => {
  f = await openFixture();
  const s3 = await f.closed(await f.start(await f.machine('S3', { StartAt: 'G', States: { G: task('arn:aws:states:::aws-sdk:s3:getObject', { End: true }) } })));
  expect(s3).toMatchObject({ status: 'FAILED', error: 'S3.SdkClientException' });
  const glue = await f.machine('Glue', {
    StartAt: 'J',
    States: { J: task('arn:aws:states:::glue:startJobRun', { Retry: [{ ErrorEquals: ['States.TaskFailed'], MaxAttempts: 1, IntervalSeconds: 1 }], End: true }) },
  });
  const arn = await f.start(glue);
  await new Promise((r) => setTimeout(r, 50));
  expect((await f.service.admin.advanceTime(1000)).fired).toBe(1);
  expect(await f.closed(arn)).toMatchObject({ status: 'FAILED', error: 'States.TaskFailed' });
  expect(types(await f.history(arn)).filter((t) => t === 'TaskScheduled')).toHaveLength(2);
});
